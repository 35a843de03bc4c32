using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Io;

namespace Concentrator.Host.Simulation;

/// <summary>
/// Sends bytes over a socket no faster than a serial line would carry them: in small chunks, each one held back until
/// the line would have had time for every byte before it (start bit + data + parity + stop bits per character, from
/// Core's <see cref="LineSettings"/>). At 115200 8N1 a byte takes 86.8 µs and a 700-byte telegram about 61 ms.
/// </summary>
public sealed class WireRatePacer
{
    /// <summary>Bytes per send: 32 at 115200 baud is 2.8 ms, about what a USB serial adapter delivers at a time.</summary>
    public const int DefaultChunkSize = 32;

    private readonly LineSettings _line;
    private readonly int _chunkSize;

    /// <param name="line">The line to imitate; a baud rate of 0 sends without pacing.</param>
    /// <param name="chunkSize">Bytes per send.</param>
    public WireRatePacer(LineSettings line, int chunkSize = DefaultChunkSize)
    {
        if (chunkSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "chunk size must be at least 1");
        }

        _line = line;
        _chunkSize = chunkSize;
    }

    public LineSettings Line => _line;

    /// <summary>How long the line needs for <paramref name="bytes"/> bytes.</summary>
    public TimeSpan WireTime(int bytes)
    {
        return TimeSpan.FromTicks(_line.WireMicroseconds(bytes) * 10);
    }

    /// <summary>
    /// Sends <paramref name="count"/> bytes paced at the line rate; returns when the last byte would have left the line.
    /// Each chunk must be accepted within <paramref name="sendTimeout"/> (a peer that stops reading is given up on).
    /// </summary>
    public async Task SendAsync(Socket socket, byte[] buffer, int offset, int count, TimeSpan sendTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(buffer);
        long start = Stopwatch.GetTimestamp();
        int sent = 0;
        while (sent < count)
        {
            if (_line.BaudRate > 0)
            {
                await WaitUntilAsync(start, WireTime(sent), cancellationToken).ConfigureAwait(false);
            }

            int chunk = _line.BaudRate > 0 ? Math.Min(_chunkSize, count - sent) : count - sent;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(sendTimeout);
                int n;
                try
                {
                    n = await socket.SendAsync(buffer.AsMemory(offset + sent, chunk), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException("the peer did not take " + chunk + " bytes within " + sendTimeout.TotalSeconds + " s");
                }

                sent += n;
            }
        }

        if (_line.BaudRate > 0)
        {
            await WaitUntilAsync(start, WireTime(count), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WaitUntilAsync(long start, TimeSpan due, CancellationToken cancellationToken)
    {
        // Timers may wake a little early: check again, so that no byte leaves before its time on the line.
        TimeSpan remaining;
        while ((remaining = due - Stopwatch.GetElapsedTime(start)) > TimeSpan.Zero)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
        }
    }
}
