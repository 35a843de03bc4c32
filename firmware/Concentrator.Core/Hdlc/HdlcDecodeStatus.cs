namespace Concentrator.Core.Hdlc
{
    /// <summary>What <see cref="HdlcFrameDecoder.Feed"/> found.</summary>
    public enum HdlcDecodeStatus : byte
    {
        /// <summary>Everything fed was taken; no frame is complete yet.</summary>
        NeedMoreData = 0,

        /// <summary>A frame passed every check: <see cref="HdlcFrameDecoder.Frame"/>.</summary>
        FrameReady = 1,

        /// <summary>Bytes outside any frame were skipped before an opening flag (line noise, a bus turnaround glitch).</summary>
        GarbageSkipped = 2,

        /// <summary>The format field is not frame format type 3 (0xA in its top nibble), or the length is below the minimum.</summary>
        BadFormat = 3,

        /// <summary>The length field exceeds what this decoder takes.</summary>
        TooLong = 4,

        /// <summary>An address does not end within 4 bytes, or is 3 bytes long.</summary>
        BadAddress = 5,

        /// <summary>The header check sequence does not match.</summary>
        BadHcs = 6,

        /// <summary>The frame check sequence does not match.</summary>
        BadFcs = 7,

        /// <summary>The byte after the length-announced end is not the closing flag.</summary>
        MissingClosingFlag = 8,

        /// <summary>The input ended inside a frame (<see cref="HdlcFrameDecoder.Finish"/>).</summary>
        Truncated = 9,
    }
}
