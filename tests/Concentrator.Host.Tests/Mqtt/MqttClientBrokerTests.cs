using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

/// <summary>The client against a real mosquitto broker started for each test.</summary>
[TestClass]
public sealed class MqttClientBrokerTests
{
    private static readonly TimeSpan Wait = TestClients.Wait;
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancel => TestContext.CancellationToken;

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task ConnectsAndDisconnectsCleanly()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient client = new(TestClients.Options(broker.Port, "clean-disconnect"));
        ClientRecorder recorder = new(client);

        MqttConnectResult result = await client.ConnectAsync(Cancel);
        Assert.AreEqual(MqttConnectStatus.Accepted, result.Status, result.Detail);
        Assert.AreEqual(MqttConnectReturnCode.Accepted, result.ReturnCode);
        Assert.IsFalse(result.SessionPresent, "clean session");
        Assert.AreEqual(MqttClientState.Connected, client.State);

        await client.DisconnectAsync(Cancel);
        MqttDisconnectedEventArgs disconnect = await recorder.NextDisconnectAsync(Wait, Cancel);
        Assert.AreEqual(MqttDisconnectReason.ClientDisconnected, disconnect.Reason);
        Assert.IsTrue(disconnect.WasRequested);
        Assert.AreEqual(MqttClientState.Disconnected, client.State);
        Assert.AreEqual(MqttRequestStatus.NotConnected, (await client.PublishAsync("a", "b", cancellationToken: Cancel)).Status);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task Qos0PublishReachesASubscriber()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient subscriber = await TestClients.ConnectAsync(broker, "sub-qos0", Cancel);
        ClientRecorder received = new(subscriber);
        MqttSubscribeResult subscription = await subscriber.SubscribeAsync("meters/+/energy", MqttQualityOfService.AtMostOnce, Cancel);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, subscription.Status);
        CollectionAssert.AreEqual(new[] { MqttSubscribeReturnCode.GrantedAtMostOnce }, (System.Collections.ICollection)subscription.ReturnCodes);

        using MqttClient publisher = await TestClients.ConnectAsync(broker, "pub-qos0", Cancel);
        MqttPublishResult published = await publisher.PublishAsync("meters/1/energy", "12.5", MqttQualityOfService.AtMostOnce, cancellationToken: Cancel);
        Assert.AreEqual(MqttRequestStatus.Sent, published.Status);
        Assert.AreEqual((ushort)0, published.PacketIdentifier);

        MqttMessageReceivedEventArgs message = await received.NextMessageAsync(Wait, Cancel);
        Assert.AreEqual("meters/1/energy", message.Message.Topic);
        Assert.AreEqual("12.5", Encoding.UTF8.GetString(message.Message.Payload));
        Assert.AreEqual(MqttQualityOfService.AtMostOnce, message.Message.QualityOfService);
        Assert.IsFalse(message.Message.Retain);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task Qos1PublishAwaitsItsPubAckAndArrivesAtQos1()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient subscriber = await TestClients.ConnectAsync(broker, "sub-qos1", Cancel);
        ClientRecorder received = new(subscriber);
        MqttSubscribeResult subscription = await subscriber.SubscribeAsync(new[]
        {
            new MqttSubscription("meters/#", MqttQualityOfService.AtLeastOnce),
            new MqttSubscription("status/#", MqttQualityOfService.AtMostOnce),
        }, Cancel);
        CollectionAssert.AreEqual(
            new[] { MqttSubscribeReturnCode.GrantedAtLeastOnce, MqttSubscribeReturnCode.GrantedAtMostOnce },
            (System.Collections.ICollection)subscription.ReturnCodes);

        using MqttClient publisher = await TestClients.ConnectAsync(broker, "pub-qos1", Cancel);
        byte[] payload = new byte[20_000]; // several TCP segments
        new Random(7).NextBytes(payload);
        MqttPublishResult first = await publisher.PublishAsync("meters/2/energy", payload, MqttQualityOfService.AtLeastOnce, cancellationToken: Cancel);
        MqttPublishResult second = await publisher.PublishAsync("meters/2/power", "1.2", MqttQualityOfService.AtLeastOnce, cancellationToken: Cancel);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, first.Status);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, second.Status);
        Assert.AreNotEqual((ushort)0, first.PacketIdentifier);
        Assert.AreNotEqual(first.PacketIdentifier, second.PacketIdentifier);
        Assert.AreEqual(0, publisher.UnacknowledgedPublishes.Count);

        MqttMessageReceivedEventArgs message = await received.NextMessageAsync(Wait, Cancel);
        Assert.AreEqual("meters/2/energy", message.Message.Topic);
        Assert.AreEqual(MqttQualityOfService.AtLeastOnce, message.Message.QualityOfService);
        CollectionAssert.AreEqual(payload, message.Message.Payload);
        Assert.AreEqual("meters/2/power", (await received.NextMessageAsync(Wait, Cancel)).Message.Topic);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task RetainedMessageGoesToLaterSubscribersUntilCleared()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient live = await TestClients.ConnectAsync(broker, "live", Cancel);
        ClientRecorder liveReceived = new(live);
        await live.SubscribeAsync("status/#", MqttQualityOfService.AtLeastOnce, Cancel);

        using MqttClient publisher = await TestClients.ConnectAsync(broker, "retainer", Cancel);
        MqttPublishResult published = await publisher.PublishAsync("status/concentrator", "online", MqttQualityOfService.AtLeastOnce, retain: true, Cancel);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, published.Status);

        // 3.3.1-9: to an established subscription the RETAIN flag is 0.
        Assert.IsFalse((await liveReceived.NextMessageAsync(Wait, Cancel)).Message.Retain);

        // 3.3.1-6 / 3.3.1-8: a new subscription gets the retained message with RETAIN 1.
        using MqttClient late = await TestClients.ConnectAsync(broker, "late", Cancel);
        ClientRecorder lateReceived = new(late);
        await late.SubscribeAsync("status/#", MqttQualityOfService.AtLeastOnce, Cancel);
        MqttMessageReceivedEventArgs retained = await lateReceived.NextMessageAsync(Wait, Cancel);
        Assert.AreEqual("status/concentrator", retained.Message.Topic);
        Assert.AreEqual("online", Encoding.UTF8.GetString(retained.Message.Payload));
        Assert.IsTrue(retained.Message.Retain);

        // 3.3.1-10: a retained message with an empty payload removes it.
        await publisher.PublishAsync("status/concentrator", Array.Empty<byte>(), MqttQualityOfService.AtLeastOnce, retain: true, Cancel);
        using MqttClient later = await TestClients.ConnectAsync(broker, "later", Cancel);
        ClientRecorder laterReceived = new(later);
        await later.SubscribeAsync("status/#", MqttQualityOfService.AtLeastOnce, Cancel);
        await laterReceived.AssertNoMessageAsync(Quiet, Cancel);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task WillIsPublishedWhenTheSocketDiesAndRetainedWithItsQos()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient watcher = await TestClients.ConnectAsync(broker, "watcher", Cancel);
        ClientRecorder watched = new(watcher);
        await watcher.SubscribeAsync("wills/#", MqttQualityOfService.AtLeastOnce, Cancel);

        MqttClientOptions options = TestClients.Options(broker.Port, "meter-7") with
        {
            LastWill = new MqttLastWill("wills/meter-7", Encoding.UTF8.GetBytes("offline"), MqttQualityOfService.AtLeastOnce, retain: true),
        };
        using MqttClient dying = await TestClients.ConnectAsync(options, Cancel);
        ClientRecorder dyingEvents = new(dying);
        dying.Abort();
        Assert.AreEqual(MqttDisconnectReason.ClientAborted, (await dyingEvents.NextDisconnectAsync(Wait, Cancel)).Reason);

        MqttMessageReceivedEventArgs will = await watched.NextMessageAsync(Wait, Cancel);
        Assert.AreEqual("wills/meter-7", will.Message.Topic);
        Assert.AreEqual("offline", Encoding.UTF8.GetString(will.Message.Payload));
        Assert.AreEqual(MqttQualityOfService.AtLeastOnce, will.Message.QualityOfService);

        using MqttClient late = await TestClients.ConnectAsync(broker, "late-watcher", Cancel);
        ClientRecorder lateReceived = new(late);
        await late.SubscribeAsync("wills/#", MqttQualityOfService.AtLeastOnce, Cancel);
        MqttMessageReceivedEventArgs retained = await lateReceived.NextMessageAsync(Wait, Cancel);
        Assert.AreEqual("wills/meter-7", retained.Message.Topic);
        Assert.IsTrue(retained.Message.Retain, "will retain (3.1.2.7)");
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task WillIsDiscardedAfterACleanDisconnect()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient watcher = await TestClients.ConnectAsync(broker, "watcher", Cancel);
        ClientRecorder watched = new(watcher);
        await watcher.SubscribeAsync("wills/#", MqttQualityOfService.AtLeastOnce, Cancel);

        MqttClientOptions options = TestClients.Options(broker.Port, "meter-8") with
        {
            LastWill = new MqttLastWill("wills/meter-8", Encoding.UTF8.GetBytes("offline")),
        };
        using MqttClient leaving = await TestClients.ConnectAsync(options, Cancel);
        await leaving.DisconnectAsync(Cancel);

        // 3.14.4-3: on DISCONNECT the server discards the will.
        await watched.AssertNoMessageAsync(Quiet, Cancel);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task UnsubscribeStopsDelivery()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient subscriber = await TestClients.ConnectAsync(broker, "unsub", Cancel);
        ClientRecorder received = new(subscriber);
        await subscriber.SubscribeAsync("a/b", MqttQualityOfService.AtLeastOnce, Cancel);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, await subscriber.UnsubscribeAsync(new[] { "a/b" }, Cancel));

        using MqttClient publisher = await TestClients.ConnectAsync(broker, "unsub-pub", Cancel);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, (await publisher.PublishAsync("a/b", "x", MqttQualityOfService.AtLeastOnce, cancellationToken: Cancel)).Status);
        await received.AssertNoMessageAsync(Quiet, Cancel);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task KeepAlivePingsHoldAnIdleConnectionOpen()
    {
        // mosquitto drops a client that sends nothing for 1.5 keep-alive periods (3.1.2-24), here 1.5 s.
        using MosquittoBroker broker = MosquittoBroker.Start();
        MqttClientOptions options = TestClients.Options(broker.Port, "idle") with { KeepAliveSeconds = 1 };
        using MqttClient client = await TestClients.ConnectAsync(options, Cancel);

        await Task.Delay(TimeSpan.FromSeconds(3.5), Cancel);

        Assert.AreEqual(MqttClientState.Connected, client.State);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, (await client.PublishAsync("idle/check", "x", MqttQualityOfService.AtLeastOnce, cancellationToken: Cancel)).Status);
        StringAssert.Contains(broker.Log, "Received PINGREQ from idle");
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task MosquittoClientsUnderstandThisClient()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient client = await TestClients.ConnectAsync(broker, "interop", Cancel);
        ClientRecorder received = new(client);

        // This client → mosquitto_sub (the retained message is there before it subscribes).
        await client.PublishAsync("interop/out", "from-client", MqttQualityOfService.AtLeastOnce, retain: true, Cancel);
        string subscriberTool = ExternalCommand.Find("mosquitto_sub", "Install it: apt-get install -y mosquitto-clients");
        string output = ExternalCommand.RunChecked(subscriberTool, new[]
        {
            "-h", MosquittoBroker.Host, "-p", broker.Port.ToString(), "-V", "mqttv311", "-q", "1", "-t", "interop/out", "-C", "1", "-W", "5", "-v",
        }, TimeSpan.FromSeconds(10));
        Assert.AreEqual("interop/out from-client", output.Trim());

        // mosquitto_pub → this client.
        await client.SubscribeAsync("interop/in", MqttQualityOfService.AtLeastOnce, Cancel);
        string publisherTool = ExternalCommand.Find("mosquitto_pub", "Install it: apt-get install -y mosquitto-clients");
        ExternalCommand.RunChecked(publisherTool, new[]
        {
            "-h", MosquittoBroker.Host, "-p", broker.Port.ToString(), "-V", "mqttv311", "-q", "1", "-t", "interop/in", "-m", "from-mosquitto_pub",
        }, TimeSpan.FromSeconds(10));
        MqttMessageReceivedEventArgs message = await received.NextMessageAsync(Wait, Cancel);
        Assert.AreEqual("from-mosquitto_pub", Encoding.UTF8.GetString(message.Message.Payload));
        Assert.AreEqual(MqttQualityOfService.AtLeastOnce, message.Message.QualityOfService);
    }
}
