using System;
using System.Diagnostics;
using System.Text.Json;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

[TestClass]
public sealed class SmlDemoAndSimulateTests
{
    [TestMethod]
    public void Demo_includes_an_sml_meter_read_by_the_sml_pipeline()
    {
        // --count counts the readings of both meters (P1 and SML, each every 0.2 s): 20 leave room for the SML meter to
        // start seconds after the P1 one on a loaded machine and still be read.
        CliRun run = CliRun.InProcess("demo", "--count", "20", "--interval", "0.2", "--optical", "0", "--dlms", "0");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        int sml = 0;
        foreach (string line in run.OutputLines)
        {
            int space = line.IndexOf(' ');
            if (line.Substring(0, space) != "concentrator/demo/meters/sml1/readings")
            {
                continue;
            }

            sml++;
            using JsonDocument payload = JsonDocument.Parse(line.Substring(space + 1));
            JsonElement root = payload.RootElement;
            Assert.AreEqual("sml", root.GetProperty("protocol").GetString());
            StringAssert.StartsWith(root.GetProperty("serial").GetString(), "0a01454d48");
            Assert.AreEqual("Wh", root.GetProperty("readings").GetProperty("1-0:1.8.0*255").GetProperty("unit").GetString());
            Assert.AreEqual("V", root.GetProperty("readings").GetProperty("1-0:32.7.0*255").GetProperty("unit").GetString());
        }

        Assert.IsTrue(sml >= 1, run.Output);
        StringAssert.Contains(run.Error, "sml1: simulated SML meter 0a01454d48");
        StringAssert.Contains(run.Error, "sml1: telegrams ");
    }

    [TestMethod]
    public void Simulate_sml_push_and_pull_describe_themselves_and_stop()
    {
        var watch = Stopwatch.StartNew();
        CliRun push = CliRun.InProcess("simulate", "--meter", "sml", "--port", "0", "--duration", "0.3", "--kermit", "--fault", "truncated:3");
        Assert.AreEqual(0, push.ExitCode, push.Error);
        StringAssert.Contains(push.Output, "simulated SML meter 0a01454d48");
        StringAssert.Contains(push.Output, "eHZ, a file every 2 s at 9600 8N1, CRC-16/KERMIT, faults: truncated:3");

        CliRun pull = CliRun.InProcess("simulate", "--meter", "sml", "--pull", "--signed", "--port", "0", "--duration", "0.3");
        Assert.AreEqual(0, pull.ExitCode, pull.Error);
        StringAssert.Contains(pull.Output, "simulated SML meter 0a014c475a");
        StringAssert.Contains(pull.Output, "E750-style signed values, answering GetList requests, CRC-16/X-25, no faults");
        StringAssert.Contains(pull.Output, "stopped after 0 file(s) sent");
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [TestMethod]
    public void Simulate_sml_usage_errors_exit_2()
    {
        AssertUsage("--meter gas: expected e350, sml or dlms", "simulate", "--meter", "gas");
        AssertUsage("--kermit needs --meter sml", "simulate", "--kermit");
        AssertUsage("--fault too-long: an SML meter cannot simulate it", "simulate", "--meter", "sml", "--fault", "too-long");
        AssertUsage("--sml 17: expected a whole number from 0 to 16", "demo", "--sml", "17");
    }

    private static void AssertUsage(string expected, params string[] args)
    {
        CliRun run = CliRun.InProcess(args);
        Assert.AreEqual(2, run.ExitCode, string.Join(" ", args) + ": " + run.Error);
        StringAssert.Contains(run.Error, expected);
    }
}
