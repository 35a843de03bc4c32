namespace Concentrator.Core.Io
{
    /// <summary>
    /// A serial byte stream to a meter: a UART (optical head, RS485, P1) on the board, a TCP socket on the desktop.
    /// Every call is bounded in time and reports a <see cref="LinkStatus"/> instead of throwing.
    /// </summary>
    public interface IByteLink
    {
        /// <summary>
        /// Reads what has arrived, up to <paramref name="count"/> bytes, waiting at most
        /// <paramref name="timeoutMilliseconds"/> for the first one. Ok with bytesRead &gt; 0, or Timeout with 0.
        /// </summary>
        LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead);

        /// <summary>Queues bytes for sending.</summary>
        LinkStatus Write(byte[] buffer, int offset, int count);

        /// <summary>Changes the line's framing (a no-op where the link has none, e.g. plain TCP).</summary>
        LinkStatus Configure(LineSettings settings);
    }
}
