namespace Concentrator.Core.Sml
{
    /// <summary>Timing of an <see cref="SmlPushReader"/>.</summary>
    public sealed class SmlPushReaderOptions
    {
        /// <summary>Longest single wait for bytes (keeps the loop responsive to shutdown).</summary>
        public int ReadTimeoutMilliseconds = 250;

        /// <summary>A file that stops arriving for this long is reported truncated (at 9600 baud a 400-byte file takes 420 ms).</summary>
        public int InterByteTimeoutMilliseconds = 1500;

        /// <summary>No byte at all for this long is reported as a silent meter (eHZ meters push every 1..4 s).</summary>
        public int SilenceAlarmMilliseconds = 30000;

        /// <summary>Size of the read buffer.</summary>
        public int ReadBufferSize = 256;
    }
}
