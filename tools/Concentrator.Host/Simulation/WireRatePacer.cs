using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
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
    /// Sends <paramref name="count"/> bytes paced at the line rate on a blocking socket; returns when the last byte
    /// would have left the line. Each chunk must be accepted within <paramref name="sendTimeout"/> (a peer that stops
    /// reading is given up on with a <see cref="TimeoutException"/>); cancellation ends the wait between chunks with an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public void Send(Socket socket, byte[] buffer, int offset, int count, TimeSpan sendTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(buffer);
        socket.SendTimeout = (int)Math.Ceiling(sendTimeout.TotalMilliseconds);
        long start = Stopwatch.GetTimestamp();
        int sent = 0;
        while (sent < count)
        {
            if (_line.BaudRate > 0)
            {
                WaitUntil(start, WireTime(sent), cancellationToken);
            }

            int chunk = _line.BaudRate > 0 ? Math.Min(_chunkSize, count - sent) : count - sent;
            int n = socket.Send(buffer, offset + sent, chunk, SocketFlags.None, out SocketError error);
            if (error == SocketError.TimedOut || error == SocketError.WouldBlock)
            {
                throw new TimeoutException("the peer did not take " + chunk + " bytes within " + sendTimeout.TotalSeconds + " s");
            }

            if (error != SocketError.Success)
            {
                throw new SocketException((int)error);
            }

            sent += n;
        }

        if (_line.BaudRate > 0)
        {
            WaitUntil(start, WireTime(count), cancellationToken);
        }
    }

    private static void WaitUntil(long start, TimeSpan due, CancellationToken cancellationToken)
    {
        // A wait may end a little early: check again, so that no byte leaves before its time on the line.
        TimeSpan remaining;
        while ((remaining = due - Stopwatch.GetElapsedTime(start)) > TimeSpan.Zero)
        {
            if (cancellationToken.WaitHandle.WaitOne((int)Math.Ceiling(remaining.TotalMilliseconds)))
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
