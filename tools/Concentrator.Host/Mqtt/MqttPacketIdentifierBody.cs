using System;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// Packets whose whole body is one Packet Identifier: PUBACK (3.4), PUBREC (3.5), PUBREL (3.6),
/// PUBCOMP (3.7) and UNSUBACK (3.11).
/// </summary>
internal static class MqttPacketIdentifierBody
{
    public static void Encode(MqttPacketWriter writer, MqttPacketType packetType, byte flags, ushort packetIdentifier)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (packetIdentifier == 0)
        {
            throw new ArgumentException("Packet Identifiers are non-zero (MQTT 3.1.1 2.3.1-1).", nameof(packetIdentifier));
        }

        writer.WriteFixedHeader(packetType, flags, 2);
        writer.WriteUInt16(packetIdentifier);
    }

    public static MqttDecodeStatus TryDecode(byte[] body, int offset, int length, out ushort packetIdentifier)
    {
        MqttPacketReader reader = new(body, offset, length);
        if (!reader.TryReadUInt16(out packetIdentifier))
        {
            return MqttDecodeStatus.Truncated;
        }

        if (reader.Remaining != 0)
        {
            return MqttDecodeStatus.TrailingBytes;
        }

        return packetIdentifier == 0 ? MqttDecodeStatus.InvalidPacketIdentifier : MqttDecodeStatus.Ok;
    }
}
