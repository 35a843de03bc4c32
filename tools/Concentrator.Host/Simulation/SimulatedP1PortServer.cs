using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Concentrator.Core.Io;

namespace Concentrator.Host.Simulation;

/// <summary>
/// Serves a simulated E350 P1 port on a TCP port, the way ser2net serves a real one: every connected client receives
/// the telegram stream, the first telegram right after it connects, then one per interval, paced at the line rate
/// (115200 8N1 by default). All clients read the same meter (one <see cref="SimulatedP1Port"/>, so its registers keep
/// running across reconnects); each client has its own schedule, kept by a thread of its own (so that the pace does
/// not depend on a busy thread pool). Stopping closes every connection, as a ser2net restart does.
/// </summary>
public sealed class SimulatedP1PortServer : IDisposable
{
    /// <summary>A client that takes no bytes for this long is dropped.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for the threads to end when stopping.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);

    private readonly SimulatedP1PortOptions _options;
    private readonly Func<DateTime> _utcClock;
    private readonly SimulatedP1Port _port;
    private readonly object _portLock = new();
    private readonly ConcurrentDictionary<int, Session> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Thread? _acceptThread;
    private int _nextSessionId;
    private long _telegramsSent;
    private int _stopped;

    /// <param name="options">The port's behaviour (validated here).</param>
    /// <param name="utcClock">The meter's clock; the system clock when null.</param>
    public SimulatedP1PortServer(SimulatedP1PortOptions options, Func<DateTime>? utcClock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _utcClock = utcClock ?? (() => DateTime.UtcNow);
        _port = new SimulatedP1Port(options, _utcClock());
    }

    /// <summary>Connection events and send failures, one line each, for a console.</summary>
    public event Action<string>? Diagnostic;

    public SimulatedP1PortOptions Options => _options;

    /// <summary>The meter being simulated (its identity: <see cref="E350MeterModel.Identification"/>).</summary>
    public E350MeterModel Meter => _port.Meter;

    /// <summary>Where the server listens, once started.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)(_listener ?? throw new InvalidOperationException("the server is not started")).LocalEndpoint;

    public int Port => EndPoint.Port;

    public int ConnectedClients => _sessions.Count;

    /// <summary>Transmissions put on the wire (telegrams, damaged or not; silent slots not counted).</summary>
    public long TelegramsSent => Interlocked.Read(ref _telegramsSent);

    /// <summary>
    /// Starts listening on <paramref name="address"/> (loopback when null) and <paramref name="port"/> (0: a free port).
    /// Throws <see cref="SocketException"/> when the port cannot be had.
    /// </summary>
    public void Start(int port = 0, IPAddress? address = null)
    {
        if (port < 0 || port > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "port must be 0 .. 65535");
        }

        if (_listener is not null)
        {
            throw new InvalidOperationException("the server is already started");
        }

        var listener = new TcpListener(address ?? IPAddress.Loopback, port);
        listener.Start();
        _listener = listener;
        _acceptThread = new Thread(() => AcceptLoop(listener, _stopping.Token)) { IsBackground = true, Name = "P1 simulator accept" };
        _acceptThread.Start();
    }

    /// <summary>Stops listening and closes every connection; waits at most <see cref="StopTimeout"/> for the threads.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _listener?.Stop();
        foreach (Session session in _sessions.Values)
        {
            session.Close();
        }

        long deadline = Environment.TickCount64 + (long)StopTimeout.TotalMilliseconds;
        if (_acceptThread is not null && !_acceptThread.Join(Remaining(deadline)))
        {
            Report("stop: the accept thread is still running after " + StopTimeout.TotalSeconds + " s; abandoned");
        }

        foreach (Session session in _sessions.Values)
        {
            if (!session.Thread.Join(Remaining(deadline)))
            {
                Report("stop: a client thread is still running after " + StopTimeout.TotalSeconds + " s; abandoned");
            }
        }
    }

    public void Dispose()
    {
        Stop();
        _stopping.Dispose();
    }

    private void AcceptLoop(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = listener.AcceptSocket();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (InvalidOperationException)
            {
                return; // stopped
            }
            catch (SocketException exception)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                Report("accept failed: " + exception.Message);
                continue;
            }

            client.NoDelay = true;
            int id = Interlocked.Increment(ref _nextSessionId);
            var session = new Session(client);
            session.Thread = new Thread(() => RunSession(id, session, cancellationToken)) { IsBackground = true, Name = "P1 simulator client " + id };
            _sessions[id] = session;
            Report("client " + id + " connected from " + client.RemoteEndPoint);
            session.Thread.Start();
            if (cancellationToken.IsCancellationRequested)
            {
                session.Close(); // stopped while this client was being accepted
            }
        }
    }

    private void RunSession(int id, Session session, CancellationToken cancellationToken)
    {
        var pacer = new WireRatePacer(new LineSettings(_options.BaudRate, 8, LineParity.None, 1, true));
        byte[] buffer = new byte[_port.MaxTransmissionLength];
        long interval = (long)(_options.EffectiveInterval.TotalSeconds * Stopwatch.Frequency);
        long due = Stopwatch.GetTimestamp();
        string ending = "closed";
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                P1Transmission transmission;
                lock (_portLock)
                {
                    transmission = _port.Next(_utcClock());
                    Buffer.BlockCopy(transmission.Buffer, 0, buffer, 0, transmission.Length);
                }

                if (transmission.Fault == P1FaultKind.Silence)
                {
                    // The meter stops sending (data-request line dropped); it starts again with the next telegram.
                    cancellationToken.WaitHandle.WaitOne(transmission.Silence);
                    due = Stopwatch.GetTimestamp();
                    continue;
                }

                pacer.Send(session.Socket, buffer, 0, transmission.Length, SendTimeout, cancellationToken);
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

            ending = "closed (server stopping)";
        }
        catch (OperationCanceledException)
        {
            ending = "closed (server stopping)";
        }
        catch (TimeoutException exception)
        {
            ending = "dropped: " + exception.Message;
        }
        catch (SocketException exception)
        {
            ending = cancellationToken.IsCancellationRequested ? "closed (server stopping)" : "gone: " + exception.Message;
        }
        catch (ObjectDisposedException)
        {
            ending = "closed (server stopping)";
        }
        finally
        {
            session.Close();
            _sessions.TryRemove(id, out _);
            Report("client " + id + " " + ending);
        }
    }

    private void Report(string message)
    {
        Diagnostic?.Invoke(message);
    }

    private static int Remaining(long deadline)
    {
        return (int)Math.Max(0, deadline - Environment.TickCount64);
    }

    private sealed class Session
    {
        private int _closed;

        public Session(Socket socket)
        {
            Socket = socket;
        }

        public Socket Socket { get; }

        public Thread Thread { get; set; } = null!;

        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0)
            {
                return;
            }

            try
            {
                Socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // The client has gone already.
            }
            catch (ObjectDisposedException)
            {
            }

            Socket.Dispose();
        }
    }
}
