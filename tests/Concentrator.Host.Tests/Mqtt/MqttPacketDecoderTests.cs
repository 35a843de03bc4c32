using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttPacketDecoderTests
{
    // PUBLISH QoS 1, DUP, RETAIN, topic "a/b", Packet Identifier 10, payload "hi" (MQTT 3.1.1 3.3, Figure 3.11 variable header).
    private const string PublishVector = "3B 09 00 03 61 2F 62 00 0A 68 69";

    [TestMethod]
    public void ResumesAcrossSingleByteFragments()
    {
        byte[] packet = Bytes.FromHex(PublishVector);
        MqttPacketDecoder decoder = new(1024);
        for (int i = 0; i < packet.Length - 1; i++)
        {
            Assert.AreEqual(MqttDecodeStatus.NeedMoreData, decoder.Decode(packet, i, 1, out int consumed), $"byte {i}");
            Assert.AreEqual(1, consumed);
        }

        Assert.AreEqual(MqttDecodeStatus.Ok, decoder.Decode(packet, packet.Length - 1, 1, out _));
        Assert.AreEqual(MqttPacketType.Publish, decoder.PacketType);
        Assert.AreEqual(0x0B, decoder.Flags);
        Assert.AreEqual(9, decoder.BodyLength);
        Assert.AreEqual(11, decoder.PacketSize);
        Assert.AreEqual("0003612F62000A6869", Bytes.ToHex(decoder.Body[..decoder.BodyLength]));
    }

    [TestMethod]
    public void ResumesWhenTheRemainingLengthIsSplit()
    {
        // A 200-byte body: Remaining Length C8 01 arrives one byte per read.
        byte[] packet = new byte[203];
        packet[0] = 0x30;
        packet[1] = 0xC8;
        packet[2] = 0x01;
        packet[3] = 0x00;
        packet[4] = 0x01;
        packet[5] = (byte)'t';
        MqttPacketDecoder decoder = new(1024);
        Assert.AreEqual(MqttDecodeStatus.NeedMoreData, decoder.Decode(packet, 0, 2, out _));
        Assert.AreEqual(MqttDecodeStatus.NeedMoreData, decoder.Decode(packet, 2, 100, out _));
        Assert.AreEqual(MqttDecodeStatus.Ok, decoder.Decode(packet, 102, 101, out int consumed));
        Assert.AreEqual(101, consumed);
        Assert.AreEqual(200, decoder.BodyLength);
    }

    [TestMethod]
    public void StopsAtTheEndOfEachPacketInOneBuffer()
    {
        // PINGRESP, PUBACK 10, UNSUBACK 11 back to back (3.13, 3.4, 3.11).
        byte[] stream = Bytes.FromHex("D0 00 40 02 00 0A B0 02 00 0B");
        MqttPacketDecoder decoder = new(1024);
        int offset = 0;

        Assert.AreEqual(MqttDecodeStatus.Ok, decoder.Decode(stream, offset, stream.Length - offset, out int consumed));
        Assert.AreEqual(MqttPacketType.PingResp, decoder.PacketType);
        Assert.AreEqual(2, consumed);
        offset += consumed;

        Assert.AreEqual(MqttDecodeStatus.Ok, decoder.Decode(stream, offset, stream.Length - offset, out consumed));
        Assert.AreEqual(MqttPacketType.PubAck, decoder.PacketType);
        Assert.AreEqual(4, consumed);
        offset += consumed;

        Assert.AreEqual(MqttDecodeStatus.Ok, decoder.Decode(stream, offset, stream.Length - offset, out consumed));
        Assert.AreEqual(MqttPacketType.UnsubAck, decoder.PacketType);
        Assert.AreEqual(stream.Length, offset + consumed);
    }

    [TestMethod]
    public void EmptyInputNeedsMoreData()
    {
        MqttPacketDecoder decoder = new(1024);
        Assert.AreEqual(MqttDecodeStatus.NeedMoreData, decoder.Decode(new byte[4], 0, 0, out int consumed));
        Assert.AreEqual(0, consumed);
    }

    [TestMethod]
    [DataRow("00 00", MqttDecodeStatus.ReservedPacketType, DisplayName = "type 0 (Table 2.1)")]
    [DataRow("F0 00", MqttDecodeStatus.ReservedPacketType, DisplayName = "type 15 (Table 2.1)")]
    [DataRow("21 02 00 00", MqttDecodeStatus.InvalidFlags, DisplayName = "CONNACK with flag bit 0 (2.2.2-2)")]
    [DataRow("80 08 00 0A 00 03 61 2F 62 01", MqttDecodeStatus.InvalidFlags, DisplayName = "SUBSCRIBE with flags 0000 (3.8.1-1)")]
    [DataRow("A0 07 00 0A 00 03 61 2F 62", MqttDecodeStatus.InvalidFlags, DisplayName = "UNSUBSCRIBE with flags 0000 (3.10.1-1)")]
    [DataRow("60 02 00 0A", MqttDecodeStatus.InvalidFlags, DisplayName = "PUBREL with flags 0000 (3.6.1-1)")]
    [DataRow("C1 00", MqttDecodeStatus.InvalidFlags, DisplayName = "PINGREQ with flag bit 0")]
    [DataRow("38 05 00 03 61 2F 62", MqttDecodeStatus.InvalidFlags, DisplayName = "PUBLISH DUP with QoS 0 (3.3.1-2)")]
    [DataRow("36 07 00 03 61 2F 62 00 01", MqttDecodeStatus.InvalidQualityOfService, DisplayName = "PUBLISH QoS 3 (3.3.1-4)")]
    public void RejectsWrongFixedHeaderFlagsAtTheFirstByte(string hex, MqttDecodeStatus expected)
    {
        byte[] packet = Bytes.FromHex(hex);
        MqttPacketDecoder decoder = new(1024);
        Assert.AreEqual(expected, decoder.Decode(packet, 0, packet.Length, out int consumed));
        Assert.AreEqual(1, consumed, "rejected as soon as the first byte is seen");
    }

    [TestMethod]
    [DataRow("40 03 00 0A 00", DisplayName = "PUBACK with length 3 (3.4.1)")]
    [DataRow("40 01 00", DisplayName = "PUBACK with length 1 (3.4.1)")]
    [DataRow("20 03 00 00 00", DisplayName = "CONNACK with length 3 (3.2.1)")]
    [DataRow("B0 00", DisplayName = "UNSUBACK with length 0 (3.11.1)")]
    [DataRow("D0 01 00", DisplayName = "PINGRESP with length 1 (3.13.1)")]
    [DataRow("E0 02 00 00", DisplayName = "DISCONNECT with length 2 (3.14.1)")]
    public void RejectsRemainingLengthsTheTypeDoesNotAllow(string hex)
    {
        byte[] packet = Bytes.FromHex(hex);
        MqttPacketDecoder decoder = new(1024);
        Assert.AreEqual(MqttDecodeStatus.InvalidRemainingLength, decoder.Decode(packet, 0, packet.Length, out int consumed));
        Assert.AreEqual(2, consumed);
    }

    [TestMethod]
    public void RejectsAFiveByteRemainingLength()
    {
        // 2.2.3: at most four bytes; the fourth may not have its continuation bit.
        byte[] packet = Bytes.FromHex("30 FF FF FF FF 7F");
        MqttPacketDecoder decoder = new(MqttPacketDecoder.LargestPossiblePacketSize);
        Assert.AreEqual(MqttDecodeStatus.RemainingLengthTooLong, decoder.Decode(packet, 0, packet.Length, out int consumed));
        Assert.AreEqual(5, consumed);
    }

    [TestMethod]
    public void RejectsAPacketLargerThanTheMaximumBeforeItsBodyArrives()
    {
        // Remaining Length 128 (80 01) makes a 131-byte packet; the maximum is 130.
        byte[] header = Bytes.FromHex("30 80 01");
        MqttPacketDecoder decoder = new(130);
        Assert.AreEqual(MqttDecodeStatus.PacketTooLarge, decoder.Decode(header, 0, header.Length, out int consumed));
        Assert.AreEqual(3, consumed);
    }

    [TestMethod]
    public void AcceptsAPacketOfExactlyTheMaximum()
    {
        byte[] packet = new byte[130];
        packet[0] = 0x30;
        packet[1] = 127;
        packet[3] = 0x01;
        packet[4] = (byte)'t';
        MqttPacketDecoder decoder = new(129);
        Assert.AreEqual(MqttDecodeStatus.Ok, decoder.Decode(packet, 0, 129, out int consumed));
        Assert.AreEqual(129, consumed);
    }

    [TestMethod]
    public void TruncatedStreamWaitsForTheRest()
    {
        byte[] packet = Bytes.FromHex(PublishVector);
        MqttPacketDecoder decoder = new(1024);
        Assert.AreEqual(MqttDecodeStatus.NeedMoreData, decoder.Decode(packet, 0, packet.Length - 3, out int consumed));
        Assert.AreEqual(packet.Length - 3, consumed);
    }

    [TestMethod]
    public void AFailureSticksUntilReset()
    {
        byte[] bad = Bytes.FromHex("40 03");
        byte[] good = Bytes.FromHex("D0 00");
        MqttPacketDecoder decoder = new(1024);
        Assert.AreEqual(MqttDecodeStatus.InvalidRemainingLength, decoder.Decode(bad, 0, bad.Length, out _));
        Assert.IsTrue(decoder.HasFailed);
        Assert.AreEqual(MqttDecodeStatus.InvalidRemainingLength, decoder.Decode(good, 0, good.Length, out int consumed));
        Assert.AreEqual(0, consumed);

        decoder.Reset();
        Assert.AreEqual(MqttDecodeStatus.Ok, decoder.Decode(good, 0, good.Length, out _));
        Assert.AreEqual(MqttPacketType.PingResp, decoder.PacketType);
    }
}
