using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Sml;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation;
using Concentrator.Host.Simulation.Sml;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Runner;

[TestClass]
public sealed class SmlRunnerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private static P1RunnerOptions Options(int port) => new() { Port = port, DeviceId = "test-device", MeterId = "sml1" };

    [TestMethod]
    public void Pushed_files_become_readings_payloads_with_signatures_forwarded()
    {
        using var server = new SimulatedSmlPushServer(new SimulatedSmlMeterOptions { Interval = TimeSpan.FromMilliseconds(300), BaudRate = 0, Signed = true });
        server.Start();
        var publisher = new RecordingPublisher();
        using var runner = new SmlRunner(Options(server.Port), new SmlRunnerSettings(), publisher);
        RunUntil(runner, () => publisher.Count("/readings") >= 2);

        foreach (PublishedMessage message in publisher.Snapshot())
        {
            Assert.AreEqual("concentrator/test-device/meters/sml1/readings", message.Topic, message.Payload);
            using JsonDocument json = JsonDocument.Parse(message.Payload);
            JsonElement root = json.RootElement;
            Assert.AreEqual("sml", root.GetProperty("protocol").GetString());
            Assert.AreEqual(server.Meter.ServerIdHex, root.GetProperty("serial").GetString());
            Assert.IsTrue(root.GetProperty("second_index").GetInt64() > 0);
            Assert.AreEqual(32, root.GetProperty("signature").GetString()!.Length);
            JsonElement import = root.GetProperty("readings").GetProperty("1-0:1.8.0*255");
            Assert.AreEqual("Wh", import.GetProperty("unit").GetString());
            Assert.IsTrue(import.GetProperty("value").GetDouble() > 0);
            Assert.AreEqual(96, import.GetProperty("signature").GetString()!.Length);
            Assert.IsTrue(import.TryGetProperty("status", out _));
        }
    }

    [TestMethod]
    public void Bad_files_are_reported_on_the_error_topic_and_good_ones_still_arrive()
    {
        Assert.IsTrue(P1FaultRule.TryParse("bad-crc:2", out P1FaultRule? rule, out _));
        using var server = new SimulatedSmlPushServer(new SimulatedSmlMeterOptions { Interval = TimeSpan.FromMilliseconds(200), BaudRate = 0, Faults = new[] { rule! } });
        server.Start();
        var publisher = new RecordingPublisher();
        using var runner = new SmlRunner(Options(server.Port), new SmlRunnerSettings(), publisher);
        RunUntil(runner, () => publisher.Count("/error") >= 2 && publisher.Count("/readings") >= 4);

        List<PublishedMessage> errors = publisher.Snapshot().FindAll(m => m.Topic.EndsWith("/error"));
        StringAssert.Contains(errors[0].Payload, "file CRC mismatch");
        Assert.IsTrue(runner.Failures.Failures(SmlStatus.BadFileCrc) >= 2);
        Assert.IsTrue(runner.Failures.PartialFiles >= 2, "the messages of a file with a bad file CRC pass their own CRC");
    }

    [TestMethod]
    public void Pull_mode_reads_the_tcp_meter_every_interval()
    {
        using var server = new SimulatedSmlTcpMeter(new SimulatedSmlMeterOptions { Kermit = true });
        server.Start();
        var publisher = new RecordingPublisher();
        using var runner = new SmlRunner(Options(server.Port), new SmlRunnerSettings { Pull = true, PullInterval = TimeSpan.FromMilliseconds(200) }, publisher);
        RunUntil(runner, () => publisher.Count("/readings") >= 3);
        Assert.IsTrue(server.Requests >= 3);
        Assert.AreEqual(0, publisher.Count("/error"));
    }

    private static void RunUntil(SmlRunner runner, Func<bool> condition)
    {
        using var stop = new CancellationTokenSource();
        Task run = runner.RunAsync(stop.Token);
        try
        {
            Assert.IsTrue(Eventually.True(condition, Limit), "condition within " + Limit + "; " + runner);
        }
        finally
        {
            stop.Cancel();
            Assert.IsTrue(run.Wait(TimeSpan.FromSeconds(5)), "the runner stops within a read timeout");
        }
    }
}
