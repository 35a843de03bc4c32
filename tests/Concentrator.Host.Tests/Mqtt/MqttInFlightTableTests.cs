using System.Text;
using System.Threading.Tasks;
using Concentrator.Host.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttInFlightTableTests
{
    private static MqttApplicationMessage Message(string text) =>
        new("t", Encoding.ASCII.GetBytes(text), MqttQualityOfService.AtLeastOnce);

    [TestMethod]
    public void IdentifiersCountUpFromOne()
    {
        MqttInFlightTable table = new();
        Assert.AreEqual((ushort)1, table.Add(MqttPacketType.PubAck, Message("a")).PacketIdentifier);
        Assert.AreEqual((ushort)2, table.Add(MqttPacketType.SubAck, null).PacketIdentifier);
    }

    [TestMethod]
    public void IdentifiersWrapFrom65535ToOneSkippingZero()
    {
        // 2.3.1-1: non-zero. Start just below the top.
        MqttInFlightTable table = new(lastPacketIdentifier: 65534);
        Assert.AreEqual((ushort)65535, table.Add(MqttPacketType.PubAck, Message("a")).PacketIdentifier);
        Assert.AreEqual((ushort)1, table.Add(MqttPacketType.PubAck, Message("b")).PacketIdentifier);
    }

    [TestMethod]
    public void IdentifiersStillInFlightAreSkipped()
    {
        // 2.3.1-2: an identifier in use is not reused. 1 stays in flight while the counter goes once round.
        MqttInFlightTable around = new(lastPacketIdentifier: 65535);
        MqttPendingRequest one = around.Add(MqttPacketType.PubAck, Message("one"));
        Assert.AreEqual((ushort)1, one.PacketIdentifier);
        for (int i = 0; i < 65534; i++)
        {
            MqttPendingRequest request = around.Add(MqttPacketType.SubAck, null);
            around.TryAcknowledge(request.PacketIdentifier, MqttPacketType.SubAck);
        }

        // The counter is back at 65535; 1 is still in flight, so the next is 2.
        Assert.AreEqual((ushort)2, around.Add(MqttPacketType.PubAck, Message("two")).PacketIdentifier);
    }

    [TestMethod]
    public async Task AcknowledgementCompletesOnlyTheMatchingRequest()
    {
        MqttInFlightTable table = new();
        MqttPendingRequest publish = table.Add(MqttPacketType.PubAck, Message("a"));
        Assert.IsFalse(table.TryAcknowledge(publish.PacketIdentifier, MqttPacketType.UnsubAck), "wrong acknowledgement type");
        Assert.IsFalse(table.TryAcknowledge(999, MqttPacketType.PubAck), "unknown identifier");
        Assert.IsTrue(table.TryAcknowledge(publish.PacketIdentifier, MqttPacketType.PubAck));
        Assert.AreEqual(MqttRequestStatus.Acknowledged, await publish.Completion);
        Assert.AreEqual(0, table.Count);
    }

    [TestMethod]
    public async Task ConnectionLossKeepsPublishesAndDropsTheRest()
    {
        MqttInFlightTable table = new();
        MqttPendingRequest first = table.Add(MqttPacketType.PubAck, Message("first"));
        MqttPendingRequest subscribe = table.Add(MqttPacketType.SubAck, null);
        table.Add(MqttPacketType.PubAck, Message("second"));

        table.FailConnection();

        Assert.AreEqual(MqttRequestStatus.ConnectionLost, await first.Completion);
        Assert.AreEqual(MqttRequestStatus.ConnectionLost, await subscribe.Completion);
        Assert.AreEqual(2, table.Count);
        var taken = table.TakeUnacknowledged();
        Assert.AreEqual(2, taken.Count);
        Assert.AreEqual("first", Encoding.ASCII.GetString(taken[0].Payload));
        Assert.AreEqual("second", Encoding.ASCII.GetString(taken[1].Payload));
        Assert.AreEqual(0, table.Count);
        Assert.IsFalse(table.TryAcknowledge(first.PacketIdentifier, MqttPacketType.PubAck), "a late PUBACK for a taken message is ignored");
    }

    [TestMethod]
    public async Task TakingBackWithdrawsWaitingCalls()
    {
        MqttInFlightTable table = new();
        MqttPendingRequest publish = table.Add(MqttPacketType.PubAck, Message("a"));
        Assert.AreEqual(1, table.PeekUnacknowledged().Count);
        Assert.AreEqual(1, table.TakeUnacknowledged().Count);
        Assert.AreEqual(MqttRequestStatus.Withdrawn, await publish.Completion);
    }
}
