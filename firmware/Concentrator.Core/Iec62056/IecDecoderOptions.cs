namespace Concentrator.Core.Iec62056
{
    /// <summary>Sizes and conventions of an <see cref="IecMessageDecoder"/>, fixed at construction.</summary>
    public sealed class IecDecoderOptions
    {
        /// <summary>Longest data block (STX to ETX). A full Landis+Gyr readout with load-profile lines can pass 4 KB.</summary>
        public int MaxMessageLength = 6144;

        /// <summary>Most readings one readout may produce.</summary>
        public int MaxReadings = 160;

        /// <summary>Bytes for raw values, units and identifiers of one readout.</summary>
        public int TextCapacity = 4096;

        /// <summary>Value groups one data set may carry.</summary>
        public int MaxGroupsPerDataSet = 16;

        /// <summary>
        /// UTC offset of the meter's clock in minutes when it is known (most IEC meters keep local standard time and say
        /// nothing about it); <see cref="UnknownOffset"/> leaves timestamps without an offset.
        /// </summary>
        public int UtcOffsetMinutes = UnknownOffset;

        public const int UnknownOffset = int.MinValue;

        /// <summary>
        /// Accept a readout that follows the identification without STX/ETX/BCC and ends with a "!" line (the text push
        /// of many German eHZ/EDL meters on their optical port). Off by default: such a readout has no check at all.
        /// </summary>
        public bool AcceptUnframedReadout;
    }
}
