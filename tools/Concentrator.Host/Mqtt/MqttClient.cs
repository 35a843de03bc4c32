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
/// <see cref="MessageReceived"/> and <see cref="Disconnected"/> are raised on a background thread; a
/// <see cref="MessageReceived"/> handler holds up the receive loop, so it must not block waiting for an
/// acknowledgement of this client (start such work and return).
/// </remarks>
public sealed class MqttClient : IDisposable
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

    /// <summary>Publishes at QoS 0 (returns once written) or QoS 1 (returns once the PUBACK for its Packet Identifier arrives, or on timeout).</summary>
    public async Task<MqttPublishResult> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Payload, nameof(message.Payload));
        if (!MqttTopic.IsValidTopicName(message.Topic))
        {
            throw new ArgumentException("A message needs a non-empty Topic Name without wildcards (MQTT 3.1.1 3.3.2-2, 4.7.3-1).", nameof(message));
        }

        if (message.QualityOfService > MqttQualityOfService.AtLeastOnce)
        {
            throw new ArgumentOutOfRangeException(nameof(message), message.QualityOfService, "This client publishes at QoS 0 and 1 only.");
        }

        MqttClientConnection? connection = CurrentConnection;
        if (connection is null)
        {
            return new MqttPublishResult(MqttRequestStatus.NotConnected, 0);
        }

        if (message.QualityOfService == MqttQualityOfService.AtMostOnce)
        {
            MqttPublishPacket packet = new() { TopicName = message.Topic, Payload = message.Payload, Retain = message.Retain };
            bool sent = await TrySendAsync(connection, packet, static (p, writer) => p.Encode(writer), cancellationToken).ConfigureAwait(false);
            return new MqttPublishResult(sent ? MqttRequestStatus.Sent : MqttRequestStatus.ConnectionLost, 0);
        }

        MqttPendingRequest request = _inFlight.Add(MqttPacketType.PubAck, message);
        MqttPublishPacket publish = new()
        {
            TopicName = message.Topic,
            Payload = message.Payload,
            QualityOfService = MqttQualityOfService.AtLeastOnce,
            Retain = message.Retain,
            PacketIdentifier = request.PacketIdentifier,
        };
        if (!await TrySendAsync(connection, publish, static (p, writer) => p.Encode(writer), cancellationToken).ConfigureAwait(false))
        {
            return new MqttPublishResult(MqttRequestStatus.ConnectionLost, request.PacketIdentifier);
        }

        // A PUBLISH without its PUBACK stays in the table: the owner decides when to send it again (4.4).
        MqttRequestStatus status = await WaitForAcknowledgementAsync(request, cancellationToken).ConfigureAwait(false);
        return new MqttPublishResult(status, request.PacketIdentifier);
    }

    public Task<MqttPublishResult> PublishAsync(string topic, byte[] payload, MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce, bool retain = false, CancellationToken cancellationToken = default) =>
        PublishAsync(new MqttApplicationMessage(topic, payload, qualityOfService, retain), cancellationToken);

    public Task<MqttPublishResult> PublishAsync(string topic, string payload, MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce, bool retain = false, CancellationToken cancellationToken = default) =>
        PublishAsync(new MqttApplicationMessage(topic, Encoding.UTF8.GetBytes(payload), qualityOfService, retain), cancellationToken);

    /// <summary>Subscribes and waits for the SUBACK. Requested QoS is 0 or 1.</summary>
    public async Task<MqttSubscribeResult> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (subscriptions.Count == 0)
        {
            throw new ArgumentException("Subscribe to at least one Topic Filter (MQTT 3.1.1 3.8.3-3).", nameof(subscriptions));
        }

        for (int i = 0; i < subscriptions.Count; i++)
        {
            if (!MqttTopic.IsValidTopicFilter(subscriptions[i].TopicFilter))
            {
                throw new ArgumentException($"'{subscriptions[i].TopicFilter}' is not a valid Topic Filter (MQTT 3.1.1 4.7.1).", nameof(subscriptions));
            }

            if (subscriptions[i].MaximumQualityOfService > MqttQualityOfService.AtLeastOnce)
            {
                throw new ArgumentOutOfRangeException(nameof(subscriptions), "This client subscribes at QoS 0 and 1 only.");
            }
        }

        MqttClientConnection? connection = CurrentConnection;
        if (connection is null)
        {
            return MqttSubscribeResult.Failed(MqttRequestStatus.NotConnected);
        }

        MqttPendingRequest request = _inFlight.Add(MqttPacketType.SubAck, null);
        MqttSubscribePacket packet = new(request.PacketIdentifier, subscriptions);
        if (!await TrySendAsync(connection, packet, static (p, writer) => p.Encode(writer), cancellationToken).ConfigureAwait(false))
        {
            return MqttSubscribeResult.Failed(MqttRequestStatus.ConnectionLost);
        }

        MqttRequestStatus status = await WaitForAcknowledgementAsync(request, cancellationToken).ConfigureAwait(false);
        if (status != MqttRequestStatus.Acknowledged)
        {
            _inFlight.Remove(request);
            return MqttSubscribeResult.Failed(status);
        }

        return new MqttSubscribeResult(status, request.ReturnCodes);
    }

    public Task<MqttSubscribeResult> SubscribeAsync(string topicFilter, MqttQualityOfService maximumQualityOfService, CancellationToken cancellationToken = default) =>
        SubscribeAsync(new[] { new MqttSubscription(topicFilter, maximumQualityOfService) }, cancellationToken);

    /// <summary>Unsubscribes and waits for the UNSUBACK.</summary>
    public async Task<MqttRequestStatus> UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicFilters);
        if (topicFilters.Count == 0)
        {
            throw new ArgumentException("Unsubscribe from at least one Topic Filter (MQTT 3.1.1 3.10.3-2).", nameof(topicFilters));
        }

        for (int i = 0; i < topicFilters.Count; i++)
        {
            if (!MqttTopic.IsValidTopicFilter(topicFilters[i]))
            {
                throw new ArgumentException($"'{topicFilters[i]}' is not a valid Topic Filter (MQTT 3.1.1 4.7.1).", nameof(topicFilters));
            }
        }

        MqttClientConnection? connection = CurrentConnection;
        if (connection is null)
        {
            return MqttRequestStatus.NotConnected;
        }

        MqttPendingRequest request = _inFlight.Add(MqttPacketType.UnsubAck, null);
        MqttUnsubscribePacket packet = new(request.PacketIdentifier, topicFilters);
        if (!await TrySendAsync(connection, packet, static (p, writer) => p.Encode(writer), cancellationToken).ConfigureAwait(false))
        {
            return MqttRequestStatus.ConnectionLost;
        }

        MqttRequestStatus status = await WaitForAcknowledgementAsync(request, cancellationToken).ConfigureAwait(false);
        if (status != MqttRequestStatus.Acknowledged)
        {
            _inFlight.Remove(request);
        }

        return status;
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

        connection.DisconnectRequested = true;
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

    /// <summary>Sends one packet; any failure closes the connection (a half-written packet leaves the stream unusable) and returns false.</summary>
    private async Task<bool> TrySendAsync<TPacket>(MqttClientConnection connection, TPacket packet, Action<TPacket, MqttPacketWriter> encode, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendAsync(packet, encode, _options.WriteTimeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException exception)
        {
            CloseConnection(connection, MqttDisconnectReason.WriteTimedOut, exception.Message, exception);
            return false;
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            CloseConnection(connection, MqttDisconnectReason.NetworkError, "Write failed: " + exception.Message, exception);
            return false;
        }
    }

    private async Task<MqttRequestStatus> WaitForAcknowledgementAsync(MqttPendingRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.Completion.WaitAsync(_options.AcknowledgeTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return MqttRequestStatus.TimedOut;
        }
    }

    private async Task ReceiveLoopAsync(MqttClientConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                MqttDecodeStatus status = await connection.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
                if (status != MqttDecodeStatus.Ok)
                {
                    CloseConnection(connection, MqttDisconnectReason.ProtocolViolation, $"Malformed packet from the server: {status}.", null);
                    return;
                }

                if (!await HandlePacketAsync(connection, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection is being closed by whoever cancelled the loops.
        }
        catch (Exception exception) when (connection.DisconnectRequested && exception is EndOfStreamException or IOException or SocketException or ObjectDisposedException)
        {
            CloseConnection(connection, MqttDisconnectReason.ClientDisconnected, "Disconnected by the client.", null);
        }
        catch (EndOfStreamException exception)
        {
            CloseConnection(connection, MqttDisconnectReason.ClosedByServer, exception.Message, null);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            CloseConnection(connection, MqttDisconnectReason.NetworkError, "Read failed: " + exception.Message, exception);
        }
    }

    /// <summary>Acts on the packet the decoder holds; false when the connection was closed because of it.</summary>
    private async Task<bool> HandlePacketAsync(MqttClientConnection connection, CancellationToken cancellationToken)
    {
        MqttPacketDecoder decoder = connection.Decoder;
        MqttDecodeStatus status;
        switch (decoder.PacketType)
        {
            case MqttPacketType.Publish:
                status = MqttPublishPacket.TryDecode(decoder.Flags, decoder.Body, 0, decoder.BodyLength, out MqttPublishPacket publish);
                if (status != MqttDecodeStatus.Ok)
                {
                    break;
                }

                if (publish.QualityOfService == MqttQualityOfService.ExactlyOnce)
                {
                    // 3.8.4: the server never sends above the granted QoS, and this client only asks for 0 or 1.
                    CloseConnection(connection, MqttDisconnectReason.ProtocolViolation, "QoS 2 PUBLISH received, but no subscription granted QoS 2.", null);
                    return false;
                }

                RaiseMessageReceived(publish);
                if (publish.QualityOfService == MqttQualityOfService.AtLeastOnce)
                {
                    // 4.3.2: PUBACK once the message is handed over.
                    return await TrySendAsync(connection, new MqttPubAckPacket(publish.PacketIdentifier), static (p, writer) => p.Encode(writer), cancellationToken).ConfigureAwait(false);
                }

                return true;

            case MqttPacketType.PubAck:
                status = MqttPubAckPacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttPubAckPacket pubAck);
                if (status == MqttDecodeStatus.Ok)
                {
                    _inFlight.TryAcknowledge(pubAck.PacketIdentifier, MqttPacketType.PubAck);
                    return true;
                }

                break;

            case MqttPacketType.SubAck:
                status = MqttSubAckPacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttSubAckPacket subAck);
                if (status == MqttDecodeStatus.Ok)
                {
                    _inFlight.TryAcknowledge(subAck.PacketIdentifier, MqttPacketType.SubAck, subAck.ReturnCodes);
                    return true;
                }

                break;

            case MqttPacketType.UnsubAck:
                status = MqttUnsubAckPacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttUnsubAckPacket unsubAck);
                if (status == MqttDecodeStatus.Ok)
                {
                    _inFlight.TryAcknowledge(unsubAck.PacketIdentifier, MqttPacketType.UnsubAck);
                    return true;
                }

                break;

            case MqttPacketType.PingResp:
                connection.PingSentTicks = 0;
                return true;

            default:
                // CONNACK again, QoS 2 flow packets, or packets only a client sends.
                CloseConnection(connection, MqttDisconnectReason.ProtocolViolation, $"Unexpected {decoder.PacketType} from the server.", null);
                return false;
        }

        CloseConnection(connection, MqttDisconnectReason.ProtocolViolation, $"Malformed {decoder.PacketType} from the server: {status}.", null);
        return false;
    }

    private void RaiseMessageReceived(MqttPublishPacket publish)
    {
        EventHandler<MqttMessageReceivedEventArgs>? handlers = MessageReceived;
        if (handlers is null)
        {
            return;
        }

        MqttApplicationMessage message = new(publish.TopicName, publish.Payload, publish.QualityOfService, publish.Retain);
        try
        {
            handlers(this, new MqttMessageReceivedEventArgs(message, publish.Duplicate));
        }
        catch (Exception)
        {
            // The owner's bug must not take the connection down; it is counted instead.
            Interlocked.Increment(ref _messageHandlerFailures);
        }
    }

    /// <summary>
    /// Sends PINGREQ when nothing was sent or received for about a keep-alive period (3.1.2.10, 3.12.4) and
    /// closes the connection when PINGRESP does not follow within the ping response timeout.
    /// </summary>
    private async Task KeepAliveLoopAsync(MqttClientConnection connection, CancellationToken cancellationToken)
    {
        long keepAliveMilliseconds = _options.KeepAliveSeconds * 1000L;
        long tickMilliseconds = Math.Clamp(keepAliveMilliseconds / 4, 50, 1000);
        long pingResponseMilliseconds = (long)_options.PingResponseTimeout.TotalMilliseconds;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(tickMilliseconds), cancellationToken).ConfigureAwait(false);
                long now = Environment.TickCount64;
                long pingSent = connection.PingSentTicks;
                if (pingSent != 0)
                {
                    if (now - pingSent >= pingResponseMilliseconds)
                    {
                        CloseConnection(connection, MqttDisconnectReason.NoPingResponse, $"No PINGRESP within {_options.PingResponseTimeout.TotalSeconds:0.###} s.", null);
                        return;
                    }

                    continue;
                }

                // Ping one tick early so the server never sees more than the keep-alive period pass (3.1.2-23).
                long idleThreshold = keepAliveMilliseconds - tickMilliseconds;
                if (now - connection.LastSentTicks >= idleThreshold || now - connection.LastReceivedTicks >= idleThreshold)
                {
                    connection.PingSentTicks = now;
                    if (!await TrySendAsync(connection, MqttPacketType.PingReq, static (type, writer) => MqttEmptyPacket.Encode(writer, type), cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closing.
        }
    }

    /// <summary>Ends <paramref name="connection"/> once: closes the socket, stops its loops, fails its waiters, raises <see cref="Disconnected"/>.</summary>
    private void CloseConnection(MqttClientConnection connection, MqttDisconnectReason reason, string detail, Exception? exception)
    {
        if (!connection.TryMarkClosed())
        {
            return;
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
