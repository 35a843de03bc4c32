using System;
using System.Net;
using System.Net.Sockets;
using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.Drivers.Net
{
    /// <summary>
    /// Core's <see cref="IByteLink"/> over a TCP connection on the device: a DLMS meter behind the IEC 62056-47 wrapper,
    /// or a meter or RS485 bus behind a serial-to-TCP converter (ser2net, a Moxa NPort in TCP server mode).
    /// <para>
    /// Every step is bounded. <see cref="Open"/> resolves the name (nanoFramework's <c>Dns.GetHostEntry</c>, bounded
    /// by lwIP's own DNS timeout) and connects within <see cref="SocketByteLinkOptions.ConnectTimeoutMilliseconds"/>:
    /// nanoFramework's <c>Socket.Connect</c> swallows its exceptions and returns after at most 1.5 s whether or not the
    /// handshake finished, so the connection is confirmed here: the socket must turn writable before the deadline, show
    /// no error (<c>Poll(SelectError)</c>) and have a peer (<c>RemoteEndPoint</c>, which only a connected socket has).
    /// A read waits with <c>Poll(SelectRead)</c> for at most the caller's timeout and takes what <c>Available</c> says
    /// has arrived (readable with nothing available is the peer's orderly close); a send is bounded by the socket's
    /// send timeout.
    /// </para>
    /// <para>
    /// Any error closes the socket and is kept in <see cref="LastProblem"/> in words (name not found, refused, reset,
    /// timed out, unreachable). While the link is open (between <see cref="Open"/> and <see cref="Close"/>) the next
    /// read or write after a lost connection connects again by itself: at once after a loss, then after a pause that
    /// grows from <see cref="SocketByteLinkOptions.ReconnectFirstMilliseconds"/> to the maximum while connects fail
    /// (Core's <see cref="RetryBackoff"/>); until the pause is over, reads and writes report <see cref="LinkStatus.Closed"/>
    /// at once. TCP has no line settings: <see cref="Configure"/> records them (the converter's serial side is set in
    /// its own configuration). One thread owns an instance (the port's); nothing allocates per read or write.
    /// </para>
    /// </summary>
    public sealed class SocketByteLink : IByteLink
    {
        /// <summary>Slice of the wait for a connect to finish (the error check runs between slices).</summary>
        private const int ConnectPollMicroseconds = 100000;

        private readonly SocketByteLinkOptions _options;
        private readonly RetryBackoff _backoff;
        private readonly string _name;
        private Socket _socket;
        private bool _open;
        private long _nextAttempt;

        public SocketByteLink(SocketByteLinkOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (options.Host == null || options.Host.Length == 0)
            {
                throw new ArgumentException("TCP link needs a host name or address");
            }

            if (options.Port < 1 || options.Port > 65535)
            {
                throw new ArgumentOutOfRangeException("options", "TCP port must be 1 to 65535, got " + options.Port.ToString());
            }

            if (options.ConnectTimeoutMilliseconds < 100 || options.SendTimeoutMilliseconds < 500)
            {
                throw new ArgumentOutOfRangeException("options", "connect timeout must be at least 100 ms and send timeout at least 500 ms");
            }

            _options = options;
            _backoff = new RetryBackoff(options.ReconnectFirstMilliseconds, options.ReconnectMaximumMilliseconds);
            _name = options.Host + ":" + options.Port.ToString();
            LastProblem = string.Empty;
        }

        /// <summary>"host:port".</summary>
        public string Name
        {
            get { return _name; }
        }

        /// <summary>True while a connection is up.</summary>
        public bool IsConnected
        {
            get { return _socket != null; }
        }

        /// <summary>Why the last connect failed or the connection was lost (empty when nothing went wrong).</summary>
        public string LastProblem { get; private set; }

        /// <summary>Connections made (the first and every reconnect) and connections lost, for diagnostics.</summary>
        public int Connects { get; private set; }

        public int Losses { get; private set; }

        /// <summary>Connects now (whatever the reconnect pause says) and keeps the link open: Ok, Timeout (no answer in
        /// time), Closed (refused, reset, unreachable) or Fault (the name does not resolve, the stack refused a socket).</summary>
        public LinkStatus Open()
        {
            _open = true;
            return Connect();
        }

        /// <summary>Closes the connection and stops reconnecting until the next <see cref="Open"/>. Always safe.</summary>
        public void Close()
        {
            _open = false;
            CloseSocket();
        }

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            bytesRead = 0;
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count || timeoutMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException("count", "offset, count and timeout must describe a range of the buffer");
            }

            LinkStatus status = EnsureConnected();
            if (status != LinkStatus.Ok)
            {
                return status;
            }

            if (count == 0)
            {
                return LinkStatus.Ok;
            }

            try
            {
                int micro = timeoutMilliseconds >= int.MaxValue / 1000 ? int.MaxValue : timeoutMilliseconds * 1000;
                if (!_socket.Poll(micro, SelectMode.SelectRead))
                {
                    return LinkStatus.Timeout;
                }

                // Readable: bytes have arrived, or the peer closed (nothing available), or it reset (Available throws).
                int available = _socket.Available;
                if (available <= 0)
                {
                    return Lost("closed by " + _name, LinkStatus.Closed);
                }

                int received = _socket.Receive(buffer, offset, count < available ? count : available, SocketFlags.None);
                if (received <= 0)
                {
                    return Lost("closed by " + _name, LinkStatus.Closed);
                }

                bytesRead = received;
                return LinkStatus.Ok;
            }
            catch (SocketException ex)
            {
                return Lost("connection to " + _name + " lost: " + SocketErrorText.Of(ex.ErrorCode), LinkStatus.Closed);
            }
            catch (ObjectDisposedException)
            {
                return Lost("connection to " + _name + " was closed", LinkStatus.Closed);
            }
        }

        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "offset and count must lie within the buffer");
            }

            LinkStatus status = EnsureConnected();
            if (status != LinkStatus.Ok)
            {
                return status;
            }

            try
            {
                int sent = 0;
                while (sent < count)
                {
                    int n = _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
                    if (n <= 0)
                    {
                        return Lost("connection to " + _name + " took no bytes", LinkStatus.Closed);
                    }

                    sent += n;
                }

                return LinkStatus.Ok;
            }
            catch (SocketException ex)
            {
                // Half a request may have left: the stream's state is unknown, so a timeout closes it too.
                return Lost("send to " + _name + " failed: " + SocketErrorText.Of(ex.ErrorCode),
                    SocketErrorText.IsTimeout(ex.ErrorCode) ? LinkStatus.Timeout : LinkStatus.Closed);
            }
            catch (ObjectDisposedException)
            {
                return Lost("connection to " + _name + " was closed", LinkStatus.Closed);
            }
        }

        /// <summary>Records nothing to do: a TCP stream has no framing (the converter's serial side has its own settings).</summary>
        public LinkStatus Configure(LineSettings settings)
        {
            return LinkStatus.Ok;
        }

        // Connected, or connects again when the link is open and the reconnect pause is over.
        private LinkStatus EnsureConnected()
        {
            if (_socket != null)
            {
                return LinkStatus.Ok;
            }

            if (!_open || Environment.TickCount64 < _nextAttempt)
            {
                return LinkStatus.Closed;
            }

            return Connect();
        }

        private LinkStatus Connect()
        {
            CloseSocket();
            LinkStatus status = TryConnect();
            if (status == LinkStatus.Ok)
            {
                Connects++;
                LastProblem = string.Empty;
                _backoff.Reset();
                _nextAttempt = 0;
            }
            else
            {
                CloseSocket();
                _nextAttempt = Environment.TickCount64 + _backoff.NextDelay();
            }

            return status;
        }

        private LinkStatus TryConnect()
        {
            IPAddress address;
            try
            {
                IPHostEntry entry = Dns.GetHostEntry(_options.Host);
                IPAddress[] addresses = entry == null ? null : entry.AddressList;
                if (addresses == null || addresses.Length == 0)
                {
                    LastProblem = "cannot resolve " + _options.Host + ": no address";
                    return LinkStatus.Fault;
                }

                address = addresses[0];
            }
            catch (Exception ex)
            {
                LastProblem = "cannot resolve " + _options.Host + ": " + SocketErrorText.Describe(ex);
                return LinkStatus.Fault;
            }

            Socket socket;
            try
            {
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            }
            catch (Exception ex)
            {
                LastProblem = "no socket for " + _name + ": " + SocketErrorText.Describe(ex);
                return LinkStatus.Fault;
            }

            _socket = socket;
            long deadline = Environment.TickCount64 + _options.ConnectTimeoutMilliseconds;
            try
            {
                // Swallows its exceptions in current nanoFramework releases (older ones throw): confirmed below either way.
                socket.Connect(new IPEndPoint(address, _options.Port));
                while (true)
                {
                    if (socket.Poll(0, SelectMode.SelectError))
                    {
                        LastProblem = "cannot connect to " + _name + ": refused or unreachable";
                        return LinkStatus.Closed;
                    }

                    if (socket.Poll(ConnectPollMicroseconds, SelectMode.SelectWrite))
                    {
                        break;
                    }

                    if (Environment.TickCount64 >= deadline)
                    {
                        LastProblem = "no answer from " + _name + " within " + _options.ConnectTimeoutMilliseconds.ToString() + " ms";
                        return LinkStatus.Timeout;
                    }
                }

                // Only a connected socket has a peer: this tells a finished handshake from a failed one.
                if (socket.RemoteEndPoint == null)
                {
                    LastProblem = "cannot connect to " + _name + ": no peer after the handshake";
                    return LinkStatus.Closed;
                }

                socket.SendTimeout = _options.SendTimeoutMilliseconds;
                return LinkStatus.Ok;
            }
            catch (SocketException ex)
            {
                LastProblem = "cannot connect to " + _name + ": " + SocketErrorText.Of(ex.ErrorCode);
                return SocketErrorText.IsTimeout(ex.ErrorCode) ? LinkStatus.Timeout : LinkStatus.Closed;
            }
            catch (Exception ex)
            {
                LastProblem = "cannot connect to " + _name + ": " + SocketErrorText.Describe(ex);
                return LinkStatus.Fault;
            }
        }

        private LinkStatus Lost(string problem, LinkStatus status)
        {
            LastProblem = problem;
            Losses++;
            CloseSocket();
            _nextAttempt = 0; // the first reconnect after a loss is immediate; failed connects then back off
            return status;
        }

        private void CloseSocket()
        {
            Socket socket = _socket;
            _socket = null;
            if (socket == null)
            {
                return;
            }

            try
            {
                socket.Close();
            }
            catch (Exception)
            {
                // Already gone with the connection: nothing left to release.
            }
        }
    }
}
