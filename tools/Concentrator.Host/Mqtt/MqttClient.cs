using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// An MQTT 3.1.1 client for desktop tools: connect over TCP or TLS, publish at QoS 0 or 1, subscribe,
/// keep the connection alive, and report its end. It does not reconnect by itself: the owner watches
/// <see cref="Disconnected"/>, calls <see cref="ConnectAsync"/> again when it wants, and re-publishes what
/// <see cref="TakeUnacknowledgedPublishes"/> hands back. Every wait is bounded by a timeout from
/// <see cref="MqttClientOptions"/>.
/// </summary>
/// <remarks>
/// <see cref="MessageReceived"/> is raised on the receive loop's thread and holds it up, so a handler must
/// return quickly and must not block waiting for an acknowledgement of this client (start such work and
/// return). <see cref="Disconnected"/> is raised on whichever thread noticed the end: a background loop,
/// or the caller of a request whose write failed.
/// </remarks>
public sealed partial class MqttClient : IDisposable
{
    private readonly MqttClientOptions _options;
    private readonly X509Certificate2? _caCertificate;
    private readonly MqttInFlightTable _inFlight = new();
    private readonly object _stateLock = new();
    private MqttClientState _state = MqttClientState.Disconnected;
    private MqttClientConnection? _connection;
    private CancellationTokenSource? _connectionLoops;
    private long _messageHandlerFailures;
    private bool _disposed;

    /// <summary>Checks <paramref name="options"/> and loads the CA certificate once; throws on any setting that cannot work.</summary>
    public MqttClient(MqttClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        if (options.CaCertificateFile is not null)
        {
            _caCertificate = X509CertificateLoader.LoadCertificateFromFile(options.CaCertificateFile);
        }
    }

    /// <summary>An Application Message arrived. For QoS 1 the PUBACK is sent after the handlers return (4.3.2).</summary>
    public event EventHandler<MqttMessageReceivedEventArgs>? MessageReceived;

    /// <summary>An accepted connection ended; raised once per connection with the reason.</summary>
    public event EventHandler<MqttDisconnectedEventArgs>? Disconnected;

    public MqttClientOptions Options => _options;

    public MqttClientState State
    {
        get
        {
            lock (_stateLock)
            {
                return _state;
            }
        }
    }

    public bool IsConnected => State == MqttClientState.Connected;

    /// <summary>How many times a <see cref="MessageReceived"/> handler threw; the message was still acknowledged.</summary>
    public long MessageHandlerFailures => Interlocked.Read(ref _messageHandlerFailures);

    /// <summary>QoS 1 messages sent without a PUBACK yet, oldest first (they stay tracked).</summary>
    public IReadOnlyList<MqttApplicationMessage> UnacknowledgedPublishes => _inFlight.PeekUnacknowledged();

    /// <summary>
    /// Takes back the QoS 1 messages that have no PUBACK, oldest first, so the owner can publish them again
    /// after reconnecting. Calls still waiting for them complete with <see cref="MqttRequestStatus.Withdrawn"/>.
    /// </summary>
    public IReadOnlyList<MqttApplicationMessage> TakeUnacknowledgedPublishes() => _inFlight.TakeUnacknowledged();

    /// <summary>
    /// Opens the connection and sends CONNECT; bounded by <see cref="MqttClientOptions.ConnectTimeout"/>.
    /// Failures are reported in the result; only cancellation by <paramref name="cancellationToken"/> throws.
    /// </summary>
    public async Task<MqttConnectResult> ConnectAsync(CancellationToken cancellationToken = default)
    {
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_state != MqttClientState.Disconnected)
            {
                throw new InvalidOperationException($"ConnectAsync needs a disconnected client; it is {_state}.");
            }

