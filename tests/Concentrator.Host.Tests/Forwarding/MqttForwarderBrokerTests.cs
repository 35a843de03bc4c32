using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Forwarding;

/// <summary>The host forwarding path (runner → persistent queue → MQTT) against a real mosquitto.</summary>
[TestClass]
public sealed class MqttForwarderBrokerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(90_000, CooperativeCancellation = true)]
    public async Task Readings_status_info_and_discovery_arrive_on_the_documented_topics()
    {
        CancellationToken cancel = TestContext.CancellationToken;
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient watcher = await TestClients.ConnectAsync(broker, "fw-watcher", cancel);
        ClientRecorder live = new(watcher);
        await watcher.SubscribeAsync("concentrator/gw1/meters/p1/readings", MqttQualityOfService.AtLeastOnce, cancel);

        using (var pipeline = new ForwardingPipeline(TestClients.Options(broker.Port, "fw-gw1"), "gw1", TimeSpan.FromMilliseconds(200)))
        {
            pipeline.Start();
            MqttMessageReceivedEventArgs reading = await live.NextMessageAsync(Limit, cancel);
            Assert.AreEqual("concentrator/gw1/meters/p1/readings", reading.Message.Topic);
            Assert.IsFalse(reading.Message.Retain);
            using (JsonDocument json = JsonDocument.Parse(reading.Message.Payload))
            {
                Assert.AreEqual("p1", json.RootElement.GetProperty("meter").GetString());
                JsonElement energy = json.RootElement.GetProperty("readings").GetProperty("1-0:1.8.1*255");
                Assert.AreEqual("kWh", energy.GetProperty("unit").GetString());
                Assert.IsTrue(energy.GetProperty("value").GetDouble() > 0);
            }

            Assert.IsTrue(Eventually.True(() => pipeline.Forwarder.Delivered >= 5, Limit), "5 messages acknowledged");

            // A client that comes later gets the retained configs, status and device information.
            using MqttClient late = await TestClients.ConnectAsync(broker, "fw-late", cancel);
            ClientRecorder retained = new(late);
            await late.SubscribeAsync("homeassistant/sensor/gw1/#", MqttQualityOfService.AtLeastOnce, cancel);
            await late.SubscribeAsync("concentrator/gw1/status", MqttQualityOfService.AtLeastOnce, cancel);
            await late.SubscribeAsync("concentrator/gw1/info", MqttQualityOfService.AtLeastOnce, cancel);
            Dictionary<string, JsonElement> configs = new();
            JsonElement? status = null;
            JsonElement? info = null;
            while (configs.Count < 10 || status is null || info is null)
            {
                MqttMessageReceivedEventArgs message = await retained.NextMessageAsync(TestClients.Wait, cancel);
                Assert.IsTrue(message.Message.Retain, message.Message.Topic + " is retained");
                JsonElement root = JsonDocument.Parse(message.Message.Payload).RootElement;
                if (message.Message.Topic.EndsWith("/status", StringComparison.Ordinal))
                {
                    status = root;
                }
                else if (message.Message.Topic.EndsWith("/info", StringComparison.Ordinal))
                {
                    info = root;
                }
                else
                {
                    configs[message.Message.Topic] = root;
                }
            }

            Assert.AreEqual("online", status!.Value.GetProperty("state").GetString());
            Assert.IsTrue(status.Value.GetProperty("queue_depth").GetInt32() >= 0);
            Assert.AreEqual(0, status.Value.GetProperty("queue_dropped").GetInt32());
            Assert.AreEqual("gw1", info!.Value.GetProperty("device").GetString());
            Assert.AreEqual("p1", info.Value.GetProperty("meters")[0].GetString());

            AssertSensor(configs, "homeassistant/sensor/gw1/p1_1_0_1_8_1_255/config", "energy", "total_increasing", "kWh");
            AssertSensor(configs, "homeassistant/sensor/gw1/p1_1_0_2_8_2_255/config", "energy", "total_increasing", "kWh");
            AssertSensor(configs, "homeassistant/sensor/gw1/p1_1_0_1_7_0_255/config", "power", "measurement", "kW");
            AssertSensor(configs, "homeassistant/sensor/gw1/p1_1_0_31_7_0_255/config", "current", "measurement", "A");
            AssertSensor(configs, "homeassistant/sensor/gw1/p1_0_1_24_2_1_255/config", "gas", "total_increasing", "m\u00b3");
            JsonElement config = configs["homeassistant/sensor/gw1/p1_1_0_1_8_1_255/config"];
            Assert.AreEqual("concentrator/gw1/meters/p1/readings", config.GetProperty("state_topic").GetString());
            Assert.AreEqual("{{ value_json.readings['1-0:1.8.1*255'].value }}", config.GetProperty("value_template").GetString());
            Assert.AreEqual("concentrator/gw1/status", config.GetProperty("availability_topic").GetString());
            Assert.AreEqual("gw1", config.GetProperty("device").GetProperty("via_device").GetString());
        }

        // Stopped: the retained status says offline.
        using MqttClient after = await TestClients.ConnectAsync(broker, "fw-after", cancel);
        ClientRecorder afterRecorder = new(after);
        await after.SubscribeAsync("concentrator/gw1/status", MqttQualityOfService.AtLeastOnce, cancel);
        MqttMessageReceivedEventArgs offline = await afterRecorder.NextMessageAsync(TestClients.Wait, cancel);
        Assert.AreEqual("{\"state\":\"offline\"}", Encoding.UTF8.GetString(offline.Message.Payload));
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task Broker_restart_while_meters_are_read_delivers_every_reading_in_order()
    {
        CancellationToken cancel = TestContext.CancellationToken;
        using MosquittoBroker broker = MosquittoBroker.Start(new MosquittoBrokerOptions { Persistence = true });

        // A persistent session (clean session off, QoS 1): the broker keeps what arrives while the watcher reconnects.
        MqttClientOptions watcherOptions = TestClients.Options(broker.Port, "fw-outage-watcher") with { CleanSession = false };
        using MqttClient watcher = await TestClients.ConnectAsync(watcherOptions, cancel);
        ClientRecorder received = new(watcher);
        await watcher.SubscribeAsync("concentrator/gw2/meters/p1/readings", MqttQualityOfService.AtLeastOnce, cancel);

        using var pipeline = new ForwardingPipeline(TestClients.Options(broker.Port, "fw-gw2"), "gw2", TimeSpan.FromMilliseconds(100));
        pipeline.Start();
        Assert.IsTrue(Eventually.True(() => pipeline.Forwarder.Delivered >= 5, Limit), "delivering before the outage");

        broker.Stop();
        int before = pipeline.ReadingsQueued;
        await Task.Delay(TimeSpan.FromSeconds(3), cancel);
        Assert.IsTrue(pipeline.ReadingsQueued >= before + 10, "the meter is read during the outage: " + before + " → " + pipeline.ReadingsQueued);
        Assert.IsTrue(pipeline.Forwarder.QueueDepth >= 10, "readings wait in the queue during the outage: " + pipeline.Forwarder.QueueDepth);
        Assert.IsFalse(pipeline.Forwarder.IsConnected);

        broker.Restart();
        Assert.IsTrue(Eventually.True(() => !watcher.IsConnected, Limit));
        MqttConnectResult again = await watcher.ConnectAsync(cancel);
        Assert.IsTrue(again.IsAccepted, again.Detail);
        await Task.Delay(TimeSpan.FromSeconds(1), cancel);
        pipeline.StopReading();
        Assert.IsTrue(pipeline.Forwarder.WaitUntilDelivered(Limit), "the backlog drains after the restart; left " + pipeline.Forwarder.QueueDepth);
        Assert.IsTrue(pipeline.Forwarder.Connects >= 2, "reconnected by itself");

        // Every reading handed to the queue arrives, in order. At-least-once: a message whose PUBACK the outage cut off is
        // sent again, so the delivered stream may hold a repeat; the expected stream must be an in-order subsequence of it.
        // (Payloads are compared whole; two telegrams in the same second can be byte-identical, which the greedy match allows.)
        List<string> expected = pipeline.Readings();
        int matched = 0;
        int deliveredCount = 0;
        int waited = 0;
        while (matched < expected.Count)
        {
            if (!received.TryNext(out MqttMessageReceivedEventArgs? message))
            {
                await Task.Delay(100, cancel);
                Assert.IsTrue(waited++ < 200, "matched " + matched + " of " + expected.Count + " in order after " + deliveredCount + " delivered");
                continue;
            }

            deliveredCount++;
            if (Encoding.UTF8.GetString(message.Message.Payload) == expected[matched])
            {
                matched++;
            }
        }

        Assert.AreEqual(expected.Count, matched);
        Assert.AreEqual(expected.Count, pipeline.Forwarder.CompactRecords, "every reading was queued as a compact record; the JSON compared above was made from it");
        Assert.IsTrue(deliveredCount <= expected.Count + 2, "at most the message in flight at the cut is repeated: " + deliveredCount + " for " + expected.Count);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Forwarder_connects_over_TLS_with_a_CA_a_user_name_and_a_password()
    {
        CancellationToken cancel = TestContext.CancellationToken;
        using TestCertificates certificates = TestCertificates.Create();
        using MosquittoBroker broker = MosquittoBroker.Start(new MosquittoBrokerOptions
        {
            Tls = certificates,
            AllowAnonymous = false,
            Users = new Dictionary<string, string> { ["gateway"] = "s3cret pass", ["watcher"] = "w" },
        });
        MqttClientOptions tls = TestClients.Options(broker.Port, "fw-tls") with
        {
            Host = "localhost",
            UseTls = true,
            CaCertificateFile = certificates.CaCertificateFile,
            UserName = "gateway",
            Password = "s3cret pass",
        };
        using MqttClient watcher = await TestClients.ConnectAsync(tls with { ClientIdentifier = "fw-tls-watcher", UserName = "watcher", Password = "w" }, cancel);
        ClientRecorder received = new(watcher);
        await watcher.SubscribeAsync("concentrator/gw3/meters/p1/readings", MqttQualityOfService.AtLeastOnce, cancel);

        using var pipeline = new ForwardingPipeline(tls, "gw3", TimeSpan.FromMilliseconds(200));
        pipeline.Start();
        MqttMessageReceivedEventArgs message = await received.NextMessageAsync(Limit, cancel);
        Assert.AreEqual(pipeline.Readings()[0], Encoding.UTF8.GetString(message.Message.Payload));
        Assert.IsTrue(pipeline.Diagnostics.Exists(line => line.Contains("(TLS)", StringComparison.Ordinal)), string.Join("\n", pipeline.Diagnostics));
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Wrong_password_is_reported_and_nothing_leaves_the_queue()
    {
        CancellationToken cancel = TestContext.CancellationToken;
        using MosquittoBroker broker = MosquittoBroker.Start(new MosquittoBrokerOptions
        {
            AllowAnonymous = false,
            Users = new Dictionary<string, string> { ["gateway"] = "right" },
        });
        using var pipeline = new ForwardingPipeline(TestClients.Options(broker.Port, "fw-wrong") with { UserName = "gateway", Password = "wrong" },
            "gw4", TimeSpan.FromMilliseconds(100));
        pipeline.Start();
        Assert.IsTrue(Eventually.True(() => pipeline.ReadingsQueued >= 5, Limit));
        Assert.AreEqual(0L, pipeline.Forwarder.Delivered);
        Assert.IsTrue(pipeline.Forwarder.QueueDepth >= 5);
        Assert.IsTrue(Eventually.True(() => pipeline.Diagnostics.Exists(line => line.Contains("Refused", StringComparison.Ordinal)), Limit), string.Join("\n", pipeline.Diagnostics));
        await Task.CompletedTask;
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task A_command_on_the_command_topic_is_answered_on_the_reply_topic()
    {
        CancellationToken cancel = TestContext.CancellationToken;
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient operatorClient = await TestClients.ConnectAsync(broker, "fw-operator", cancel);
        ClientRecorder replies = new(operatorClient);
        await operatorClient.SubscribeAsync("concentrator/gw5/command/reply", MqttQualityOfService.AtLeastOnce, cancel);
        var handler = new UpperCaseCommandHandler();
        using var pipeline = new ForwardingPipeline(TestClients.Options(broker.Port, "fw-gw5"), "gw5", TimeSpan.FromSeconds(1), handler);
        pipeline.Start();
        Assert.IsTrue(Eventually.True(() => pipeline.Forwarder.Connects >= 1, Limit));

        await operatorClient.PublishAsync("concentrator/gw5/command", "mcp info pwd=1234", MqttQualityOfService.AtLeastOnce, false, cancel);
        MqttMessageReceivedEventArgs reply = await replies.NextMessageAsync(Limit, cancel);
        Assert.AreEqual("MCP INFO PWD=1234", Encoding.UTF8.GetString(reply.Message.Payload));

        await operatorClient.PublishAsync("concentrator/gw5/command", new byte[] { 0x4D, 0xFF }, MqttQualityOfService.AtLeastOnce, false, cancel);
        reply = await replies.NextMessageAsync(Limit, cancel);
        Assert.AreEqual("Command rejected: not UTF-8 text (byte 1)", Encoding.UTF8.GetString(reply.Message.Payload));
        Assert.AreEqual(1, handler.Calls, "the handler saw only the text command");
    }

    private sealed class UpperCaseCommandHandler : Concentrator.Core.Commands.ICommandHandler
    {
        public int Calls;

        public void Handle(string text, Concentrator.Core.Commands.ICommandReply reply)
        {
            Calls++;
            reply.Send(text.ToUpperInvariant());
        }
    }

    private static void AssertSensor(Dictionary<string, JsonElement> configs, string topic, string deviceClass, string stateClass, string unit)
    {
        Assert.IsTrue(configs.ContainsKey(topic), topic + " among " + string.Join(", ", configs.Keys));
        JsonElement config = configs[topic];
        Assert.AreEqual(deviceClass, config.GetProperty("device_class").GetString(), topic);
        Assert.AreEqual(stateClass, config.GetProperty("state_class").GetString(), topic);
        Assert.AreEqual(unit, config.GetProperty("unit_of_measurement").GetString(), topic);
    }
}
