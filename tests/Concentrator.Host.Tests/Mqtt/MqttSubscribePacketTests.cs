using System;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttSubscribePacketTests
{
    // MQTT 3.1.1 3.8, Figure 3.22 payload ("a/b" QoS 1, "c/d" QoS 2) with Packet Identifier 10:
    // 82 (flags 0010, 3.8.1-1), length 14 = 2 + (5 + 1) + (5 + 1).
    private const string Vector = "82 0E 00 0A 00 03 61 2F 62 01 00 03 63 2F 64 02";

    [TestMethod]
    public void EncodesFigure322()
    {
        MqttSubscribePacket packet = new(10, new[]
        {
            new MqttSubscription("a/b", MqttQualityOfService.AtLeastOnce),
            new MqttSubscription("c/d", MqttQualityOfService.ExactlyOnce),
        });
        Codec.AssertBytes(Vector, Codec.Encode(packet.Encode));
    }

    [TestMethod]
    public void DecodesFigure322()
    {
        MqttPacketDecoder decoder = Codec.Frame(Bytes.FromHex(Vector), MqttPacketType.Subscribe);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttSubscribePacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttSubscribePacket packet));
        Assert.AreEqual((ushort)10, packet.PacketIdentifier);
        Assert.AreEqual(2, packet.Subscriptions.Count);
        Assert.AreEqual(new MqttSubscription("a/b", MqttQualityOfService.AtLeastOnce), packet.Subscriptions[0]);
        Assert.AreEqual(new MqttSubscription("c/d", MqttQualityOfService.ExactlyOnce), packet.Subscriptions[1]);
    }

    [TestMethod]
    [DataRow("00 0A", MqttDecodeStatus.EmptyPayload, DisplayName = "no topic filter (3.8.3-3)")]
    [DataRow("00 00 00 01 61 00", MqttDecodeStatus.InvalidPacketIdentifier, DisplayName = "Packet Identifier 0")]
    [DataRow("00 0A 00 01 61 04", MqttDecodeStatus.InvalidSubscriptionOptions, DisplayName = "reserved bit in requested QoS (3.8.3-4)")]
    [DataRow("00 0A 00 01 61 03", MqttDecodeStatus.InvalidQualityOfService, DisplayName = "requested QoS 3 (3.8.3-4)")]
    [DataRow("00 0A 00 01 61", MqttDecodeStatus.Truncated, DisplayName = "requested QoS missing")]
    [DataRow("00 0A 00 04 61 2F 62 23", MqttDecodeStatus.InvalidTopicFilter, DisplayName = "'a/b#' (4.7.1-2)")]
    [DataRow("00 0A 00 00 00", MqttDecodeStatus.InvalidTopicFilter, DisplayName = "empty filter (4.7.3-1)")]
    public void RejectsMalformedSubscribe(string bodyHex, MqttDecodeStatus expected)
    {
        byte[] body = Bytes.FromHex(bodyHex);
        Assert.AreEqual(expected, MqttSubscribePacket.TryDecode(body, 0, body.Length, out _));
    }

    [TestMethod]
    public void RefusesToEncodeWhatTheSpecForbids()
    {
        MqttPacketWriter writer = new();
        Assert.ThrowsExactly<ArgumentException>(() => new MqttSubscribePacket(1, Array.Empty<MqttSubscription>()).Encode(writer));
        Assert.ThrowsExactly<ArgumentException>(() => new MqttSubscribePacket(0, new[] { new MqttSubscription("a", 0) }).Encode(writer));
        Assert.ThrowsExactly<ArgumentException>(() => new MqttSubscribePacket(1, new[] { new MqttSubscription("a+", 0) }).Encode(writer));
    }
}
