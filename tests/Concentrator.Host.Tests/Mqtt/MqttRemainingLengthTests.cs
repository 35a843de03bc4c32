using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttRemainingLengthTests
{
    // MQTT 3.1.1 2.2.3, Table 2.4: the first and last value of each size, plus 321 (0xC1 0x02) from the
    // encoding algorithm worked by hand: 321 = 2 * 128 + 65 → 65 | 0x80, 2.
    [TestMethod]
    [DataRow(0, "00")]
    [DataRow(127, "7F")]
    [DataRow(128, "8001")]
    [DataRow(321, "C102")]
    [DataRow(16_383, "FF7F")]
    [DataRow(16_384, "808001")]
    [DataRow(2_097_151, "FFFF7F")]
    [DataRow(2_097_152, "80808001")]
    [DataRow(268_435_455, "FFFFFF7F")]
    public void EncodesAndDecodesTable24Values(int value, string hex)
    {
        byte[] buffer = new byte[4];
        int written = MqttRemainingLength.Encode(value, buffer, 0);
        Assert.AreEqual(hex, Bytes.ToHex(buffer[..written]));
        Assert.AreEqual(written, MqttRemainingLength.GetEncodedSize(value));

        byte[] encoded = Bytes.FromHex(hex);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttRemainingLength.TryDecode(encoded, 0, encoded.Length, out int decoded, out int consumed));
        Assert.AreEqual(value, decoded);
        Assert.AreEqual(encoded.Length, consumed);
    }

    [TestMethod]
    public void FifthByteIsRejected()
    {
        byte[] encoded = Bytes.FromHex("FF FF FF FF 7F");
        Assert.AreEqual(MqttDecodeStatus.RemainingLengthTooLong, MqttRemainingLength.TryDecode(encoded, 0, encoded.Length, out _, out int consumed));
        Assert.AreEqual(4, consumed);
    }

    [TestMethod]
    public void ContinuationWithoutNextByteNeedsMoreData()
    {
        byte[] encoded = Bytes.FromHex("80 80");
        Assert.AreEqual(MqttDecodeStatus.NeedMoreData, MqttRemainingLength.TryDecode(encoded, 0, encoded.Length, out _, out int consumed));
        Assert.AreEqual(2, consumed);
    }

    [TestMethod]
    public void ValuesOutsideTheRangeAreCallerMisuse()
    {
        Assert.ThrowsExactly<System.ArgumentOutOfRangeException>(() => MqttRemainingLength.GetEncodedSize(268_435_456));
        Assert.ThrowsExactly<System.ArgumentOutOfRangeException>(() => MqttRemainingLength.GetEncodedSize(-1));
    }
}
