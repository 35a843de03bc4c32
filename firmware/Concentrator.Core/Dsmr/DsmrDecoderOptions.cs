namespace Concentrator.Core.Dsmr
{
    /// <summary>Sizes and conventions of a <see cref="DsmrTelegramDecoder"/>, fixed at construction.</summary>
    public sealed class DsmrDecoderOptions
    {
        /// <summary>
        /// Longest telegram accepted, '/' to '!' inclusive. DSMR 5 telegrams with a full text message and four M-Bus
        /// devices stay under 3 KB; 4096 leaves room for vendor lines.
        /// </summary>
        public int MaxTelegramLength = 4096;

        /// <summary>Most readings one telegram may produce (a log line produces one per entry).</summary>
        public int MaxReadings = 96;

        /// <summary>Bytes for raw values, units and identifiers of one telegram.</summary>
        public int TextCapacity = 4096;

        /// <summary>
        /// UTC offset of the meter's standard (winter, "W") time, in minutes; summer ("S") time is one hour more.
        /// DSMR meters (NL, BE, LU) keep Central European time: +60.
        /// </summary>
        public int StandardUtcOffsetMinutes = 60;

        /// <summary>Value groups one line may carry (the Belgian monthly peak log has 2 + 3 per month).</summary>
        public int MaxGroupsPerLine = 64;
    }
}
