using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Dsmr;
using Concentrator.Core.P1;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Runner;

[TestClass]
public sealed class P1RunnerTests
{
    private const string ReadingsTopic = "concentrator/test-device/meters/p1/readings";
    private const string ErrorTopic = "concentrator/test-device/meters/p1/error";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    [TestMethod]
    public void Publishes_each_telegram_as_the_readings_payload_on_the_readings_topic()
    {
        using var server = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(200), Seed = 7 });
        server.Start();
        var publisher = new RecordingPublisher();
        using var runner = new P1Runner(Options(server.Port), publisher);
        using var stop = new CancellationTokenSource();
        Task run = runner.RunAsync(stop.Token);
        try
        {
            Assert.IsTrue(Eventually.True(() => publisher.Count("/readings") >= 3, Limit), "3 readings messages within " + Limit);
        }
        finally
        {
            stop.Cancel();
            Assert.IsTrue(run.Wait(TimeSpan.FromSeconds(5)), "the runner stops within a read timeout");
        }

        List<PublishedMessage> messages = publisher.Snapshot();
        foreach (PublishedMessage message in messages)
        {
            Assert.AreEqual(ReadingsTopic, message.Topic, message.Payload);
            Assert.IsFalse(message.Retain, "readings are not retained");
            using JsonDocument json = JsonDocument.Parse(message.Payload);
            JsonElement root = json.RootElement;
            Assert.AreEqual("p1", root.GetProperty("meter").GetString());
            Assert.AreEqual("dsmr", root.GetProperty("protocol").GetString());
            Assert.AreEqual(server.Meter.Identification, root.GetProperty("identification").GetString());
            Assert.AreEqual(Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(server.Meter.EquipmentId)), root.GetProperty("serial").GetString(), "0-0:96.1.1 as sent");
            StringAssert.EndsWith(root.GetProperty("received").GetString(), "Z");
            StringAssert.Matches(root.GetProperty("meter_time").GetString(), new System.Text.RegularExpressions.Regex("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00$"));
            JsonElement readings = root.GetProperty("readings");
            JsonElement t1 = readings.GetProperty("1-0:1.8.1*255");
            Assert.AreEqual("kWh", t1.GetProperty("unit").GetString());
            Assert.IsTrue(t1.GetProperty("value").GetDouble() > 0);
            Assert.AreEqual("kW", readings.GetProperty("1-0:1.7.0*255").GetProperty("unit").GetString());
            Assert.AreEqual("m3", readings.GetProperty("0-1:24.2.1*255").GetProperty("unit").GetString());
            Assert.IsTrue(readings.GetProperty("0-1:24.2.1*255").TryGetProperty("time", out _), "the gas value carries its capture time");
        }

        Assert.IsTrue(runner.Counters.Telegrams >= 3);
        Assert.AreEqual(0, runner.Counters.TotalFailures);
        Assert.AreEqual(1, runner.Counters.Connects);
        Assert.AreEqual(ReadingsTopic, runner.ReadingsTopic);
        Assert.AreEqual(ErrorTopic, runner.ErrorTopic);
    }

    [TestMethod]
    public void Reconnects_after_the_simulator_restarts_on_the_same_port()
    {
        var publisher = new RecordingPublisher();
        var options = new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(200), Seed = 3 };
        var first = new SimulatedP1PortServer(options);
        first.Start();
        int port = first.Port;
        using var runner = new P1Runner(Options(port), publisher);
        using var stop = new CancellationTokenSource();
        Task run = runner.RunAsync(stop.Token);
        try
        {
            Assert.IsTrue(Eventually.True(() => publisher.Count("/readings") >= 2, Limit), "readings from the first server");
            first.Dispose();
            Assert.IsTrue(Eventually.True(() => runner.Counters.Disconnects >= 1, Limit), "the runner saw the connection go");
            int before = publisher.Count("/readings");

            using var second = new SimulatedP1PortServer(options);
            second.Start(port);
            Assert.IsTrue(Eventually.True(() => publisher.Count("/readings") >= before + 2, Limit), "readings from the restarted server");
        }
        finally
        {
            stop.Cancel();
            Assert.IsTrue(run.Wait(TimeSpan.FromSeconds(5)));
        }

        Assert.IsTrue(runner.Counters.Connects >= 2, runner.Counters.ToString());
        PublishedMessage lost = publisher.Snapshot().Find(m => m.Topic == ErrorTopic)!;
        Assert.IsNotNull(lost, "the outage is reported on the error topic");
        Assert.IsTrue(lost.Retain, "errors are retained");
        StringAssert.StartsWith(lost.Payload, "link: ");
    }

    [TestMethod]
    public void Starts_before_the_simulator_and_connects_once_it_is_there()
    {
        // Held refusing until the server starts on it: no other test can take the port meanwhile.
        var refusing = new RefusingPort();
        int port = refusing.Port;
        var publisher = new RecordingPublisher();
        using var runner = new P1Runner(Options(port), publisher);
        using var server = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(200) });
        using var stop = new CancellationTokenSource();
        Task run = runner.RunAsync(stop.Token);
        try
        {
            Assert.IsTrue(Eventually.True(() => runner.Counters.ConnectFailures >= 2, Limit), "attempts fail while nobody listens");
            refusing.Dispose();
            server.Start(port);
            Assert.IsTrue(Eventually.True(() => publisher.Count("/readings") >= 1, Limit), "readings once the server is up");
        }
        finally
        {
            refusing.Dispose();
            stop.Cancel();
            Assert.IsTrue(run.Wait(TimeSpan.FromSeconds(5)));
        }

        List<PublishedMessage> errors = publisher.Snapshot().FindAll(m => m.Topic == ErrorTopic);
        Assert.AreEqual(1, errors.Count, "one outage, one message, however many attempts: " + string.Join(" | ", errors.ConvertAll(e => e.Payload)));
        StringAssert.StartsWith(errors[0].Payload, "link: cannot connect to 127.0.0.1:" + port);
    }

    [TestMethod]
    public void Failures_go_to_the_error_topic_and_are_counted_per_kind()
    {
        var options = new SimulatedP1PortOptions
        {
            Interval = TimeSpan.FromMilliseconds(100),
            Faults = new[] { P1FaultRule.Every(P1FaultKind.BadCrc, 2), P1FaultRule.Every(P1FaultKind.Garbage, 3) },
        };
        using var server = new SimulatedP1PortServer(options);
        server.Start();
        var publisher = new RecordingPublisher();
        using var runner = new P1Runner(Options(server.Port), publisher);
        using var stop = new CancellationTokenSource();
        Task run = runner.RunAsync(stop.Token);
        try
        {
            Assert.IsTrue(Eventually.True(() => runner.Counters.Failures(DsmrStatus.GarbageSkipped) >= 1 && runner.Counters.Failures(DsmrStatus.BadCrc) >= 2, Limit),
                          runner.Counters.ToString());
        }
        finally
        {
            stop.Cancel();
            Assert.IsTrue(run.Wait(TimeSpan.FromSeconds(5)));
        }

        List<PublishedMessage> errors = publisher.Snapshot().FindAll(m => m.Topic == ErrorTopic);
        Assert.IsTrue(errors.Exists(m => m.Payload.StartsWith("CRC mismatch: telegram says ", StringComparison.Ordinal)));
        Assert.IsTrue(errors.Exists(m => m.Payload.StartsWith("garbage before telegram: ", StringComparison.Ordinal)));
        Assert.AreEqual(runner.Counters.TotalFailures, errors.Count, "one error message per failure");
        Assert.AreEqual(0, runner.Counters.Failures(DsmrStatus.Truncated));
        StringAssert.Contains(runner.Counters.ToString(), "BadCrc ");
    }

    [TestMethod]
    public void Bad_options_are_refused_with_the_setting_named()
    {
        var publisher = new RecordingPublisher();
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new P1Runner(new P1RunnerOptions { Port = 2001, MeterId = "p1/x" }, publisher));
        StringAssert.Contains(exception.Message, "MeterId 'p1/x' contains '/'");
        exception = Assert.ThrowsExactly<ArgumentException>(() => new P1Runner(new P1RunnerOptions { Port = 2001, DeviceId = "#" }, publisher));
        StringAssert.Contains(exception.Message, "DeviceId '#' contains '#'");
        exception = Assert.ThrowsExactly<ArgumentException>(() => new P1Runner(new P1RunnerOptions { Port = 0 }, publisher));
        StringAssert.Contains(exception.Message, "port of the P1 stream must be 1 .. 65535");
    }

    private static P1RunnerOptions Options(int port)
    {
        return new P1RunnerOptions
        {
            Port = port,
            DeviceId = "test-device",
            ConnectTimeout = TimeSpan.FromSeconds(2),
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            Reader = new P1ReaderOptions { ReadTimeoutMilliseconds = 50 },
        };
    }
}
