using System;
using System.Collections.Generic;

namespace Concentrator.Host.Mqtt;

/// <summary>SUBACK, one return code per Topic Filter of the SUBSCRIBE, in the same order (MQTT 3.1.1 3.9).</summary>
public readonly record struct MqttSubAckPacket(ushort PacketIdentifier, IReadOnlyList<MqttSubscribeReturnCode> ReturnCodes)
{
    public void Encode(MqttPacketWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (PacketIdentifier == 0)
        {
            throw new ArgumentException("Packet Identifiers are non-zero (MQTT 3.1.1 2.3.1-1).", nameof(PacketIdentifier));
        }

        if (ReturnCodes is null || ReturnCodes.Count == 0)
        {
            throw new ArgumentException("A SUBACK carries at least one return code (MQTT 3.1.1 3.9.3).", nameof(ReturnCodes));
        }

        writer.WriteFixedHeader(MqttPacketType.SubAck, 0, 2 + ReturnCodes.Count);
        writer.WriteUInt16(PacketIdentifier);
        for (int i = 0; i < ReturnCodes.Count; i++)
        {
            if (!IsDefined((byte)ReturnCodes[i]))
            {
                throw new ArgumentException("SUBACK return codes are 0x00, 0x01, 0x02 or 0x80 (MQTT 3.1.1 3.9.3).", nameof(ReturnCodes));
            }

            writer.WriteByte((byte)ReturnCodes[i]);
        }
    }

    public static MqttDecodeStatus TryDecode(byte[] body, int offset, int length, out MqttSubAckPacket packet)
    {
        packet = default;
        MqttPacketReader reader = new(body, offset, length);
        if (!reader.TryReadUInt16(out ushort packetIdentifier))
        {
            return MqttDecodeStatus.Truncated;
        }

        if (packetIdentifier == 0)
        {
            return MqttDecodeStatus.InvalidPacketIdentifier;
        }

        if (reader.Remaining == 0)
        {
            return MqttDecodeStatus.EmptyPayload;
        }

        MqttSubscribeReturnCode[] returnCodes = new MqttSubscribeReturnCode[reader.Remaining];
        for (int i = 0; i < returnCodes.Length; i++)
        {
            if (!reader.TryReadByte(out byte returnCode))
            {
                return MqttDecodeStatus.Truncated;
            }

            if (!IsDefined(returnCode))
            {
                return MqttDecodeStatus.InvalidReturnCode; // 3.9.3-2: other values reserved
            }

            returnCodes[i] = (MqttSubscribeReturnCode)returnCode;
        }

        packet = new MqttSubAckPacket(packetIdentifier, returnCodes);
        return MqttDecodeStatus.Ok;
    }

    private static bool IsDefined(byte returnCode) =>
        returnCode <= (byte)MqttSubscribeReturnCode.GrantedExactlyOnce || returnCode == (byte)MqttSubscribeReturnCode.Failure;
}
