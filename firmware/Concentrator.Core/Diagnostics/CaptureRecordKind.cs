namespace Concentrator.Core.Diagnostics
{
    /// <summary>The kinds of record in a <see cref="FrameCapture"/>'s buffer.</summary>
    public enum CaptureRecordKind : byte
    {
        /// <summary>Bytes sent to the meter.</summary>
        Transmit = 1,

        /// <summary>Bytes received from the meter.</summary>
        Receive = 2,

        /// <summary>The line's framing changed (8 bytes: baud LE32, data bits, parity, stop bits, inverted).</summary>
        Line = 3,

        /// <summary>A session of the meter began.</summary>
        SessionStart = 4,

        /// <summary>A session of the meter ended.</summary>
        SessionEnd = 5,
    }
}
