using System;
using System.Collections.Generic;

namespace Concentrator.Host.Mqtt;

/// <summary>UNSUBSCRIBE (MQTT 3.1.1 3.10).</summary>
public readonly record struct MqttUnsubscribePacket(ushort PacketIdentifier, IReadOnlyList<string> TopicFilters)
{
    /// <summary>Fixed header flags are 0010 (3.10.1-1).</summary>
    public const byte FixedHeaderFlags = 0x02;

    public void Encode(MqttPacketWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (PacketIdentifier == 0)
        {
            throw new ArgumentException("Packet Identifiers are non-zero (MQTT 3.1.1 2.3.1-1).", nameof(PacketIdentifier));
        }

        ValidateTopicFilters(TopicFilters);
        long remainingLength = 2;
        for (int i = 0; i < TopicFilters.Count; i++)
        {
            remainingLength += MqttPacketWriter.GetStringSize(TopicFilters[i]);
        }

        if (remainingLength > MqttRemainingLength.MaximumValue)
        {
            throw new ArgumentException("The packet would exceed 268435455 bytes of Remaining Length (MQTT 3.1.1 2.2.3).", nameof(TopicFilters));
        }

        writer.WriteFixedHeader(MqttPacketType.Unsubscribe, FixedHeaderFlags, (int)remainingLength);
        writer.WriteUInt16(PacketIdentifier);
        for (int i = 0; i < TopicFilters.Count; i++)
        {
            writer.WriteString(TopicFilters[i]);
        }
    }

    /// <summary>Throws unless there is at least one Topic Filter and each is valid.</summary>
    public static void ValidateTopicFilters(IReadOnlyList<string> topicFilters)
    {
        if (topicFilters is null || topicFilters.Count == 0)
        {
            throw new ArgumentException("An UNSUBSCRIBE carries at least one Topic Filter (MQTT 3.1.1 3.10.3-2).", nameof(topicFilters));
        }

        for (int i = 0; i < topicFilters.Count; i++)
        {
            if (!MqttTopic.IsValidTopicFilter(topicFilters[i]))
            {
                throw new ArgumentException($"'{topicFilters[i]}' is not a valid Topic Filter (MQTT 3.1.1 4.7.1).", nameof(topicFilters));
            }
        }
    }

    /// <summary>Decodes an UNSUBSCRIBE body as a server would.</summary>
    public static MqttDecodeStatus TryDecode(byte[] body, int offset, int length, out MqttUnsubscribePacket packet)
    {
        packet = default;
        MqttPacketReader reader = new(body, offset, length);
        MqttDecodeStatus start = reader.TryReadIdentifierBeforeFilters(out ushort packetIdentifier);
        if (start != MqttDecodeStatus.Ok)
        {
            return start;
        }

        List<string> topicFilters = new();
        while (reader.Remaining > 0)
        {
            MqttDecodeStatus status = reader.TryReadTopicFilter(out string topicFilter);
            if (status != MqttDecodeStatus.Ok)
            {
                return status;
            }

            topicFilters.Add(topicFilter);
        }

        packet = new MqttUnsubscribePacket(packetIdentifier, topicFilters);
        return MqttDecodeStatus.Ok;
    }
}
