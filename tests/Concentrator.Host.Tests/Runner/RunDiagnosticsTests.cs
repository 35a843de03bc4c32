using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Meters;
using Concentrator.Host.Configuration;
using Concentrator.Host.Inventory;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation.Iec;
using Concentrator.Host.Tests.TestSupport;
using Concentrator.Host.Timing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Runner;

/// <summary>
/// DIAG and CAPT of the host runner against a simulated IEC 62056-21 meter, through the same Core executor, health table
/// and frame capture as the board: the capture holds the real request bytes, and a meter whose cable is cut shows
/// OFFLINE with its last error.
/// </summary>
[TestClass]
public sealed class RunDiagnosticsTests
{
    [TestMethod]
    public void Diag_and_capt_report_real_link_bytes_and_an_offline_meter_after_its_cable_is_cut()
    {
        var iec = new SimulatedIecMeterServer(new IecMeterProfile());
        iec.Start(0);
        string directory = Path.Combine(Path.GetTempPath(), "diag-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            InventoryConfiguration configuration = InventoryFile.Parse(
                "device=diag\nread-budget-ms=15000\nretries=0\noffline-after=2\nprobe-interval=1\n" +
                "meter optical port=optical protocol=iec62056-21 address=127.0.0.1:" + iec.Port + " interval=2\n",
                "test.inv");
            var publisher = new RecordingPublisher();
            var diagnostics = new RunnerDiagnostics(configuration, publisher) { QueueDepth = () => 7 };
            CommandExecutor executor = Executor(configuration, diagnostics, directory);
            using var runner = new InventoryRunner(configuration, publisher, null, diagnostics);

            Assert.AreEqual("ID=optical ST=NEW RD=0 ERR=0 SEQ=0 AGE= LINK= LAST=", executor.Execute("MCP DIAG PWD=HELLO ID=optical"));
            Assert.AreEqual("CAPT=ARMED ID=optical N=1", executor.Execute("MCP CAPT PWD=HELLO ID=optical N=1"));
            Assert.AreEqual("CAPT=BUSY ID=optical", executor.Execute("MCP CAPT PWD=HELLO ID=optical N=2"), "one capture at a time");

            using var stop = new CancellationTokenSource();
            Task run = runner.RunAsync(stop.Token);
            try
            {
                Assert.IsTrue(Eventually.True(() => publisher.Count("/meters/optical/capture") == 1, TimeSpan.FromSeconds(40)), "a capture published\n" + Dump(publisher));
                string capture = publisher.Snapshot().Find(m => m.Topic == "concentrator/diag/meters/optical/capture")!.Payload;
                Console.WriteLine(capture);
                StringAssert.StartsWith(capture, "capture optical: 1 of 1 session(s), ");
                StringAssert.Contains(capture, "+0ms session 1 start\n");
                StringAssert.Contains(capture, "ms TX 2F 3F 21 0D 0A\n", "the sign-on request /?! CR LF, as sent");
                StringAssert.Contains(capture, "LINE 300 7E1\n");
                // The identification /XXX... as received: its first chunk starts with '/' (2F); how the line is cut into
                // chunks depends on the machine's load, so '/' may also be a chunk of its own.
                Assert.IsTrue(Regex.IsMatch(capture, "ms RX 2F[ \n]"), "the identification /XXX... as received\n" + capture);
                Assert.IsTrue(Regex.IsMatch(capture, "\\+\\d+ms session 1 end: ok\n"), capture);

                Assert.IsTrue(Eventually.True(() => executor.Execute("MCP DIAG PWD=HELLO ID=optical").Contains(" ST=OK "), TimeSpan.FromSeconds(30)));
                string good = executor.Execute("MCP DIAG PWD=HELLO ID=optical");
                Assert.IsTrue(Regex.IsMatch(good, "^ID=optical ST=OK RD=[1-9]\\d* ERR=0 SEQ=0 AGE=\\d+s LINK=\\[IEC [A-E] \\d+ 7E1[^\\]]*\\] LAST=$"), good);
                string all = executor.Execute("MCP DIAG PWD=HELLO");
                Assert.IsTrue(Regex.IsMatch(all, "^UP=\\d+s MTRS=1 OFF=0 RD=[1-9]\\d* ERR=0 Q=7 DROP=0 MQTT=DOWN HEAP= PWDFAIL=0 SIG= LIP=[0-9.]+ PWD=DEFAULT$"), all);

                // The cable is cut: the meter's TCP endpoint goes away.
                iec.Dispose();
                Assert.IsTrue(Eventually.True(() => executor.Execute("MCP DIAG PWD=HELLO ID=optical").Contains(" ST=OFFLINE "), TimeSpan.FromSeconds(40)),
                    executor.Execute("MCP DIAG PWD=HELLO ID=optical"));
                string offline = executor.Execute("MCP DIAG PWD=HELLO ID=optical");
                Console.WriteLine(offline);
                Assert.IsTrue(Regex.IsMatch(offline, "^ID=optical ST=OFFLINE RD=[1-9]\\d* ERR=[2-9]\\d* SEQ=[2-9]\\d* AGE=\\d+s LINK=\\[IEC [^\\]]+\\] LAST=\\[?[^ ].*"), offline);
                Assert.IsTrue(offline.IndexOf("LAST=", StringComparison.Ordinal) + 5 < offline.Length, "the last error is shown: " + offline);
                StringAssert.Contains(executor.Execute("MCP DIAG PWD=HELLO"), " OFF=1 ");
                Assert.IsTrue(offline.Length <= 160, offline);
            }
            finally
            {
                stop.Cancel();
                run.Wait(TimeSpan.FromSeconds(20));
            }
        }
        finally
        {
            iec.Dispose();
            Directory.Delete(directory, true);
        }
    }

    [TestMethod]
    public void Capture_of_a_meter_that_never_answers_is_published_after_its_bound_with_a_note()
    {
        string directory = Path.Combine(Path.GetTempPath(), "diag-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            InventoryConfiguration configuration = InventoryFile.Parse(
                "device=diag\nmeter optical port=optical protocol=iec62056-21 address=127.0.0.1:1 interval=3600\n", "test.inv");
            var publisher = new RecordingPublisher();
            var diagnostics = new RunnerDiagnostics(configuration, publisher);
            Assert.AreEqual(2 * 3600 * 1000L, diagnostics.Capture.TimeoutMilliseconds, "two read intervals per session");
            var capture = new Concentrator.Core.Diagnostics.FrameCapture(1024, new StopwatchClock(), diagnostics, 200);
            Assert.IsTrue(capture.Arm("optical", 1));
            Thread.Sleep(250);
            capture.Expire();
            string dump = publisher.Snapshot().Find(m => m.Topic == "concentrator/diag/meters/optical/capture")!.Payload;
            Assert.AreEqual("capture optical: 0 of 1 session(s), 0 bytes in 0 chunk(s); +ms from the first session's start\n" +
                            "INCOMPLETE: 0 of 1 session(s) within 0 s; published with what was recorded\n", dump);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static CommandExecutor Executor(InventoryConfiguration inventory, RunnerDiagnostics diagnostics, string directory)
    {
        var configuration = new ConcentratorConfiguration { DeviceId = inventory.DeviceId, TopicPrefix = inventory.TopicPrefix };
        foreach (MeterDefinition meter in inventory.Meters)
        {
            configuration.PutMeter(meter);
        }

        var store = new ConfigurationStore(new FileConfigurationStorage(directory), "concentrator.conf");
        return new CommandExecutor(store, configuration, new StopwatchClock(), diagnostics, diagnostics.Capture, null);
    }

    private static string Dump(RecordingPublisher publisher)
    {
        var text = new StringBuilder();
        foreach (PublishedMessage message in publisher.Snapshot())
        {
            text.Append(message.Topic).Append(' ').Append(message.Payload.Length > 200 ? message.Payload[..200] : message.Payload).Append('\n');
        }

        return text.ToString();
    }
}
