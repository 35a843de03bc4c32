namespace Concentrator.Core.Dsmr
{
    /// <summary>What <see cref="DsmrTelegramDecoder.Feed"/> reports. Everything after <see cref="TelegramReady"/> is a failure kind.</summary>
    public enum DsmrStatus : byte
    {
        /// <summary>All input consumed; no telegram finished yet.</summary>
        NeedMoreData = 0,

        /// <summary>A telegram passed every check; its readings are in <see cref="DsmrTelegramDecoder.Readings"/>.</summary>
        TelegramReady = 1,

        /// <summary>Bytes other than line breaks arrived outside a telegram (before its '/').</summary>
        GarbageSkipped = 2,

        /// <summary>A telegram ended before its '!' end marker (a new '/' arrived, the line went silent, or the input ended).</summary>
        Truncated = 3,

        /// <summary>A telegram grew past the configured maximum length without an end marker.</summary>
        TooLong = 4,

        /// <summary>The CRC after '!' does not match the telegram.</summary>
        BadCrc = 5,

        /// <summary>The CRC field after '!' is not 4 hex digits.</summary>
        MalformedCrc = 6,

        /// <summary>A DSMR 4 or later telegram (which must carry a CRC) ended without one.</summary>
        CrcMissing = 7,

        /// <summary>A line of a telegram could not be parsed.</summary>
        MalformedLine = 8,

        /// <summary>The telegram holds more readings (or text) than the configured capacity.</summary>
        CapacityExceeded = 9,
    }
}
