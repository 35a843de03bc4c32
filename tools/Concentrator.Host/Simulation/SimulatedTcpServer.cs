using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Concentrator.Host.Simulation;

/// <summary>
/// The TCP side of a simulated meter port: listens on a port, gives every client a thread of its own (so that the
/// pace does not depend on a busy thread pool) running <see cref="Serve"/>, and closes every connection when stopped,
/// as a ser2net restart does. Subclasses say what a client gets: a paced push stream, or answers to requests.
/// </summary>
public abstract class SimulatedTcpServer : IDisposable
{
    /// <summary>A client that takes no bytes for this long is dropped.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for the threads to end when stopping.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<int, Session> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _threadName;
    private TcpListener? _listener;
    private Thread? _acceptThread;
    private int _nextSessionId;
    private int _stopped;

    /// <param name="threadName">Names the threads ("P1 simulator"), for debugging.</param>
    protected SimulatedTcpServer(string threadName)
    {
        _threadName = threadName;
    }

    /// <summary>Connection events and send failures, one line each, for a console.</summary>
    public event Action<string>? Diagnostic;

    /// <summary>Where the server listens, once started.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)(_listener ?? throw new InvalidOperationException("the server is not started")).LocalEndpoint;

    public int Port => EndPoint.Port;

    public int ConnectedClients => _sessions.Count;

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
        _acceptThread = new Thread(() => AcceptLoop(listener, _stopping.Token)) { IsBackground = true, Name = _threadName + " accept" };
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

    /// <summary>
    /// Serves one client until it goes, the server stops (<paramref name="cancellationToken"/>) or something fails.
    /// Exceptions end the session and are reported: cancellation and <see cref="ObjectDisposedException"/> as the
    /// server stopping, <see cref="TimeoutException"/> as a dropped client, <see cref="SocketException"/> as a gone one.
    /// Returns how the session ended ("closed", "closed by the client").
    /// </summary>
    protected abstract string Serve(int id, Socket client, CancellationToken cancellationToken);

    protected void Report(string message)
    {
        Diagnostic?.Invoke(message);
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
            session.Thread = new Thread(() => RunSession(id, session, cancellationToken)) { IsBackground = true, Name = _threadName + " client " + id };
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
        string ending = "closed";
        try
        {
            ending = Serve(id, session.Socket, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                ending = "closed (server stopping)";
            }
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
