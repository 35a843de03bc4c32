using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Concentrator.Host.Simulation.Hdlc;

/// <summary>
/// Accepts TCP connections for a simulated meter server and runs each on a thread of its own (so the pace of a
/// simulated line does not depend on a busy thread pool). Stopping closes every connection.
/// </summary>
public sealed class SimulatedTcpListener : IDisposable
{
    /// <summary>Longest wait for the threads to end when stopping.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);

    private readonly string _name;
    private readonly Action<Socket, CancellationToken> _serve;
    private readonly ConcurrentDictionary<int, (Socket Socket, Thread Thread)> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Thread? _acceptThread;
    private int _nextId;
    private int _stopped;

    /// <param name="name">For thread names and diagnostics ("HDLC bus").</param>
    /// <param name="serve">Runs one connection until it ends or the token fires; must not throw on a closed socket.</param>
    public SimulatedTcpListener(string name, Action<Socket, CancellationToken> serve)
    {
        _name = name;
        _serve = serve ?? throw new ArgumentNullException(nameof(serve));
    }

    /// <summary>Connection events, one line each.</summary>
    public event Action<string>? Diagnostic;

    public IPEndPoint EndPoint => (IPEndPoint)(_listener ?? throw new InvalidOperationException("the server is not started")).LocalEndpoint;

    public int Port => EndPoint.Port;

    public int Connections => _connections.Count;

    /// <summary>Starts listening on <paramref name="address"/> (loopback when null) and <paramref name="port"/> (0: a free port).</summary>
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
        _acceptThread = new Thread(() => AcceptLoop(listener)) { IsBackground = true, Name = _name + " accept" };
        _acceptThread.Start();
    }

    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _listener?.Stop();
        foreach (var connection in _connections.Values)
        {
            connection.Socket.Close();
        }

        long deadline = Environment.TickCount64 + (long)StopTimeout.TotalMilliseconds;
        _acceptThread?.Join(Remaining(deadline));
        foreach (var connection in _connections.Values)
        {
            if (!connection.Thread.Join(Remaining(deadline)))
            {
                Diagnostic?.Invoke(_name + ": a connection thread is still running after " + StopTimeout.TotalSeconds + " s; abandoned");
            }
        }
    }

    public void Dispose()
    {
        Stop();
        _stopping.Dispose();
    }

    private void AcceptLoop(TcpListener listener)
    {
        CancellationToken token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = listener.AcceptSocket();
            }
            catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException or SocketException)
            {
                if (token.IsCancellationRequested || exception is not SocketException)
                {
                    return;
                }

                continue;
            }

            socket.NoDelay = true;
            int id = Interlocked.Increment(ref _nextId);
            var thread = new Thread(() => Run(id, socket, token)) { IsBackground = true, Name = _name + " connection " + id };
            _connections[id] = (socket, thread);
            Diagnostic?.Invoke(_name + ": client " + id + " connected from " + socket.RemoteEndPoint);
            thread.Start();
        }
    }

    private void Run(int id, Socket socket, CancellationToken token)
    {
        try
        {
            _serve(socket, token);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException or TimeoutException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            socket.Close();
            _connections.TryRemove(id, out _);
            Diagnostic?.Invoke(_name + ": client " + id + " disconnected");
        }
    }

    private static int Remaining(long deadline)
    {
        return (int)Math.Max(0, deadline - Environment.TickCount64);
    }
}
