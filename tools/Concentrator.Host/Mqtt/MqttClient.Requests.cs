using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Concentrator.Host.Mqtt;

// Requests and their acknowledgements: PUBLISH at QoS 0 and 1, SUBSCRIBE, UNSUBSCRIBE.
public sealed partial class MqttClient
{
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
        MqttSubscribePacket.ValidateSubscriptions(subscriptions);
        for (int i = 0; i < subscriptions.Count; i++)
        {
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
        MqttUnsubscribePacket.ValidateTopicFilters(topicFilters);

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
}
