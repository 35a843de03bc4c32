using System.Diagnostics;
using System.Net.Sockets;

namespace Concentrator.Host.Simulation.Iec;

/// <summary>
/// Serves a simulated IEC 62056-21 meter on a TCP port, as ser2net would serve an optical head: what a client sends
/// reaches the meter, the meter's answers come back paced at its wire rate (10 or 11 bits per character at its baud).
/// Characters from the client reach the meter at the wire rate too. TCP carries no baud, so here the client is assumed
/// to follow every switch correctly (its framing always equals the meter's); framing mismatches, echo and too-early switches are modelled by the in-process <see cref="SimulatedIecLine"/>.
/// One thread per client, each with a meter of its own; listening, client threads and stopping are
/// <see cref="SimulatedTcpServer"/>'s.
/// </summary>
public sealed class SimulatedIecMeterServer : SimulatedTcpServer
{
    private readonly IecMeterProfile _profile;

    public SimulatedIecMeterServer(IecMeterProfile profile)
        : base("IEC simulator")
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        _profile = profile;
    }

    public IecMeterProfile Profile => _profile;

    protected override string Serve(int id, Socket client, CancellationToken cancellationToken)
    {
        var meter = new SimulatedIecMeter(_profile, DateTime.UtcNow);
        var pending = new Queue<(byte Value, long Due)>();
        var incoming = new Queue<(byte Value, long Due)>();
        long receiveBusyUntil = 0;
        byte[] buffer = new byte[256];
        byte[] one = new byte[1];
        long start = Stopwatch.GetTimestamp();
        long Now() => (long)(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000);
        while (!cancellationToken.IsCancellationRequested)
        {
            long now = Now();
            if (client.Poll(1000, SelectMode.SelectRead))
            {
                int n = client.Receive(buffer);
                if (n == 0)
                {
                    return "closed by the client";
                }

                // Each character reaches the meter when its last bit would have, at the line's rate.
                now = Now();
                for (int i = 0; i < n; i++)
                {
                    receiveBusyUntil = Math.Max(now, receiveBusyUntil) + meter.Line.WireMicroseconds(1);
                    incoming.Enqueue((buffer[i], receiveBusyUntil));
                }
            }

            while (incoming.Count > 0 && incoming.Peek().Due <= now)
            {
                var (value, due) = incoming.Dequeue();
                meter.Receive(value, due);
            }

            meter.Tick(now);
            while (meter.Outbox.Count > 0)
            {
                var (bytes, first, line) = meter.Outbox.Dequeue();
                for (int i = 0; i < bytes.Length; i++)
                {
                    pending.Enqueue((bytes[i], first + line.WireMicroseconds(i + 1)));
                }
            }

            while (pending.Count > 0 && pending.Peek().Due <= now)
            {
                one[0] = pending.Dequeue().Value;
                client.Send(one);
            }
        }

        return "closed";
    }
}
