using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Forwarding;

/// <summary>
/// The discovery configs the desktop forwarder delivers through a real mosquitto are byte for byte those Core's
/// <see cref="HomeAssistantAnnouncements"/> hands the board's link (firmware/Concentrator.App/Mqtt/MqttLink) for the same
/// readings: same topics, same payloads, nothing more, nothing less; and both announce everything again when Home
/// Assistant says <c>online</c> on <c>homeassistant/status</c>.
/// </summary>
[TestClass]
public sealed class DiscoveryParityBrokerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(90_000, CooperativeCancellation = true)]
    public async Task Desktop_discovery_through_the_broker_is_byte_identical_to_the_boards()
    {
        CancellationToken cancel = TestContext.CancellationToken;
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient watcher = await TestClients.ConnectAsync(broker, "parity-watcher", cancel);
        ClientRecorder recorder = new(watcher);
        await watcher.SubscribeAsync("homeassistant/sensor/gw3/#", MqttQualityOfService.AtLeastOnce, cancel);

        // What the board's link would publish for the same readings: Core's announcements, drained as MqttLink drains them.
        var board = new HomeAssistantAnnouncements(MqttTopics.HomeAssistantPrefix, "gw3", MqttTopics.Status(MqttTopics.DefaultPrefix, "gw3"), 33);
        var writer = new JsonWriter(1024);
        var boardConfigs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int boardAnnouncements = 0;
        void Board(string meter, string topic, Concentrator.Core.Readings.ReadingSet set)
        {
            lock (boardConfigs)
            {
                if (!board.Observe(meter, topic, set))
                {
                    return;
                }

                boardAnnouncements++;
                while (board.TryNext(writer, out string? configTopic))
                {
                    boardConfigs[configTopic!] = writer.Buffer.AsSpan(0, writer.Length).ToArray();
                }
            }
        }

        using var pipeline = new ForwardingPipeline(TestClients.Options(broker.Port, "parity-gw3"), "gw3", TimeSpan.FromMilliseconds(200), observer: Board);
        pipeline.Start();

        var delivered = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (delivered.Count < 10)
        {
            MqttMessageReceivedEventArgs message = await recorder.NextMessageAsync(Limit, cancel);
            Assert.IsFalse(delivered.ContainsKey(message.Message.Topic), "announced once: " + message.Message.Topic);
            delivered[message.Message.Topic] = message.Message.Payload;
        }

        Assert.IsTrue(Eventually.True(() => pipeline.Forwarder.Delivered >= 20, Limit), "readings keep flowing after the configs");
        await recorder.AssertNoMessageAsync(TimeSpan.FromMilliseconds(500), cancel);

        lock (boardConfigs)
        {
            Assert.AreEqual(1, boardAnnouncements, "the board side announced the meter once");
            CollectionAssert.AreEquivalent(new List<string>(boardConfigs.Keys), new List<string>(delivered.Keys), "same topics");
            foreach (KeyValuePair<string, byte[]> config in boardConfigs)
            {
                CollectionAssert.AreEqual(config.Value, delivered[config.Key],
                    config.Key + ":\n board   " + Encoding.UTF8.GetString(config.Value) + "\n desktop " + Encoding.UTF8.GetString(delivered[config.Key]));
            }
        }

        Assert.IsTrue(delivered.ContainsKey("homeassistant/sensor/gw3/p1_1_0_1_8_1_255/config"));

        // Home Assistant restarts: its birth message makes the desktop announce every config again, as the board does
        // (RequestAll from the records), with the same bytes.
        lock (boardConfigs)
        {
            board.RequestAll();
            boardConfigs.Clear();
            while (board.TryNext(writer, out string? configTopic))
            {
                boardConfigs[configTopic!] = writer.Buffer.AsSpan(0, writer.Length).ToArray();
            }
        }

        MqttPublishResult birth = await watcher.PublishAsync("homeassistant/status", Encoding.UTF8.GetBytes("online"), MqttQualityOfService.AtLeastOnce, false, cancel);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, birth.Status);
        var again = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (again.Count < boardConfigs.Count)
        {
            MqttMessageReceivedEventArgs message = await recorder.NextMessageAsync(Limit, cancel);
            again[message.Message.Topic] = message.Message.Payload;
        }

        Assert.AreEqual(10, again.Count);
        foreach (KeyValuePair<string, byte[]> config in boardConfigs)
        {
            Assert.IsTrue(again.ContainsKey(config.Key), config.Key + " announced again");
            CollectionAssert.AreEqual(config.Value, again[config.Key], config.Key + " again");
        }
    }
}
