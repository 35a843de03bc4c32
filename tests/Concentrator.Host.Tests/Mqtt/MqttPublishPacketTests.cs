using System;
using System.Text;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttPublishPacketTests
{
    // MQTT 3.1.1 3.3. QoS 0: no Packet Identifier (3.3.2.2): 30, length 7 = 5 (topic "a/b") + 2 (payload "hi").
    private const string QualityOfService0Vector = "30 07 00 03 61 2F 62 68 69";

    // QoS 1 with DUP and RETAIN: flags 1011 = 0x0B; variable header as Figure 3.11 (topic "a/b", Packet Identifier 10).
    private const string QualityOfService1Vector = "3B 09 00 03 61 2F 62 00 0A 68 69";

    [TestMethod]
    public void EncodesQos0()
    {
        MqttPublishPacket packet = new() { TopicName = "a/b", Payload = Encoding.ASCII.GetBytes("hi") };
        Codec.AssertBytes(QualityOfService0Vector, Codec.Encode(packet.Encode));
    }

    [TestMethod]
    public void EncodesQos1WithDupAndRetain()
    {
        MqttPublishPacket packet = new()
        {
            TopicName = "a/b",
            Payload = Encoding.ASCII.GetBytes("hi"),
            QualityOfService = MqttQualityOfService.AtLeastOnce,
            Duplicate = true,
            Retain = true,
            PacketIdentifier = 10,
        };
        Codec.AssertBytes(QualityOfService1Vector, Codec.Encode(packet.Encode));
    }

    [TestMethod]
    public void EncodesRetainedQos0WithEmptyPayload()
    {
        // 3.3.1.3: a retained message with an empty payload clears the retained message: 31 05, topic only.
        MqttPublishPacket packet = new() { TopicName = "a/b", Retain = true };
        Codec.AssertBytes("31 05 00 03 61 2F 62", Codec.Encode(packet.Encode));
    }

    [TestMethod]
    public void DecodesQos1WithDupAndRetain()
    {
        MqttPacketDecoder decoder = Codec.Frame(Bytes.FromHex(QualityOfService1Vector), MqttPacketType.Publish);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttPublishPacket.TryDecode(decoder.Flags, decoder.Body, 0, decoder.BodyLength, out MqttPublishPacket packet));
        Assert.AreEqual("a/b", packet.TopicName);
        Assert.AreEqual("hi", Encoding.ASCII.GetString(packet.Payload));
        Assert.AreEqual(MqttQualityOfService.AtLeastOnce, packet.QualityOfService);
        Assert.IsTrue(packet.Duplicate);
        Assert.IsTrue(packet.Retain);
        Assert.AreEqual((ushort)10, packet.PacketIdentifier);
    }

    [TestMethod]
    public void DecodesQos0()
    {
        MqttPacketDecoder decoder = Codec.Frame(Bytes.FromHex(QualityOfService0Vector), MqttPacketType.Publish);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttPublishPacket.TryDecode(decoder.Flags, decoder.Body, 0, decoder.BodyLength, out MqttPublishPacket packet));
        Assert.AreEqual(MqttQualityOfService.AtMostOnce, packet.QualityOfService);
        Assert.AreEqual((ushort)0, packet.PacketIdentifier);
        Assert.AreEqual("hi", Encoding.ASCII.GetString(packet.Payload));
        Assert.IsFalse(packet.Retain);
    }

    [TestMethod]
    [DataRow((byte)0x00, "00 05 61 2F 62", MqttDecodeStatus.Truncated, DisplayName = "topic length past the end")]
    [DataRow((byte)0x02, "00 03 61 2F 62", MqttDecodeStatus.Truncated, DisplayName = "QoS 1 without Packet Identifier")]
    [DataRow((byte)0x02, "00 03 61 2F 62 00 00", MqttDecodeStatus.InvalidPacketIdentifier, DisplayName = "Packet Identifier 0 (2.3.1-1)")]
    [DataRow((byte)0x00, "00 03 61 2F 2B", MqttDecodeStatus.InvalidTopicName, DisplayName = "wildcard in topic (3.3.2-2)")]
    [DataRow((byte)0x00, "00 00", MqttDecodeStatus.InvalidTopicName, DisplayName = "empty topic (4.7.3-1)")]
    [DataRow((byte)0x00, "00 02 C3 28", MqttDecodeStatus.InvalidString, DisplayName = "topic not UTF-8 (1.5.3)")]
    [DataRow((byte)0x06, "00 01 61 00 01", MqttDecodeStatus.InvalidQualityOfService, DisplayName = "QoS 3 flags (3.3.1-4)")]
    [DataRow((byte)0x08, "00 01 61", MqttDecodeStatus.InvalidFlags, DisplayName = "DUP with QoS 0 (3.3.1-2)")]
    public void RejectsMalformedPublish(byte flags, string bodyHex, MqttDecodeStatus expected)
    {
        byte[] body = Bytes.FromHex(bodyHex);
        Assert.AreEqual(expected, MqttPublishPacket.TryDecode(flags, body, 0, body.Length, out _));
    }

    [TestMethod]
    public void RefusesToEncodeWhatTheSpecForbids()
    {
        MqttPacketWriter writer = new();
        Assert.ThrowsExactly<ArgumentException>(() => new MqttPublishPacket { TopicName = "a/#" }.Encode(writer));
        Assert.ThrowsExactly<ArgumentException>(() => new MqttPublishPacket { TopicName = "" }.Encode(writer));
        Assert.ThrowsExactly<ArgumentException>(() => new MqttPublishPacket { TopicName = "a", QualityOfService = MqttQualityOfService.AtLeastOnce }.Encode(writer));
        Assert.ThrowsExactly<ArgumentException>(() => new MqttPublishPacket { TopicName = "a", Duplicate = true }.Encode(writer));
    }
}
