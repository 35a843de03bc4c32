using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttUnsubAckPacketTests
{
    [TestMethod]
    public void EncodesAndDecodes()
    {
        // MQTT 3.1.1 3.11: B0 02, Packet Identifier 10.
        Codec.AssertBytes("B0 02 00 0A", Codec.Encode(new MqttUnsubAckPacket(10).Encode));

        MqttPacketDecoder decoder = Codec.Frame(Bytes.FromHex("B0 02 00 0A"), MqttPacketType.UnsubAck);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttUnsubAckPacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttUnsubAckPacket packet));
        Assert.AreEqual((ushort)10, packet.PacketIdentifier);
    }

    [TestMethod]
    public void RejectsPacketIdentifierZero()
    {
        byte[] body = Bytes.FromHex("00 00");
        Assert.AreEqual(MqttDecodeStatus.InvalidPacketIdentifier, MqttUnsubAckPacket.TryDecode(body, 0, body.Length, out _));
    }
}
