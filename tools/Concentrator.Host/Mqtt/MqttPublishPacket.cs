using System;

namespace Concentrator.Host.Mqtt;

/// <summary>PUBLISH, an Application Message in either direction (MQTT 3.1.1 3.3).</summary>
public readonly record struct MqttPublishPacket
{
    // Fixed header flags (3.3.1, Figure 3.10).
    private const byte RetainFlag = 0x01;
    private const byte QualityOfServiceMask = 0x06;
    private const int QualityOfServiceShift = 1;
    private const byte DuplicateFlag = 0x08;

    public MqttPublishPacket()
    {
    }

    public string TopicName { get; init; } = string.Empty;

    public byte[] Payload { get; init; } = Array.Empty<byte>();

    public MqttQualityOfService QualityOfService { get; init; }

    public bool Retain { get; init; }

    /// <summary>DUP: this is a re-delivery of an earlier attempt (3.3.1.1). Only with QoS 1 or 2.</summary>
    public bool Duplicate { get; init; }

    /// <summary>Present only for QoS 1 and 2 (3.3.2.2), and then never 0 (2.3.1-1).</summary>
    public ushort PacketIdentifier { get; init; }

    /// <summary>The low nibble of the first byte for these flag values.</summary>
    public byte FixedHeaderFlags
    {
        get
        {
            byte flags = (byte)((byte)QualityOfService << QualityOfServiceShift);
            if (Retain)
            {
                flags |= RetainFlag;
            }

            if (Duplicate)
            {
                flags |= DuplicateFlag;
            }

            return flags;
        }
    }

    public void Encode(MqttPacketWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(Payload, nameof(Payload));
        if (!MqttTopic.IsValidTopicName(TopicName))
        {
            throw new ArgumentException("A PUBLISH needs a non-empty Topic Name without wildcards (MQTT 3.1.1 3.3.2-2, 4.7.3-1).", nameof(TopicName));
        }

        if ((byte)QualityOfService > (byte)MqttQualityOfService.ExactlyOnce)
        {
            throw new ArgumentOutOfRangeException(nameof(QualityOfService), QualityOfService, "QoS is 0, 1 or 2 (MQTT 3.1.1 3.3.1-4).");
        }

        bool hasPacketIdentifier = QualityOfService != MqttQualityOfService.AtMostOnce;
        if (hasPacketIdentifier && PacketIdentifier == 0)
        {
            throw new ArgumentException("QoS 1 and 2 need a non-zero Packet Identifier (MQTT 3.1.1 2.3.1-1).", nameof(PacketIdentifier));
        }

        if (!hasPacketIdentifier && Duplicate)
        {
            throw new ArgumentException("DUP must be 0 for QoS 0 (MQTT 3.1.1 3.3.1-2).", nameof(Duplicate));
        }

        long remainingLength = (long)MqttPacketWriter.GetStringSize(TopicName) + (hasPacketIdentifier ? 2 : 0) + Payload.Length;
        if (remainingLength > MqttRemainingLength.MaximumValue)
        {
            throw new ArgumentException("The packet would exceed 268435455 bytes of Remaining Length (MQTT 3.1.1 2.2.3).", nameof(Payload));
        }

        writer.WriteFixedHeader(MqttPacketType.Publish, FixedHeaderFlags, (int)remainingLength);
        writer.WriteString(TopicName);
        if (hasPacketIdentifier)
        {
            writer.WriteUInt16(PacketIdentifier);
        }

        writer.WriteBytes(Payload, 0, Payload.Length);
    }

    /// <summary>Decodes a PUBLISH from its fixed header flags and its body (the payload is copied out).</summary>
    public static MqttDecodeStatus TryDecode(byte flags, byte[] body, int offset, int length, out MqttPublishPacket packet)
    {
        packet = default;
        MqttDecodeStatus status = MqttPacketDecoder.CheckTypeAndFlags(MqttPacketType.Publish, flags);
        if (status != MqttDecodeStatus.Ok)
        {
            return status;
        }

        MqttPacketReader reader = new(body, offset, length);
        status = reader.TryReadString(out string topicName);
        if (status != MqttDecodeStatus.Ok)
        {
            return status;
        }

        if (!MqttTopic.IsValidTopicName(topicName))
        {
            return MqttDecodeStatus.InvalidTopicName; // 3.3.2-2, 4.7.3-1
        }

        MqttQualityOfService qualityOfService = (MqttQualityOfService)((flags & QualityOfServiceMask) >> QualityOfServiceShift);
        ushort packetIdentifier = 0;
        if (qualityOfService != MqttQualityOfService.AtMostOnce)
        {
            if (!reader.TryReadUInt16(out packetIdentifier))
            {
                return MqttDecodeStatus.Truncated;
            }

            if (packetIdentifier == 0)
            {
                return MqttDecodeStatus.InvalidPacketIdentifier; // 2.3.1-1
            }
        }

        packet = new MqttPublishPacket
        {
            TopicName = topicName,
            Payload = reader.ReadRemaining(),
            QualityOfService = qualityOfService,
            Retain = (flags & RetainFlag) != 0,
            Duplicate = (flags & DuplicateFlag) != 0,
            PacketIdentifier = packetIdentifier,
        };
        return MqttDecodeStatus.Ok;
    }
}
