using System;
using Concentrator.Host.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Support;

/// <summary>Small helpers shared by the packet tests.</summary>
public static class Codec
{
    /// <summary>Runs <paramref name="encode"/> on a fresh writer and returns the bytes.</summary>
    public static byte[] Encode(Action<MqttPacketWriter> encode)
    {
        MqttPacketWriter writer = new(16);
        encode(writer);
        return writer.ToArray();
    }

    public static void AssertBytes(string expectedHex, byte[] actual) =>
        Assert.AreEqual(Bytes.ToHex(Bytes.FromHex(expectedHex)), Bytes.ToHex(actual));

    /// <summary>Frames <paramref name="packet"/> with a decoder, asserting it is exactly one well-formed packet of <paramref name="expectedType"/>.</summary>
    public static MqttPacketDecoder Frame(byte[] packet, MqttPacketType expectedType)
    {
        MqttPacketDecoder decoder = new(64 * 1024);
        MqttDecodeStatus status = decoder.Decode(packet, 0, packet.Length, out int consumed);
        Assert.AreEqual(MqttDecodeStatus.Ok, status);
        Assert.AreEqual(packet.Length, consumed);
        Assert.AreEqual(expectedType, decoder.PacketType);
        return decoder;
    }
}
