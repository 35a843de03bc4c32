namespace Concentrator.Core.Iec62056
{
    /// <summary>Whether the optical head hears its own transmission.</summary>
    public enum IecEchoMode : byte
    {
        /// <summary>Find out from the sign-on: if the first bytes back are the request itself, expect echo from then on.</summary>
        Auto = 0,

        /// <summary>The head never echoes.</summary>
        Off = 1,

        /// <summary>The head always echoes (half-duplex heads without receive blanking, RS485 with local echo).</summary>
        On = 2,
    }
}
