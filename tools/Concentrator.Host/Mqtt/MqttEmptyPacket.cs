using System;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// Packets that are only a fixed header with Remaining Length 0: PINGREQ (3.12), PINGRESP (3.13) and
/// DISCONNECT (3.14). <see cref="MqttPacketDecoder"/> already checks everything there is to check.
/// </summary>
public static class MqttEmptyPacket
{
    public static void Encode(MqttPacketWriter writer, MqttPacketType packetType)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (packetType != MqttPacketType.PingReq && packetType != MqttPacketType.PingResp && packetType != MqttPacketType.Disconnect)
        {
            throw new ArgumentOutOfRangeException(nameof(packetType), packetType, "Only PINGREQ, PINGRESP and DISCONNECT are header-only packets.");
        }

        writer.WriteFixedHeader(packetType, 0, 0);
    }
}
