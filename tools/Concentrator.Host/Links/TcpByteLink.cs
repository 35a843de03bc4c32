using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Io;

namespace Concentrator.Host.Links;

/// <summary>
/// Core's <see cref="IByteLink"/> over a TCP socket: a meter behind ser2net or a serial-to-Ethernet adapter, or the
/// simulated P1 port. Every call is bounded in time. The link can be connected again after it was lost
/// (<see cref="Connect"/> after <see cref="LinkStatus.Closed"/>), which is what a runner's reconnect loop needs.
/// Plain TCP has no line settings: <see cref="Configure"/> records them and reports Ok (the serial side of a
/// ser2net port is configured there).
/// </summary>
public sealed class TcpByteLink : IByteLink, IDisposable
{
    private readonly string _host;
    private readonly int _port;
    private readonly int _connectTimeoutMilliseconds;
    private Socket? _socket;
    private bool _disposed;

    /// <param name="host">Host name or address of the TCP server.</param>
    /// <param name="port">Its port, 1 .. 65535.</param>
    /// <param name="connectTimeout">Bound on name resolution and the TCP handshake together.</param>
    public TcpByteLink(string host, int port, TimeSpan connectTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (port < 1 || port > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "port must be 1 .. 65535");
        }

        if (connectTimeout <= TimeSpan.Zero || connectTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(connectTimeout), connectTimeout, "connect timeout must be positive");
        }

        _host = host;
        _port = port;
        _connectTimeoutMilliseconds = (int)connectTimeout.TotalMilliseconds;
    }

    /// <summary>"host:port".</summary>
    public string Endpoint => _host + ":" + _port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True between a successful <see cref="Connect"/> and the loss or close of the connection.</summary>
    public bool IsConnected => _socket is not null;

    /// <summary>The line settings last given to <see cref="Configure"/> (plain TCP does nothing with them).</summary>
    public LineSettings Settings { get; private set; }

    /// <summary>Why the last connect failed or the connection was lost, for diagnostics; null when nothing went wrong.</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// Opens the connection, waiting at most the connect timeout (or until <paramref name="cancellationToken"/> fires).
    /// Ok, Timeout (no answer in time), Closed (refused or unreachable) or Fault (the name does not resolve).
    /// An open connection is closed first.
    /// </summary>
    public LinkStatus Connect(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Disconnect();
        LastError = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connectTimeoutMilliseconds);
        Socket? socket = null;
        try
        {
            IPAddress[] addresses = IPAddress.TryParse(_host, out IPAddress? literal)
                ? new[] { literal }
                : Dns.GetHostAddressesAsync(_host, timeout.Token).GetAwaiter().GetResult();
            if (addresses.Length == 0)
            {
                LastError = "cannot resolve " + _host + ": no address";
                return LinkStatus.Fault;
            }

            // Each address in turn (localhost may resolve to ::1 before 127.0.0.1), all within the one timeout.
            SocketException? refused = null;
            foreach (IPAddress address in addresses)
            {
                var attempt = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket = attempt;
                try
                {
                    attempt.ConnectAsync(address, _port, timeout.Token).AsTask().GetAwaiter().GetResult();
                    _socket = attempt;
                    socket = null;
                    return LinkStatus.Ok;
                }
                catch (SocketException exception) when (exception.SocketErrorCode != SocketError.TimedOut)
                {
                    refused = exception;
                    attempt.Dispose();
                    socket = null;
                }
            }

            throw refused!;
        }
        catch (OperationCanceledException)
        {
            LastError = cancellationToken.IsCancellationRequested
                ? "connect to " + Endpoint + " cancelled"
                : "no answer from " + Endpoint + " within " + _connectTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms";
            return LinkStatus.Timeout;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.HostNotFound || exception.SocketErrorCode == SocketError.NoData || exception.SocketErrorCode == SocketError.TryAgain)
        {
            LastError = "cannot resolve " + _host + ": " + exception.Message;
            return LinkStatus.Fault;
        }
        catch (SocketException exception)
        {
            LastError = "cannot connect to " + Endpoint + ": " + exception.Message;
            return exception.SocketErrorCode == SocketError.TimedOut ? LinkStatus.Timeout : LinkStatus.Closed;
        }
        finally
        {
            socket?.Dispose();
        }
    }

    /// <summary>Closes the connection if one is open (the link can be connected again).</summary>
    public void Disconnect()
    {
        Socket? socket = _socket;
        _socket = null;
        if (socket is null)
        {
            return;
        }

        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: closing is all that is left.
        }

        socket.Dispose();
    }

    public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
    {
        bytesRead = 0;
        ValidateRange(buffer, offset, count);
        if (timeoutMilliseconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeoutMilliseconds), timeoutMilliseconds, "timeout must not be negative");
        }

        Socket? socket = _socket;
        if (socket is null)
        {
            return LinkStatus.Closed;
        }

        if (count == 0)
        {
            return LinkStatus.Ok;
        }

        try
        {
            // Readable means: data has arrived, or the peer closed (then Receive returns 0), or it reset.
            if (!socket.Poll(checked(timeoutMilliseconds * 1000), SelectMode.SelectRead))
            {
                return LinkStatus.Timeout;
            }

            int received = socket.Receive(buffer, offset, count, SocketFlags.None, out SocketError error);
            if (error == SocketError.Success && received > 0)
            {
                bytesRead = received;
                return LinkStatus.Ok;
            }

            if (error == SocketError.WouldBlock || error == SocketError.TimedOut)
            {
                return LinkStatus.Timeout;
            }

            return Lost(error == SocketError.Success ? "closed by " + Endpoint : "connection to " + Endpoint + " lost: " + error.ToString(), IsClosedError(error));
        }
        catch (SocketException exception)
        {
            return Lost("connection to " + Endpoint + " lost: " + exception.Message, IsClosedError(exception.SocketErrorCode));
        }
        catch (ObjectDisposedException)
        {
            return LinkStatus.Closed;
        }
    }

    public LinkStatus Write(byte[] buffer, int offset, int count)
    {
        ValidateRange(buffer, offset, count);
        Socket? socket = _socket;
        if (socket is null)
        {
            return LinkStatus.Closed;
        }

        try
        {
            // Blocking send, bounded: a peer that stops reading makes it time out instead of hanging.
            socket.SendTimeout = _connectTimeoutMilliseconds;
            int sent = 0;
            while (sent < count)
            {
                int n = socket.Send(buffer, offset + sent, count - sent, SocketFlags.None, out SocketError error);
                if (error == SocketError.TimedOut || error == SocketError.WouldBlock)
                {
                    return LinkStatus.Timeout;
                }

                if (error != SocketError.Success)
                {
                    return Lost("connection to " + Endpoint + " lost: " + error.ToString(), IsClosedError(error));
                }

                sent += n;
            }

            return LinkStatus.Ok;
        }
        catch (SocketException exception)
        {
            return Lost("connection to " + Endpoint + " lost: " + exception.Message, IsClosedError(exception.SocketErrorCode));
        }
        catch (ObjectDisposedException)
        {
            return LinkStatus.Closed;
        }
    }

    /// <summary>Records the settings; a plain TCP stream has no framing to change.</summary>
    public LinkStatus Configure(LineSettings settings)
    {
        Settings = settings;
        return LinkStatus.Ok;
    }

    public void Dispose()
    {
        _disposed = true;
        Disconnect();
    }

    private LinkStatus Lost(string message, bool closed)
    {
        LastError = message;
        Disconnect();
        return closed ? LinkStatus.Closed : LinkStatus.Fault;
    }

    private static bool IsClosedError(SocketError error)
    {
        return error == SocketError.Success || error == SocketError.ConnectionReset || error == SocketError.ConnectionAborted ||
               error == SocketError.Shutdown || error == SocketError.NotConnected || error == SocketError.Disconnecting;
    }

    private static void ValidateRange(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "offset and count must lie within the buffer");
        }
    }
}
