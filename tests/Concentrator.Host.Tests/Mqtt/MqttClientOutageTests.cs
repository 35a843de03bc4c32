using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

/// <summary>The broker goes away, hangs or comes back while the client is connected.</summary>
[TestClass]
public sealed class MqttClientOutageTests
{
    private static readonly TimeSpan Wait = TestClients.Wait;

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancel => TestContext.CancellationToken;

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task StoppedBrokerIsReportedAsDisconnect()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient client = await TestClients.ConnectAsync(broker, "outage-stop", Cancel); // keep-alive 30 s: the socket must tell
        ClientRecorder events = new(client);

        Stopwatch elapsed = Stopwatch.StartNew();
        broker.Stop();
        MqttDisconnectedEventArgs disconnect = await events.NextDisconnectAsync(Wait, Cancel);

        Assert.AreEqual(MqttDisconnectReason.ClosedByServer, disconnect.Reason, disconnect.Detail);
        Assert.IsFalse(disconnect.WasRequested);
        Assert.IsTrue(elapsed.Elapsed < Wait, $"took {elapsed.Elapsed}");
        Assert.AreEqual(MqttClientState.Disconnected, client.State);
        Assert.AreEqual(MqttRequestStatus.NotConnected, (await client.PublishAsync("a", "b", MqttQualityOfService.AtLeastOnce, cancellationToken: Cancel)).Status);
        Assert.AreEqual(0, client.UnacknowledgedPublishes.Count, "nothing is tracked for a publish that was never sent");
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task KilledBrokerIsReportedAsDisconnect()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient client = await TestClients.ConnectAsync(broker, "outage-kill", Cancel);
        ClientRecorder events = new(client);

        broker.Kill();
        MqttDisconnectedEventArgs disconnect = await events.NextDisconnectAsync(Wait, Cancel);

        // The kernel closes a killed process's sockets: FIN (read returns 0) or RST (read fails).
        Assert.IsTrue(disconnect.Reason is MqttDisconnectReason.ClosedByServer or MqttDisconnectReason.NetworkError, disconnect.Reason + ": " + disconnect.Detail);
        Assert.AreEqual(MqttClientState.Disconnected, client.State);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task RestartedBrokerAcceptsClientsOnTheSamePort()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        int port = broker.Port;
        using MqttClient client = await TestClients.ConnectAsync(broker, "outage-restart", Cancel);
        ClientRecorder events = new(client);

        broker.Stop();
        await events.NextDisconnectAsync(Wait, Cancel);
        Assert.IsFalse(broker.IsRunning);
        MqttConnectResult whileDown = await client.ConnectAsync(Cancel);
        Assert.AreEqual(MqttConnectStatus.NetworkFailure, whileDown.Status, whileDown.Detail);

        broker.Restart();
        Assert.AreEqual(port, broker.Port);
        Assert.IsTrue(broker.IsRunning);

        using MqttClient fresh = await TestClients.ConnectAsync(broker, "outage-fresh", Cancel);
        Assert.AreEqual(MqttClientState.Connected, fresh.State);

        MqttConnectResult again = await client.ConnectAsync(Cancel);
        Assert.AreEqual(MqttConnectStatus.Accepted, again.Status, again.Detail);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, (await client.PublishAsync("after/restart", "x", MqttQualityOfService.AtLeastOnce, cancellationToken: Cancel)).Status);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task HungBrokerIsDetectedByTheMissingPingResponse()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        MqttClientOptions options = TestClients.Options(broker.Port, "outage-hang") with
        {
            KeepAliveSeconds = 1,
            PingResponseTimeout = TimeSpan.FromSeconds(1),
        };
        using MqttClient client = await TestClients.ConnectAsync(options, Cancel);
        ClientRecorder events = new(client);

        // SIGSTOP: the TCP connection stays up, nothing answers.
        broker.Pause();
        MqttDisconnectedEventArgs disconnect = await events.NextDisconnectAsync(TimeSpan.FromSeconds(6), Cancel);
        broker.Resume();

        Assert.AreEqual(MqttDisconnectReason.NoPingResponse, disconnect.Reason, disconnect.Detail);
        Assert.AreEqual(MqttClientState.Disconnected, client.State);
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task UnacknowledgedQos1PublishIsHandedBackAndDeliveredAfterRestart()
    {
        using MosquittoBroker broker = MosquittoBroker.Start();
        MqttClientOptions options = TestClients.Options(broker.Port, "outage-resend") with { AcknowledgeTimeout = TimeSpan.FromMilliseconds(500) };
        using MqttClient publisher = await TestClients.ConnectAsync(options, Cancel);
        ClientRecorder publisherEvents = new(publisher);

        // The PUBLISH is written but the hung broker never answers it.
        broker.Pause();
        MqttPublishResult result = await publisher.PublishAsync("readings/1", "42.0", MqttQualityOfService.AtLeastOnce, cancellationToken: Cancel);
        Assert.AreEqual(MqttRequestStatus.TimedOut, result.Status);
        Assert.AreEqual(1, publisher.UnacknowledgedPublishes.Count);

        // SIGKILL while stopped: the broker never reads that PUBLISH.
        broker.Kill();
        await publisherEvents.NextDisconnectAsync(Wait, Cancel);
        Assert.AreEqual(1, publisher.UnacknowledgedPublishes.Count, "still unacknowledged after the connection is gone");

        broker.Restart();
        using MqttClient subscriber = await TestClients.ConnectAsync(broker, "outage-subscriber", Cancel);
        ClientRecorder received = new(subscriber);
        await subscriber.SubscribeAsync("readings/#", MqttQualityOfService.AtLeastOnce, Cancel);

        Assert.AreEqual(MqttConnectStatus.Accepted, (await publisher.ConnectAsync(Cancel)).Status);
        var resend = publisher.TakeUnacknowledgedPublishes();
        Assert.AreEqual(1, resend.Count);
        Assert.AreEqual(0, publisher.UnacknowledgedPublishes.Count);
        foreach (MqttApplicationMessage message in resend)
        {
            Assert.AreEqual(MqttRequestStatus.Acknowledged, (await publisher.PublishAsync(message, Cancel)).Status);
        }

        MqttMessageReceivedEventArgs delivered = await received.NextMessageAsync(Wait, Cancel);
        Assert.AreEqual("readings/1", delivered.Message.Topic);
        Assert.AreEqual("42.0", Encoding.UTF8.GetString(delivered.Message.Payload));
    }
}
