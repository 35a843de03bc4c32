using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttPubAckPacketTests
{
    [TestMethod]
    public void EncodesAndDecodes()
    {
        // MQTT 3.1.1 3.4: 40 02, Packet Identifier 10 (00 0A); 0xBEEF for the byte order (1.5.2, MSB first).
        Codec.AssertBytes("40 02 00 0A", Codec.Encode(new MqttPubAckPacket(10).Encode));
        Codec.AssertBytes("40 02 BE EF", Codec.Encode(new MqttPubAckPacket(0xBEEF).Encode));

        MqttPacketDecoder decoder = Codec.Frame(Bytes.FromHex("40 02 BE EF"), MqttPacketType.PubAck);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttPubAckPacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttPubAckPacket packet));
        Assert.AreEqual((ushort)0xBEEF, packet.PacketIdentifier);
    }

    [TestMethod]
    [DataRow("00 00", MqttDecodeStatus.InvalidPacketIdentifier)]
    [DataRow("00", MqttDecodeStatus.Truncated)]
    [DataRow("00 01 00", MqttDecodeStatus.TrailingBytes)]
    public void RejectsMalformedPubAck(string bodyHex, MqttDecodeStatus expected)
    {
        byte[] body = Bytes.FromHex(bodyHex);
        Assert.AreEqual(expected, MqttPubAckPacket.TryDecode(body, 0, body.Length, out _));
    }
}
