namespace Concentrator.Host.Mqtt;

/// <summary>UNSUBACK, the answer to UNSUBSCRIBE (MQTT 3.1.1 3.11).</summary>
public readonly record struct MqttUnsubAckPacket(ushort PacketIdentifier)
{
    public void Encode(MqttPacketWriter writer) =>
        MqttPacketIdentifierBody.Encode(writer, MqttPacketType.UnsubAck, 0, PacketIdentifier);

    public static MqttDecodeStatus TryDecode(byte[] body, int offset, int length, out MqttUnsubAckPacket packet)
    {
        MqttDecodeStatus status = MqttPacketIdentifierBody.TryDecode(body, offset, length, out ushort packetIdentifier);
        packet = status == MqttDecodeStatus.Ok ? new MqttUnsubAckPacket(packetIdentifier) : default;
        return status;
    }
}