            _state = MqttClientState.Connecting;
        }

        MqttClientConnection? connection = null;
        bool accepted = false;
        using CancellationTokenSource connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connectTimeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            connection = await MqttClientConnection.OpenAsync(_options, _caCertificate, connectTimeout.Token).ConfigureAwait(false);
            await connection.SendAsync(CreateConnectPacket(), static (packet, writer) => packet.Encode(writer), _options.ConnectTimeout, connectTimeout.Token).ConfigureAwait(false);

            MqttDecodeStatus status = await connection.ReceivePacketAsync(connectTimeout.Token).ConfigureAwait(false);
            if (status != MqttDecodeStatus.Ok)
            {
                return Failed(MqttConnectStatus.ProtocolViolation, $"Malformed packet instead of CONNACK: {status}.");
            }

            MqttPacketDecoder decoder = connection.Decoder;
            if (decoder.PacketType != MqttPacketType.ConnAck)
            {
                return Failed(MqttConnectStatus.ProtocolViolation, $"The first packet from the server was {decoder.PacketType}, not CONNACK (MQTT 3.1.1 3.2.0-1).");
            }

            status = MqttConnAckPacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttConnAckPacket connAck);
            if (status != MqttDecodeStatus.Ok)
            {
                return Failed(MqttConnectStatus.ProtocolViolation, $"Malformed CONNACK: {status}.");
            }

            if (connAck.ReturnCode != MqttConnectReturnCode.Accepted)
            {
                // 3.2.2.3: the server closes the connection after a refusal; so do we.
                return new MqttConnectResult(MqttConnectStatus.Refused, connAck.ReturnCode, false, $"The server refused the connection: {connAck.ReturnCode}.");
            }

            CancellationTokenSource loops = new();
            lock (_stateLock)
            {
                _connection = connection;
                _connectionLoops = loops;
                _state = MqttClientState.Connected;
            }

            accepted = true;
            _ = Task.Run(() => ReceiveLoopAsync(connection, loops.Token), CancellationToken.None);
            if (_options.KeepAliveSeconds > 0)
            {
                _ = Task.Run(() => KeepAliveLoopAsync(connection, loops.Token), CancellationToken.None);
            }

            return new MqttConnectResult(MqttConnectStatus.Accepted, MqttConnectReturnCode.Accepted, connAck.SessionPresent, "Connected.");
        }
        catch (OperationCanceledException) when (connectTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(MqttConnectStatus.TimedOut, $"No CONNACK within {_options.ConnectTimeout.TotalSeconds:0.###} s.");
        }
        catch (TimeoutException exception)
        {
            return Failed(MqttConnectStatus.TimedOut, exception.Message);
        }
        catch (AuthenticationException exception)
        {
            return Failed(MqttConnectStatus.TlsFailure, "TLS handshake failed: " + exception.Message);
        }
        catch (EndOfStreamException)
        {
            return Failed(MqttConnectStatus.NetworkFailure, "The server closed the connection before CONNACK.");
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return Failed(MqttConnectStatus.NetworkFailure, exception.Message);
        }
        finally
        {
            if (!accepted)
            {
                connection?.Dispose();
                lock (_stateLock)
                {
                    _state = MqttClientState.Disconnected;
                }
            }
        }
    }

    /// <summary>
    /// Sends DISCONNECT (bounded by the write timeout) and closes the connection; the server then discards
    /// the will (3.14.4). Does nothing when not connected.
    /// </summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        MqttClientConnection? connection = CurrentConnection;
        if (connection is null)
        {
            return;
        }

        // The server may close its end as soon as it reads DISCONNECT, before this method resumes;
        // the receive loop must then report the end as the client's, not the server's.
        connection.MarkDisconnectRequested();
        try
        {
            await connection.SendAsync(MqttPacketType.Disconnect, static (type, writer) => MqttEmptyPacket.Encode(writer, type), _options.WriteTimeout, cancellationToken).ConfigureAwait(false);
            CloseConnection(connection, MqttDisconnectReason.ClientDisconnected, "Disconnected by the client.", null);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or TimeoutException)
        {
            CloseConnection(connection, MqttDisconnectReason.NetworkError, "DISCONNECT could not be sent: " + exception.Message, exception);
        }
    }

    /// <summary>Closes the socket without DISCONNECT, as a power cut would; the server publishes the will (3.1.2.5).</summary>
    public void Abort()
    {
        MqttClientConnection? connection = CurrentConnection;
        if (connection is not null)
        {
            CloseConnection(connection, MqttDisconnectReason.ClientAborted, "Socket closed by the client without DISCONNECT.", null);
        }
    }

    /// <summary>Closes the connection like <see cref="Abort"/>; the client cannot connect again afterwards.</summary>
    public void Dispose()
    {
        lock (_stateLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Abort();
        _caCertificate?.Dispose();
    }

    private MqttClientConnection? CurrentConnection
    {
        get
        {
            lock (_stateLock)
            {
                return _state == MqttClientState.Connected ? _connection : null;
            }
        }
    }

    private MqttConnectPacket CreateConnectPacket() => new()
    {
        ClientIdentifier = _options.ClientIdentifier,
        CleanSession = _options.CleanSession,
        KeepAliveSeconds = _options.KeepAliveSeconds,
        UserName = _options.UserName,
        Password = _options.Password is null ? null : Encoding.UTF8.GetBytes(_options.Password),
        Will = _options.LastWill,
    };

    private static MqttConnectResult Failed(MqttConnectStatus status, string detail) =>
        new(status, MqttConnectReturnCode.Accepted, false, detail);

    /// <summary>Ends <paramref name="connection"/> once: closes the socket, stops its loops, fails its waiters, raises <see cref="Disconnected"/>.</summary>
    private void CloseConnection(MqttClientConnection connection, MqttDisconnectReason reason, string detail, Exception? exception)
    {
        if (!connection.TryMarkClosed())
        {
            return;
        }

        if (reason == MqttDisconnectReason.ClosedByServer && connection.DisconnectRequested)
        {
            reason = MqttDisconnectReason.ClientDisconnected;
            detail = "Disconnected by the client.";
        }

        CancellationTokenSource? loops = null;
        lock (_stateLock)
        {
            if (ReferenceEquals(_connection, connection))
            {
                _connection = null;
                loops = _connectionLoops;
                _connectionLoops = null;
                _state = MqttClientState.Disconnected;
            }
        }

        connection.Dispose();
        loops?.Cancel();
        loops?.Dispose();
        _inFlight.FailConnection();

        try
        {
            Disconnected?.Invoke(this, new MqttDisconnectedEventArgs(reason, detail, exception));
        }
        catch (Exception)
        {
            // An owner's handler must not break the close; nothing more to do here.
        }
    }
}
