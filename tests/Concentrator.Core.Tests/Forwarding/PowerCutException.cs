using System;

namespace Concentrator.Core.Tests.Forwarding
{
    /// <summary>Thrown by <see cref="PowerCutBlockStore"/> where the power went.</summary>
    public sealed class PowerCutException : Exception
    {
        public PowerCutException()
            : base("power cut")
        {
        }
    }
}
