using System;
using Concentrator.Core.Commands;

namespace Concentrator.Core.Tests.Mqtt
{
    /// <summary>Records the command and replies "ok: " + the command (or throws, when told to).</summary>
    public sealed class EchoCommandHandler : ICommandHandler
    {
        public string Last;

        public bool Throw;

        public void Handle(string text, ICommandReply reply)
        {
            Last = text;
            if (Throw)
            {
                throw new InvalidOperationException("broken");
            }

            reply.Send("ok: " + text);
        }
    }
}
