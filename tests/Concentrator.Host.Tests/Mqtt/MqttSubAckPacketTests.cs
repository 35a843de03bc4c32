using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttSubAckPacketTests
{
    // MQTT 3.1.1 3.9, Figure 3.26 payload (granted QoS 0, granted QoS 2, failure 0x80) with Packet Identifier 10.
    private const string Vector = "90 05 00 0A 00 02 80";

    [TestMethod]
    public void EncodesFigure326()
    {
        MqttSubAckPacket packet = new(10, new[]
        {
            MqttSubscribeReturnCode.GrantedAtMostOnce,
            MqttSubscribeReturnCode.GrantedExactlyOnce,
            MqttSubscribeReturnCode.Failure,
        });
        Codec.AssertBytes(Vector, Codec.Encode(packet.Encode));
    }

    [TestMethod]
    public void DecodesFigure326()
    {
        MqttPacketDecoder decoder = Codec.Frame(Bytes.FromHex(Vector), MqttPacketType.SubAck);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttSubAckPacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttSubAckPacket packet));
        Assert.AreEqual((ushort)10, packet.PacketIdentifier);
        CollectionAssert.AreEqual(
            new[] { MqttSubscribeReturnCode.GrantedAtMostOnce, MqttSubscribeReturnCode.GrantedExactlyOnce, MqttSubscribeReturnCode.Failure },
            (System.Collections.ICollection)packet.ReturnCodes);
    }

    [TestMethod]
    [DataRow("00 0A", MqttDecodeStatus.EmptyPayload)]
    [DataRow("00 0A 03", MqttDecodeStatus.InvalidReturnCode, DisplayName = "0x03 is reserved (3.9.3-2)")]
    [DataRow("00 0A 00 81", MqttDecodeStatus.InvalidReturnCode, DisplayName = "0x81 is reserved (3.9.3-2)")]
    [DataRow("00 00 00", MqttDecodeStatus.InvalidPacketIdentifier)]
    [DataRow("00", MqttDecodeStatus.Truncated)]
    public void RejectsMalformedSubAck(string bodyHex, MqttDecodeStatus expected)
    {
        byte[] body = Bytes.FromHex(bodyHex);
        Assert.AreEqual(expected, MqttSubAckPacket.TryDecode(body, 0, body.Length, out _));
    }
}
