using System;
using Concentrator.Core.Mqtt;

namespace Concentrator.Core.Tests.Mqtt
{
    /// <summary>Records the command and replies "ok: " + the command (or throws, when told to).</summary>
    public sealed class EchoCommandHandler : ICommandHandler
    {
        public string Last;

        public bool Throw;

        public int Handle(string text, byte[] reply)
        {
            Last = text;
            if (Throw)
            {
                throw new InvalidOperationException("broken");
            }

            string answer = "ok: " + text;
            for (int i = 0; i < answer.Length; i++)
            {
                reply[i] = (byte)answer[i];
            }

            return answer.Length;
        }
    }
}
