namespace Concentrator.Benchmarks;

/// <summary>One call of a streaming decoder's <c>Feed</c>: true when it completed a message (telegram, file, readout, frame).</summary>
public delegate bool FeedStep(byte[] data, int offset, int count, out int consumed);

/// <summary>
/// The decode loop every decoder benchmark runs: hands a buffer to a streaming decoder, whole or in UART-sized pieces,
/// and counts the completed messages. The delegate is built once per benchmark class, so the loop allocates nothing.
/// </summary>
public static class FeedLoop
{
    /// <summary>Feeds <paramref name="data"/>[0..<paramref name="length"/>) <paramref name="piece"/> bytes at a time; returns the messages completed.</summary>
    public static int Run(FeedStep feed, byte[] data, int length, int piece)
    {
        int offset = 0;
        int ready = 0;
        while (offset < length)
        {
            int count = Math.Min(piece, length - offset);
            if (feed(data, offset, count, out int consumed))
            {
                ready++;
            }

            offset += consumed;
        }

        return ready;
    }
}
