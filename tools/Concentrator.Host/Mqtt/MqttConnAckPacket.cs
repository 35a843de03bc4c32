using System;

namespace Concentrator.Host.Mqtt;

/// <summary>CONNACK, the server's answer to CONNECT (MQTT 3.1.1 3.2).</summary>
public readonly record struct MqttConnAckPacket(bool SessionPresent, MqttConnectReturnCode ReturnCode)
{
    private const int BodySize = 2;
    private const byte SessionPresentFlag = 0x01;

    public void Encode(MqttPacketWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (SessionPresent && ReturnCode != MqttConnectReturnCode.Accepted)
        {
            throw new ArgumentException("Session Present must be 0 with a non-zero return code (MQTT 3.1.1 3.2.2-4).", nameof(SessionPresent));
        }

        writer.WriteFixedHeader(MqttPacketType.ConnAck, 0, BodySize);
        writer.WriteByte(SessionPresent ? SessionPresentFlag : (byte)0);
        writer.WriteByte((byte)ReturnCode);
    }

    public static MqttDecodeStatus TryDecode(byte[] body, int offset, int length, out MqttConnAckPacket packet)
    {
        packet = default;
        MqttPacketReader reader = new(body, offset, length);
        if (!reader.TryReadByte(out byte acknowledgeFlags) || !reader.TryReadByte(out byte returnCode))
        {
            return MqttDecodeStatus.Truncated;
        }

        if (reader.Remaining != 0)
        {
            return MqttDecodeStatus.TrailingBytes;
        }

        if ((acknowledgeFlags & ~SessionPresentFlag) != 0)
        {
            return MqttDecodeStatus.InvalidAcknowledgeFlags; // 3.2.2.1: bits 7-1 reserved, set to 0
        }

        if (returnCode > (byte)MqttConnectReturnCode.NotAuthorized)
        {
            return MqttDecodeStatus.InvalidReturnCode; // 3.2.2.3: 6-255 reserved
        }

        bool sessionPresent = (acknowledgeFlags & SessionPresentFlag) != 0;
        if (sessionPresent && returnCode != (byte)MqttConnectReturnCode.Accepted)
        {
            return MqttDecodeStatus.InvalidAcknowledgeFlags; // 3.2.2-4
        }

        packet = new MqttConnAckPacket(sessionPresent, (MqttConnectReturnCode)returnCode);
        return MqttDecodeStatus.Ok;
    }
}
