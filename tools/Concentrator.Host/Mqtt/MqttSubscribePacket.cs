using System;
using System.Collections.Generic;

namespace Concentrator.Host.Mqtt;

/// <summary>SUBSCRIBE (MQTT 3.1.1 3.8).</summary>
public readonly record struct MqttSubscribePacket(ushort PacketIdentifier, IReadOnlyList<MqttSubscription> Subscriptions)
{
    /// <summary>Fixed header flags are 0010 (3.8.1-1).</summary>
    public const byte FixedHeaderFlags = 0x02;

    private const byte ReservedOptionBits = 0xFC;

    public void Encode(MqttPacketWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (PacketIdentifier == 0)
        {
            throw new ArgumentException("Packet Identifiers are non-zero (MQTT 3.1.1 2.3.1-1).", nameof(PacketIdentifier));
        }

        ValidateSubscriptions(Subscriptions);
        long remainingLength = 2;
        for (int i = 0; i < Subscriptions.Count; i++)
        {
            remainingLength += MqttPacketWriter.GetStringSize(Subscriptions[i].TopicFilter) + 1;
        }

        if (remainingLength > MqttRemainingLength.MaximumValue)
        {
            throw new ArgumentException("The packet would exceed 268435455 bytes of Remaining Length (MQTT 3.1.1 2.2.3).", nameof(Subscriptions));
        }

        writer.WriteFixedHeader(MqttPacketType.Subscribe, FixedHeaderFlags, (int)remainingLength);
        writer.WriteUInt16(PacketIdentifier);
        for (int i = 0; i < Subscriptions.Count; i++)
        {
            writer.WriteString(Subscriptions[i].TopicFilter);
            writer.WriteByte((byte)Subscriptions[i].MaximumQualityOfService);
        }
    }

    /// <summary>Throws unless there is at least one subscription, each a valid Topic Filter with QoS 0, 1 or 2.</summary>
    public static void ValidateSubscriptions(IReadOnlyList<MqttSubscription> subscriptions)
    {
        if (subscriptions is null || subscriptions.Count == 0)
        {
            throw new ArgumentException("A SUBSCRIBE carries at least one Topic Filter (MQTT 3.1.1 3.8.3-3).", nameof(subscriptions));
        }

        for (int i = 0; i < subscriptions.Count; i++)
        {
            if (!MqttTopic.IsValidTopicFilter(subscriptions[i].TopicFilter))
            {
                throw new ArgumentException($"'{subscriptions[i].TopicFilter}' is not a valid Topic Filter (MQTT 3.1.1 4.7.1).", nameof(subscriptions));
            }

            if ((byte)subscriptions[i].MaximumQualityOfService > (byte)MqttQualityOfService.ExactlyOnce)
            {
                throw new ArgumentException("Requested QoS is 0, 1 or 2 (MQTT 3.1.1 3.8.3-4).", nameof(subscriptions));
            }
        }
    }

    /// <summary>Decodes a SUBSCRIBE body as a server would.</summary>
    public static MqttDecodeStatus TryDecode(byte[] body, int offset, int length, out MqttSubscribePacket packet)
    {
        packet = default;
        MqttPacketReader reader = new(body, offset, length);
        MqttDecodeStatus start = reader.TryReadIdentifierBeforeFilters(out ushort packetIdentifier);
        if (start != MqttDecodeStatus.Ok)
        {
            return start;
        }

        List<MqttSubscription> subscriptions = new();
        while (reader.Remaining > 0)
        {
            MqttDecodeStatus status = reader.TryReadTopicFilter(out string topicFilter);
            if (status != MqttDecodeStatus.Ok)
            {
                return status;
            }

            if (!reader.TryReadByte(out byte options))
            {
                return MqttDecodeStatus.Truncated;
            }

            if ((options & ReservedOptionBits) != 0)
            {
                return MqttDecodeStatus.InvalidSubscriptionOptions; // 3.8.3-4: upper six bits reserved
            }

            if (options == 3)
            {
                return MqttDecodeStatus.InvalidQualityOfService; // 3.8.3-4
            }

            subscriptions.Add(new MqttSubscription(topicFilter, (MqttQualityOfService)options));
        }

        packet = new MqttSubscribePacket(packetIdentifier, subscriptions);
        return MqttDecodeStatus.Ok;
    }
}
