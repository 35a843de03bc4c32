using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Concentrator.Host.Mqtt;

// What runs while connected: the receive loop acting on the server's packets, and the keep-alive loop.
public sealed partial class MqttClient
{
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
        MqttKeepAliveTimer timer = new(_options.KeepAliveSeconds, _options.PingResponseTimeout);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(timer.TickMilliseconds), cancellationToken).ConfigureAwait(false);
                long now = Environment.TickCount64;
                switch (timer.Evaluate(now, connection.LastSentTicks, connection.LastReceivedTicks, connection.PingSentTicks))
                {
                    case MqttKeepAliveAction.ConnectionDead:
                        CloseConnection(connection, MqttDisconnectReason.NoPingResponse, $"No PINGRESP within {_options.PingResponseTimeout.TotalSeconds:0.###} s.", null);
                        return;

                    case MqttKeepAliveAction.SendPingRequest:
                        connection.PingSentTicks = now;
                        if (!await TrySendAsync(connection, MqttPacketType.PingReq, static (type, writer) => MqttEmptyPacket.Encode(writer, type), cancellationToken).ConfigureAwait(false))
                        {
                            return;
                        }

                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closing.
        }
    }
}
