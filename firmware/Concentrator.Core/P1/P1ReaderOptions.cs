namespace Concentrator.Core.P1
{
    /// <summary>Timing of a <see cref="P1PortReader"/>.</summary>
    public sealed class P1ReaderOptions
    {
        /// <summary>Longest single wait for bytes (keeps the loop responsive to shutdown).</summary>
        public int ReadTimeoutMilliseconds = 250;

        /// <summary>
        /// A telegram that stops arriving for this long is reported truncated. At 115200 baud a telegram takes
        /// under 100 ms; at 9600 under 1.5 s.
        /// </summary>
        public int InterByteTimeoutMilliseconds = 2000;

        /// <summary>
        /// No byte at all for this long is reported as a silent meter (DSMR 4 sends every 10 s, DSMR 5 every
        /// second; a missing data-request line or a broken cable shows up here).
        /// </summary>
        public int SilenceAlarmMilliseconds = 30000;

        /// <summary>Size of the read buffer (one UART FIFO's worth is plenty).</summary>
        public int ReadBufferSize = 256;
    }
}
