namespace Concentrator.Host.Mqtt;

/// <summary>PUBACK, the answer to a QoS 1 PUBLISH (MQTT 3.1.1 3.4).</summary>
public readonly record struct MqttPubAckPacket(ushort PacketIdentifier)
{
    public void Encode(MqttPacketWriter writer) =>
        MqttPacketIdentifierBody.Encode(writer, MqttPacketType.PubAck, 0, PacketIdentifier);

    public static MqttDecodeStatus TryDecode(byte[] body, int offset, int length, out MqttPubAckPacket packet)
    {
        MqttDecodeStatus status = MqttPacketIdentifierBody.TryDecode(body, offset, length, out ushort packetIdentifier);
        packet = status == MqttDecodeStatus.Ok ? new MqttPubAckPacket(packetIdentifier) : default;
        return status;
    }
}
