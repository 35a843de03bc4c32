using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Scheduling;
using Concentrator.Host.Inventory;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Runner;

[TestClass]
public sealed class InventoryRunnerTests
{
    private const int Budget = 500;

    [TestMethod]
    public void A_silent_and_a_broken_meter_on_the_bus_do_not_hold_up_the_others()
    {
        using var goodA = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(100), Seed = 11 });
        using var goodB = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(100), Seed = 12 });
        Assert.IsTrue(P1FaultRule.TryParse("bad-crc:1", out P1FaultRule? everyTelegram, out string? error), error);
        using var broken = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(100), Seed = 13, Faults = new[] { everyTelegram! } });
        goodA.Start();
        goodB.Start();
        broken.Start();
        // Accepts connections (the kernel completes them) and never sends a byte: a meter that does not answer.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            int silentPort = ((IPEndPoint)silent.LocalEndpoint).Port;
            InventoryConfiguration configuration = InventoryFile.Parse(
                "device=bus-test\n" +
                "read-budget-ms=" + Budget + "\n" +
                "retries=1\nretry-first-ms=300\n" +
                "meter silent port=rs485 protocol=dsmr address=127.0.0.1:" + silentPort + " interval=3\n" +
                "meter broken port=rs485 protocol=dsmr address=127.0.0.1:" + broken.Port + " interval=3\n" +
                "meter good-a port=rs485 protocol=dsmr address=127.0.0.1:" + goodA.Port + " interval=3\n" +
                "meter good-b port=rs485 protocol=dsmr address=127.0.0.1:" + goodB.Port + " interval=3\n",
                "test.inv");
            var publisher = new RecordingPublisher();
            using var runner = new InventoryRunner(configuration, publisher);
            using var stop = new CancellationTokenSource();
            Task run = runner.RunAsync(stop.Token);
            MeterSchedule a = runner.FindScheduled("good-a")!;
            MeterSchedule b = runner.FindScheduled("good-b")!;
            try
            {
                Assert.IsTrue(Eventually.True(() => a.Reads >= 3 && b.Reads >= 3, TimeSpan.FromSeconds(30)), "3 slots read for both good meters; a " + a.Reads + ", b " + b.Reads);
            }
            finally
            {
                stop.Cancel();
                Assert.IsTrue(run.Wait(TimeSpan.FromSeconds(5)), "the port thread stops within a read budget");
            }

            MeterSchedule silentMeter = runner.FindScheduled("silent")!;
            MeterSchedule brokenMeter = runner.FindScheduled("broken")!;
            foreach (MeterSchedule good in new[] { a, b })
            {
                // A first connect on a busy machine may take the whole budget; after that every read succeeds.
                Assert.IsTrue(good.Failures <= 1, good.Definition.Id + ": " + good.Failures + " failures, last: " + good.LastError);
                Assert.AreEqual(MeterReadStatus.Ok, good.LastStatus, good.Definition.Id);
                Assert.AreEqual(0L, good.MissedSlots, good.Definition.Id);
                // In the first slot both wait behind the silent and the broken meter (one budget each) and good-b behind
                // good-a; after that the meters that answer go first.
                Assert.IsTrue(good.MaxFirstAttemptDelayMilliseconds <= 2 * Budget + 2 * 300 + 200, good.Definition.Id + " waited " + good.MaxFirstAttemptDelayMilliseconds + " ms");
                Assert.IsTrue(good.LastStartDelayMilliseconds < Budget, good.Definition.Id + " started " + good.LastStartDelayMilliseconds + " ms into its last slot");
            }

            Assert.IsTrue(silentMeter.Failures >= 3 && silentMeter.Reads == 0);
            Assert.AreEqual(MeterReadStatus.NoAnswer, silentMeter.LastStatus);
            StringAssert.Contains(silentMeter.LastError, "silent meter");
            Assert.AreEqual(MeterReadStatus.BadAnswer, brokenMeter.LastStatus);
            StringAssert.Contains(brokenMeter.LastError, "CRC mismatch");
            Assert.AreEqual(0L, silentMeter.Overruns + brokenMeter.Overruns, "each failed read kept its budget");

            List<PublishedMessage> messages = publisher.Snapshot();
            int goodReadings = 0;
            foreach (PublishedMessage message in messages)
            {
                if (message.Topic == "concentrator/bus-test/meters/good-a/readings")
                {
                    goodReadings++;
                    using JsonDocument json = JsonDocument.Parse(message.Payload);
                    Assert.AreEqual("good-a", json.RootElement.GetProperty("meter").GetString());
                    DateTime received = DateTime.Parse(json.RootElement.GetProperty("received").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                    Assert.IsTrue((DateTime.UtcNow - received).TotalMinutes < 1);
                    Assert.IsTrue(json.RootElement.GetProperty("readings").GetProperty("1-0:1.8.1*255").GetProperty("value").GetDouble() > 0);
                }
            }

            Assert.IsTrue(goodReadings >= 3);
            Assert.IsTrue(publisher.Count("/silent/error") >= 3);
            Assert.IsTrue(publisher.Count("/broken/error") >= 3);
            Assert.IsTrue(messages.Exists(m => m.Topic.EndsWith("/silent/error", StringComparison.Ordinal) && m.Retain && m.Payload.StartsWith("read failed (NoAnswer)", StringComparison.Ordinal)));
        }
        finally
        {
            silent.Stop();
        }
    }

    [TestMethod]
    public void A_dlms_meter_without_an_hdlc_address_is_refused_by_name()
    {
        InventoryConfiguration configuration = InventoryFile.Parse("meter m1 port=rs485 protocol=dlms-hdlc address=127.0.0.1:9/x interval=60\n", "test.inv");
        var exception = Assert.ThrowsExactly<InventoryFileException>(() => new InventoryRunner(configuration, new RecordingPublisher()));
        StringAssert.Contains(exception.Message, "meter 'm1': address '127.0.0.1:9/x': expected HOST:PORT/LOGICAL/PHYSICAL");
    }

    [TestMethod]
    public void Run_command_reports_a_bad_inventory_with_its_line()
    {
        string path = System.IO.Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllText(path, "device=x\nmeter a port=rs485 protocol=dsmr interval=60 address=nowhere\n");
            CliRun result = CliRun.InProcess("run", "--config", path, "--duration", "1");
            Assert.AreEqual(1, result.ExitCode, result.Error);
            StringAssert.Contains(result.Error, "meter 'a': address 'nowhere' is not HOST:PORT");

            CliRun missing = CliRun.InProcess("run");
            Assert.AreEqual(2, missing.ExitCode);
            StringAssert.Contains(missing.Error, "--config FILE is required");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [TestMethod]
    public void Run_command_prints_readings_of_a_scheduled_and_a_continuous_meter_and_the_counters()
    {
        using var server = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(200), Seed = 21 });
        server.Start();
        string path = System.IO.Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllText(path,
                "device=cli-test\nread-budget-ms=1000\n" +
                "meter polled port=rs485 protocol=dsmr address=127.0.0.1:" + server.Port + " interval=1 priority=instantaneous\n" +
                "meter pushed port=p1 protocol=dsmr address=127.0.0.1:" + server.Port + " interval=0\n");
            CliRun result = CliRun.InProcess("run", "--config", path, "--duration", "3.5");

            Assert.AreEqual(0, result.ExitCode, result.Error);
            int polled = 0, pushed = 0;
            foreach (string line in result.OutputLines)
            {
                polled += line.StartsWith("concentrator/cli-test/meters/polled/readings {", StringComparison.Ordinal) ? 1 : 0;
                pushed += line.StartsWith("concentrator/cli-test/meters/pushed/readings {", StringComparison.Ordinal) ? 1 : 0;
            }

            Assert.IsTrue(polled >= 2, "polled readings: " + polled + "\n" + result.Error);
            Assert.IsTrue(pushed > polled, "every pushed telegram is published: " + pushed + " vs " + polled + " polled");
            StringAssert.Contains(result.Error, "polled: Rs485 port, Dsmr at 127.0.0.1:" + server.Port + ", every 1 s (priority instantaneous)");
            StringAssert.Contains(result.Error, "polled: reads " + polled + ", failures ");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
