using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Concentrator.Host.Simulation.Iec;

/// <summary>
/// Serves a simulated IEC 62056-21 meter on a TCP port, as ser2net would serve an optical head: what a client sends
/// reaches the meter, the meter's answers come back paced at its wire rate (10 or 11 bits per character at its baud).
/// Characters from the client reach the meter at the wire rate too. TCP carries no baud, so here the client is assumed
/// to follow every switch correctly (its framing always equals the meter's); framing mismatches, echo and too-early switches are modelled by the in-process <see cref="SimulatedIecLine"/>.
/// One thread per client, each with a meter of its own.
/// </summary>
public sealed class SimulatedIecMeterServer : IDisposable
{
    private readonly IecMeterProfile _profile;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Thread> _threads = new();
    private TcpListener? _listener;

    public SimulatedIecMeterServer(IecMeterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        _profile = profile;
    }

    public event Action<string>? Diagnostic;

    public IecMeterProfile Profile => _profile;

    public int Port => ((IPEndPoint)(_listener ?? throw new InvalidOperationException("the server is not started")).LocalEndpoint).Port;

    public void Start(int port = 0)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        _listener = listener;
        var accept = new Thread(() => Accept(listener)) { IsBackground = true, Name = "IEC simulator accept" };
        lock (_threads)
        {
            _threads.Add(accept);
        }

        accept.Start();
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener?.Stop();
        Thread[] threads;
        lock (_threads)
        {
            threads = _threads.ToArray();
        }

        foreach (Thread thread in threads)
        {
            thread.Join(TimeSpan.FromSeconds(3));
        }

        _stopping.Dispose();
    }

    private void Accept(TcpListener listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = listener.AcceptSocket();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            client.NoDelay = true;
            var thread = new Thread(() => Serve(client)) { IsBackground = true, Name = "IEC simulator client" };
            lock (_threads)
            {
                _threads.Add(thread);
            }

            thread.Start();
        }
    }

    private void Serve(Socket client)
    {
        Diagnostic?.Invoke("client connected from " + client.RemoteEndPoint);
        var meter = new SimulatedIecMeter(_profile, DateTime.UtcNow);
        var pending = new Queue<(byte Value, long Due)>();
        var incoming = new Queue<(byte Value, long Due)>();
        long receiveBusyUntil = 0;
        byte[] buffer = new byte[256];
        byte[] one = new byte[1];
        long start = Stopwatch.GetTimestamp();
        long Now() => (long)(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000);
        try
        {
            using (client)
            {
                while (!_stopping.IsCancellationRequested)
                {
                    long now = Now();
                    if (client.Poll(1000, SelectMode.SelectRead))
                    {
                        int n = client.Receive(buffer);
                        if (n == 0)
                        {
                            break; // the client closed
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
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            Diagnostic?.Invoke("client gone: " + exception.Message);
            return;
        }

        Diagnostic?.Invoke("client closed");
    }
}
