using System;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttEmptyPacketTests
{
    // MQTT 3.1.1 3.12.1 (PINGREQ C0 00), 3.13.1 (PINGRESP D0 00), 3.14.1 (DISCONNECT E0 00).
    [TestMethod]
    [DataRow(MqttPacketType.PingReq, "C0 00")]
    [DataRow(MqttPacketType.PingResp, "D0 00")]
    [DataRow(MqttPacketType.Disconnect, "E0 00")]
    public void EncodesAndFrames(MqttPacketType packetType, string hex)
    {
        Codec.AssertBytes(hex, Codec.Encode(writer => MqttEmptyPacket.Encode(writer, packetType)));
        MqttPacketDecoder decoder = Codec.Frame(Bytes.FromHex(hex), packetType);
        Assert.AreEqual(0, decoder.BodyLength);
    }

    [TestMethod]
    public void OnlyHeaderOnlyTypesAreAccepted()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => MqttEmptyPacket.Encode(new MqttPacketWriter(), MqttPacketType.PubAck));
    }
}
