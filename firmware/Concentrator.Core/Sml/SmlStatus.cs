namespace Concentrator.Core.Sml
{
    /// <summary>What <see cref="SmlFileDecoder.Feed"/> reports. Everything after <see cref="PartialFile"/> is a failure kind.</summary>
    public enum SmlStatus : byte
    {
        /// <summary>All input consumed; no file finished yet.</summary>
        NeedMoreData = 0,

        /// <summary>A file passed every check; its readings are in <see cref="SmlFileDecoder.Readings"/>.</summary>
        FileReady = 1,

        /// <summary>
        /// A file failed a check (<see cref="SmlFileDecoder.LastError"/> says which), but some of its messages passed
        /// their own CRC: their readings are in <see cref="SmlFileDecoder.Readings"/> and can be trusted.
        /// </summary>
        PartialFile = 2,

        /// <summary>Bytes arrived outside a file (before its start sequence).</summary>
        GarbageSkipped = 3,

        /// <summary>A file ended before its end sequence (a new start sequence arrived, the line went silent, or the input ended).</summary>
        Truncated = 4,

        /// <summary>A file grew past the configured maximum length.</summary>
        TooLong = 5,

        /// <summary>The CRC in the end sequence matches neither CRC-16/X-25 nor (where allowed) CRC-16/KERMIT.</summary>
        BadFileCrc = 6,

        /// <summary>An escape sequence inside the file is not one transport v1 defines (escaped escape, start, end).</summary>
        BadEscape = 7,

        /// <summary>The end sequence's fill count is not 0..3, or the fill bytes are not zero.</summary>
        BadFill = 8,

        /// <summary>A message's own CRC does not match its bytes.</summary>
        BadMessageCrc = 9,

        /// <summary>The TL encoding or the message structure is not what SML defines (see <see cref="SmlError.Problem"/>).</summary>
        Malformed = 10,

        /// <summary>The file holds more readings (or text) than the configured capacity.</summary>
        CapacityExceeded = 11,
    }
}
