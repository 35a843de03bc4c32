using System;
using System.Text;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttConnectPacketTests
{
    // Minimal CONNECT, built by hand from MQTT 3.1.1 3.1: Remaining Length 19 = 10 (variable header) + 9 (client id);
    // "MQTT", level 4, flags 02 (Clean Session), Keep Alive 60, client id "meter-1".
    private const string MinimalVector = "10 13 00 04 4D 51 54 54 04 02 00 3C 00 07 6D 65 74 65 72 2D 31";

    // Variable header exactly as Figure 3.6 (flags CE: user name, password, will QoS 1, will, clean session; Keep Alive 10),
    // payload in the 3.1.3 order: client id "c1", will topic "w/t", will message "gone", user name "u", password "p".
    private const string FullVector = "10 1F 00 04 4D 51 54 54 04 CE 00 0A 00 02 63 31 00 03 77 2F 74 00 04 67 6F 6E 65 00 01 75 00 01 70";

    private static readonly MqttConnectPacket Full = new()
    {
        ClientIdentifier = "c1",
        CleanSession = true,
        KeepAliveSeconds = 10,
        UserName = "u",
        Password = Encoding.UTF8.GetBytes("p"),
        Will = new MqttLastWill("w/t", Encoding.UTF8.GetBytes("gone"), MqttQualityOfService.AtLeastOnce, retain: false),
    };

    [TestMethod]
    public void EncodesMinimalConnect()
    {
        MqttConnectPacket packet = new() { ClientIdentifier = "meter-1", CleanSession = true, KeepAliveSeconds = 60 };
        Codec.AssertBytes(MinimalVector, Codec.Encode(packet.Encode));
    }

    [TestMethod]
    public void EncodesEveryField()
    {
        Codec.AssertBytes(FullVector, Codec.Encode(Full.Encode));
    }

    [TestMethod]
    public void WillRetainAndWillQos2SetTheirBits()
    {
        // Flags: will retain 0x20 | will QoS 2 (0x10) | will 0x04 | clean session 0x02 = 0x36 (3.1.2.3, Figure 3.4).
        MqttConnectPacket packet = new()
        {
            ClientIdentifier = "c1",
            KeepAliveSeconds = 0,
            Will = new MqttLastWill("w", new byte[] { 0x01 }, MqttQualityOfService.ExactlyOnce, retain: true),
        };
        Codec.AssertBytes("10 14 00 04 4D 51 54 54 04 36 00 00 00 02 63 31 00 01 77 00 01 01", Codec.Encode(packet.Encode));
    }

    [TestMethod]
    public void DecodesEveryField()
    {
        MqttPacketDecoder decoder = Codec.Frame(Bytes.FromHex(FullVector), MqttPacketType.Connect);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttConnectPacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttConnectPacket packet));
        Assert.AreEqual("c1", packet.ClientIdentifier);
        Assert.IsTrue(packet.CleanSession);
        Assert.AreEqual((ushort)10, packet.KeepAliveSeconds);
        Assert.AreEqual("u", packet.UserName);
        Assert.AreEqual("p", Encoding.UTF8.GetString(packet.Password!));
        Assert.IsNotNull(packet.Will);
        Assert.AreEqual("w/t", packet.Will.Topic);
        Assert.AreEqual("gone", Encoding.UTF8.GetString(packet.Will.Message));
        Assert.AreEqual(MqttQualityOfService.AtLeastOnce, packet.Will.QualityOfService);
        Assert.IsFalse(packet.Will.Retain);
    }

    [TestMethod]
    [DataRow("00 06 4D 51 49 73 64 70 03 02 00 3C 00 01 63", MqttDecodeStatus.InvalidProtocolName, DisplayName = "MQTT 3.1 name MQIsdp (3.1.2-1)")]
    [DataRow("00 04 4D 51 54 54 05 02 00 3C 00 01 63", MqttDecodeStatus.UnsupportedProtocolLevel, DisplayName = "level 5 (3.1.2-2)")]
    [DataRow("00 04 4D 51 54 54 04 03 00 3C 00 01 63", MqttDecodeStatus.InvalidConnectFlags, DisplayName = "reserved flag (3.1.2-3)")]
    [DataRow("00 04 4D 51 54 54 04 42 00 3C 00 01 63 00 01 70", MqttDecodeStatus.InvalidConnectFlags, DisplayName = "password without user name (3.1.2-22)")]
    [DataRow("00 04 4D 51 54 54 04 22 00 3C 00 01 63", MqttDecodeStatus.InvalidConnectFlags, DisplayName = "will retain without will (3.1.2-15)")]
    [DataRow("00 04 4D 51 54 54 04 1E 00 3C 00 01 63 00 01 77 00 00", MqttDecodeStatus.InvalidQualityOfService, DisplayName = "will QoS 3 (3.1.2-14)")]
    [DataRow("00 04 4D 51 54 54 04 06 00 3C 00 01 63 00 01 23 00 00", MqttDecodeStatus.InvalidTopicName, DisplayName = "will topic '#'")]
    [DataRow("00 04 4D 51 54 54 04 02 00 3C 00 05 63", MqttDecodeStatus.Truncated, DisplayName = "client id runs past the end")]
    [DataRow("00 04 4D 51 54 54 04 02 00", MqttDecodeStatus.Truncated, DisplayName = "keep alive cut")]
    [DataRow("00 04 4D 51 54 54 04 02 00 3C 00 01 63 FF", MqttDecodeStatus.TrailingBytes, DisplayName = "byte after the payload")]
    public void RejectsMalformedConnect(string bodyHex, MqttDecodeStatus expected)
    {
        byte[] body = Bytes.FromHex(bodyHex);
        Assert.AreEqual(expected, MqttConnectPacket.TryDecode(body, 0, body.Length, out _));
    }

    [TestMethod]
    public void RefusesToEncodeWhatTheSpecForbids()
    {
        MqttPacketWriter writer = new();
        Assert.ThrowsExactly<ArgumentException>(() => new MqttConnectPacket { ClientIdentifier = "", CleanSession = false }.Encode(writer));
        Assert.ThrowsExactly<ArgumentException>(() => new MqttConnectPacket { ClientIdentifier = "c", Password = new byte[] { 1 } }.Encode(writer));
        Assert.ThrowsExactly<ArgumentException>(() => new MqttConnectPacket { ClientIdentifier = "c", Will = new MqttLastWill("a/#", Array.Empty<byte>()) }.Encode(writer));
    }
}
