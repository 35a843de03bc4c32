using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttPacketReaderTests
{
    [TestMethod]
    public void ReadsStringFigure13()
    {
        // MQTT 3.1.1 1.5.3, Figure 1.3: "A𪛔" is 00 05 41 F0 AA 9B 94.
        byte[] bytes = Bytes.FromHex("00 05 41 F0 AA 9B 94");
        MqttPacketReader reader = new(bytes, 0, bytes.Length);
        Assert.AreEqual(MqttDecodeStatus.Ok, reader.TryReadString(out string value));
        Assert.AreEqual("A\U0002A6D4", value);
        Assert.AreEqual(0, reader.Remaining);
    }

    [TestMethod]
    public void KeepsLeadingByteOrderMark()
    {
        // 1.5.3-3: 0xEF 0xBB 0xBF is U+FEFF and must not be skipped.
        byte[] bytes = Bytes.FromHex("00 04 EF BB BF 61");
        MqttPacketReader reader = new(bytes, 0, bytes.Length);
        Assert.AreEqual(MqttDecodeStatus.Ok, reader.TryReadString(out string value));
        Assert.AreEqual("\uFEFFa", value);
    }

    [TestMethod]
    [DataRow("00 02 C3 28", DisplayName = "invalid continuation byte")]
    [DataRow("00 03 ED A0 80", DisplayName = "encoded surrogate U+D800 (1.5.3-1)")]
    [DataRow("00 03 61 00 62", DisplayName = "U+0000 (1.5.3-2)")]
    [DataRow("00 02 C0 80", DisplayName = "overlong U+0000")]
    public void RejectsStringsThatAreNotMqttUtf8(string hex)
    {
        byte[] bytes = Bytes.FromHex(hex);
        MqttPacketReader reader = new(bytes, 0, bytes.Length);
        Assert.AreEqual(MqttDecodeStatus.InvalidString, reader.TryReadString(out _));
    }

    [TestMethod]
    public void StringLongerThanThePacketIsTruncated()
    {
        byte[] bytes = Bytes.FromHex("00 05 61 62 63");
        MqttPacketReader reader = new(bytes, 0, bytes.Length);
        Assert.AreEqual(MqttDecodeStatus.Truncated, reader.TryReadString(out _));
    }

    [TestMethod]
    public void NeverReadsPastItsWindow()
    {
        // The window is the middle two bytes; the bytes around it must not be seen.
        byte[] bytes = Bytes.FromHex("FF 12 34 FF");
        MqttPacketReader reader = new(bytes, 1, 2);
        Assert.IsTrue(reader.TryReadUInt16(out ushort value));
        Assert.AreEqual(0x1234, value);
        Assert.IsFalse(reader.TryReadByte(out _));
        Assert.IsFalse(reader.TryReadUInt16(out _));
    }

    [TestMethod]
    public void BinaryLongerThanThePacketFails()
    {
        byte[] bytes = Bytes.FromHex("00 03 01 02");
        MqttPacketReader reader = new(bytes, 0, bytes.Length);
        Assert.IsFalse(reader.TryReadBinary(out _));
    }
}
