using System;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttPacketWriterTests
{
    [TestMethod]
    public void WritesStringFigure13()
    {
        // MQTT 3.1.1 1.5.3, Figure 1.3.
        Codec.AssertBytes("00 05 41 F0 AA 9B 94", Codec.Encode(writer => writer.WriteString("A\U0002A6D4")));
    }

    [TestMethod]
    public void RejectsStringsThatCannotBeMqttStrings()
    {
        MqttPacketWriter writer = new();
        Assert.ThrowsExactly<ArgumentException>(() => writer.WriteString("a\0b"));
        Assert.ThrowsExactly<ArgumentException>(() => writer.WriteString("\uD800"));
        Assert.ThrowsExactly<ArgumentException>(() => writer.WriteString(new string('x', 65_536)));
    }

    [TestMethod]
    public void GrowsBeyondItsInitialCapacity()
    {
        byte[] payload = new byte[1000];
        payload[999] = 0x5A;
        byte[] encoded = Codec.Encode(writer => writer.WriteBytes(payload, 0, payload.Length));
        Assert.AreEqual(1000, encoded.Length);
        Assert.AreEqual(0x5A, encoded[999]);
    }

    [TestMethod]
    public void ResetStartsOver()
    {
        MqttPacketWriter writer = new();
        writer.WriteUInt16(0x1234);
        writer.Reset();
        writer.WriteByte(0x56);
        Codec.AssertBytes("56", writer.ToArray());
    }
}
