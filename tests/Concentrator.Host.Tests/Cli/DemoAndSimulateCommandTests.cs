using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

[TestClass]
public sealed class DemoAndSimulateCommandTests
{
    [TestMethod]
    public void Demo_count_3_prints_3_readings_messages_and_exits_0()
    {
        CliRun run = CliRun.InProcess("demo", "--count", "3", "--sml", "0", "--optical", "0", "--dlms", "0");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        string[] lines = run.OutputLines;
        Assert.AreEqual(3, lines.Length, run.Output);
        foreach (string line in lines)
        {
            int space = line.IndexOf(' ');
            Assert.AreEqual("concentrator/demo/meters/p1/readings", line.Substring(0, space));
            using JsonDocument payload = JsonDocument.Parse(line.Substring(space + 1));
            Assert.AreEqual("p1", payload.RootElement.GetProperty("meter").GetString());
            Assert.AreEqual("dsmr", payload.RootElement.GetProperty("protocol").GetString());
            StringAssert.StartsWith(payload.RootElement.GetProperty("identification").GetString(), "XMX5LGBBFG10");
            Assert.AreEqual("kWh", payload.RootElement.GetProperty("readings").GetProperty("1-0:1.8.2*255").GetProperty("unit").GetString());
        }

        // A telegram a second: three take about two seconds.
        Assert.IsTrue(run.Duration < TimeSpan.FromSeconds(10), "took " + run.Duration.TotalSeconds + " s");
        StringAssert.Contains(run.Error, "p1: telegrams 3, failures 0");
    }

    [TestMethod]
    public void Demo_with_faults_and_two_meters_publishes_errors_and_readings_of_both()
    {
        CliRun run = CliRun.InProcess("demo", "--count", "6", "--meters", "2", "--sml", "0", "--optical", "0", "--dlms", "0", "--interval", "0.2", "--fault", "bad-crc:2", "--device", "kitchen");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        int readings = 0;
        int errors = 0;
        bool p1 = false;
        bool p2 = false;
        foreach (string line in run.OutputLines)
        {
            string topic = line.Substring(0, line.IndexOf(' '));
            p1 |= topic.StartsWith("concentrator/kitchen/meters/p1/", StringComparison.Ordinal);
            p2 |= topic.StartsWith("concentrator/kitchen/meters/p2/", StringComparison.Ordinal);
            if (topic.EndsWith("/readings", StringComparison.Ordinal))
            {
                readings++;
            }
            else
            {
                Assert.IsTrue(topic.EndsWith("/error", StringComparison.Ordinal), topic);
                StringAssert.StartsWith(line.Substring(topic.Length + 1), "CRC mismatch: telegram says ");
                errors++;
            }
        }

        Assert.AreEqual(6, readings, "exactly --count readings messages");
        Assert.IsTrue(errors >= 1, run.Output);
        Assert.IsTrue(p1 && p2, "both meters published");
    }

    [TestMethod]
    public void Demo_usage_errors_exit_2()
    {
        AssertUsage("--count 0: expected a whole number from 1 to", "demo", "--count", "0");
        AssertUsage("--mqtt localhost: expected HOST:PORT", "demo", "--mqtt", "localhost");
        AssertUsage("--mqtt localhost:99999: expected HOST:PORT", "demo", "--mqtt", "localhost:99999");
        AssertUsage("--device: DeviceId 'a/b' contains '/'", "demo", "--device", "a/b");
        AssertUsage("--fault crc: unknown fault kind 'crc'", "demo", "--fault", "crc");
        AssertUsage("--interval 0: expected seconds from 0.01 to 3600", "demo", "--interval", "0");
        AssertUsage("--meters 17: expected a whole number from 1 to 16", "demo", "--meters", "17");
    }

    [TestMethod]
    public void Simulate_listens_serves_telegrams_and_stops_after_its_duration()
    {
        var watch = Stopwatch.StartNew();
        CliRun run = CliRun.InProcess("simulate", "--port", "0", "--duration", "0.5", "--dsmr5", "--fault", "garbage:0.5", "--seed", "9");
        Assert.AreEqual(0, run.ExitCode, run.Error);
        StringAssert.StartsWith(run.Output, "listening on 127.0.0.1:");
        StringAssert.Contains(run.Output, "/XMX5LGBBFG10");
        StringAssert.Contains(run.Output, "DSMR 5.0, a telegram every 1 s at the 115200 8N1 wire rate, faults: garbage:0.5");
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [TestMethod]
    public void Simulate_reports_a_port_in_use_and_usage_errors()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        CliRun run = CliRun.InProcess("simulate", "--port", port.ToString(), "--duration", "0.1");
        Assert.AreEqual(1, run.ExitCode);
        StringAssert.Contains(run.Error, "cannot listen on 127.0.0.1:" + port);

        AssertUsage("--port 70000: expected a whole number from 0 to 65535", "simulate", "--port", "70000");
        AssertUsage("--fault silence:abc: bad rate 'abc' for silence", "simulate", "--fault", "silence:abc");
        AssertUsage("option '--seed' given twice", "simulate", "--seed", "1", "--seed", "2");
        Assert.AreEqual(0, CliRun.InProcess("simulate", "--help").ExitCode);
    }

    private static void AssertUsage(string expected, params string[] args)
    {
        CliRun run = CliRun.InProcess(args);
        Assert.AreEqual(2, run.ExitCode, string.Join(" ", args) + ": " + run.Error);
        StringAssert.Contains(run.Error, expected);
    }
}
