using System;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttUnsubscribePacketTests
{
    // MQTT 3.1.1 3.10, Figure 3.30 payload ("a/b", "c/d") with Packet Identifier 10: A2 (flags 0010), length 12.
    private const string Vector = "A2 0C 00 0A 00 03 61 2F 62 00 03 63 2F 64";

    [TestMethod]
    public void EncodesFigure330()
    {
        MqttUnsubscribePacket packet = new(10, new[] { "a/b", "c/d" });
        Codec.AssertBytes(Vector, Codec.Encode(packet.Encode));
    }

    [TestMethod]
    public void DecodesFigure330()
    {
        MqttPacketDecoder decoder = Codec.Frame(Bytes.FromHex(Vector), MqttPacketType.Unsubscribe);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttUnsubscribePacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttUnsubscribePacket packet));
        Assert.AreEqual((ushort)10, packet.PacketIdentifier);
        CollectionAssert.AreEqual(new[] { "a/b", "c/d" }, (System.Collections.ICollection)packet.TopicFilters);
    }

    [TestMethod]
    [DataRow("00 0A", MqttDecodeStatus.EmptyPayload, DisplayName = "no topic filter (3.10.3-2)")]
    [DataRow("00 0A 00 03 61 2F", MqttDecodeStatus.Truncated)]
    [DataRow("00 0A 00 02 23 61", MqttDecodeStatus.InvalidTopicFilter, DisplayName = "'#a' (4.7.1-2)")]
    public void RejectsMalformedUnsubscribe(string bodyHex, MqttDecodeStatus expected)
    {
        byte[] body = Bytes.FromHex(bodyHex);
        Assert.AreEqual(expected, MqttUnsubscribePacket.TryDecode(body, 0, body.Length, out _));
    }

    [TestMethod]
    public void RefusesAnEmptyList()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new MqttUnsubscribePacket(1, Array.Empty<string>()).Encode(new MqttPacketWriter()));
    }
}
