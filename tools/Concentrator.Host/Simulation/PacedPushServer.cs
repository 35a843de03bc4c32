using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using Concentrator.Core.Io;

namespace Concentrator.Host.Simulation;

/// <summary>
/// Serves a pushing meter on a TCP port, the way ser2net serves a real one: every connected client receives the
/// stream, the first transmission right after it connects, then one per interval, paced at the line rate by a
/// <see cref="WireRatePacer"/>. All clients read the same meter (one <see cref="IPushSource"/>, so its registers keep
/// running across reconnects); each client has its own schedule.
/// </summary>
public class PacedPushServer : SimulatedTcpServer
{
    private readonly IPushSource _source;
    private readonly LineSettings _line;
    private readonly TimeSpan _interval;
    private readonly Func<DateTime> _utcClock;
    private readonly object _sourceLock = new();
    private long _telegramsSent;

    /// <param name="source">The meter.</param>
    /// <param name="line">The line to imitate (a baud rate of 0: no pacing).</param>
    /// <param name="interval">Time from one transmission's start to the next.</param>
    /// <param name="utcClock">The meter's clock; the system clock when null.</param>
    /// <param name="threadName">Names the threads.</param>
    public PacedPushServer(IPushSource source, LineSettings line, TimeSpan interval, Func<DateTime>? utcClock, string threadName)
        : base(threadName)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _line = line;
        _interval = interval;
        _utcClock = utcClock ?? (() => DateTime.UtcNow);
    }

    /// <summary>Transmissions put on the wire (telegrams or files, damaged or not; silent slots not counted).</summary>
    public long TelegramsSent => Interlocked.Read(ref _telegramsSent);

    protected Func<DateTime> UtcClock => _utcClock;

    protected override string Serve(int id, Socket client, CancellationToken cancellationToken)
    {
        var pacer = new WireRatePacer(_line);
        byte[] buffer = new byte[_source.MaxTransmissionLength];
        long interval = (long)(_interval.TotalSeconds * Stopwatch.Frequency);
        long due = Stopwatch.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            P1Transmission transmission;
            lock (_sourceLock)
            {
                transmission = _source.Next(_utcClock());
                Buffer.BlockCopy(transmission.Buffer, 0, buffer, 0, transmission.Length);
            }

            if (transmission.Fault == P1FaultKind.Silence)
            {
                // The meter stops sending; it starts again with the next transmission.
                cancellationToken.WaitHandle.WaitOne(transmission.Silence);
                due = Stopwatch.GetTimestamp();
                continue;
            }

            pacer.Send(client, buffer, 0, transmission.Length, SendTimeout, cancellationToken);
            Interlocked.Increment(ref _telegramsSent);

            due += interval;
            long now = Stopwatch.GetTimestamp();
            if (due > now)
            {
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds((double)(due - now) / Stopwatch.Frequency));
            }
            else
            {
                due = now; // fell behind (a slow client): no burst to catch up
            }
        }

        return "closed (server stopping)";
    }
}
