using System;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttConnAckPacketTests
{
    // MQTT 3.1.1 3.2: 20 02, acknowledge flags (bit 0 Session Present), return code (Table 3.1).
    [TestMethod]
    [DataRow("20 02 00 00", false, MqttConnectReturnCode.Accepted)]
    [DataRow("20 02 01 00", true, MqttConnectReturnCode.Accepted)]
    [DataRow("20 02 00 01", false, MqttConnectReturnCode.UnacceptableProtocolVersion)]
    [DataRow("20 02 00 02", false, MqttConnectReturnCode.IdentifierRejected)]
    [DataRow("20 02 00 03", false, MqttConnectReturnCode.ServerUnavailable)]
    [DataRow("20 02 00 04", false, MqttConnectReturnCode.BadUserNameOrPassword)]
    [DataRow("20 02 00 05", false, MqttConnectReturnCode.NotAuthorized)]
    public void EncodesAndDecodesEachReturnCode(string hex, bool sessionPresent, MqttConnectReturnCode returnCode)
    {
        MqttConnAckPacket packet = new(sessionPresent, returnCode);
        Codec.AssertBytes(hex, Codec.Encode(packet.Encode));

        MqttPacketDecoder decoder = Codec.Frame(Bytes.FromHex(hex), MqttPacketType.ConnAck);
        Assert.AreEqual(MqttDecodeStatus.Ok, MqttConnAckPacket.TryDecode(decoder.Body, 0, decoder.BodyLength, out MqttConnAckPacket decoded));
        Assert.AreEqual(packet, decoded);
    }

    [TestMethod]
    [DataRow("02 00", MqttDecodeStatus.InvalidAcknowledgeFlags, DisplayName = "reserved acknowledge flag bit 1 (3.2.2.1)")]
    [DataRow("80 00", MqttDecodeStatus.InvalidAcknowledgeFlags, DisplayName = "reserved acknowledge flag bit 7 (3.2.2.1)")]
    [DataRow("01 05", MqttDecodeStatus.InvalidAcknowledgeFlags, DisplayName = "Session Present with a refusal (3.2.2-4)")]
    [DataRow("00 06", MqttDecodeStatus.InvalidReturnCode, DisplayName = "reserved return code 6 (3.2.2.3)")]
    [DataRow("00 FF", MqttDecodeStatus.InvalidReturnCode, DisplayName = "reserved return code 255 (3.2.2.3)")]
    [DataRow("00", MqttDecodeStatus.Truncated, DisplayName = "one byte")]
    [DataRow("00 00 00", MqttDecodeStatus.TrailingBytes, DisplayName = "three bytes")]
    public void RejectsMalformedConnAck(string bodyHex, MqttDecodeStatus expected)
    {
        byte[] body = Bytes.FromHex(bodyHex);
        Assert.AreEqual(expected, MqttConnAckPacket.TryDecode(body, 0, body.Length, out _));
    }

    [TestMethod]
    public void RefusesSessionPresentWithARefusal()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Codec.Encode(new MqttConnAckPacket(true, MqttConnectReturnCode.NotAuthorized).Encode));
    }
}
