using Concentrator.Host.Timing;
using System;
using System.Diagnostics;
using Concentrator.Cli.Commands;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Host.Links;
using Concentrator.Host.Simulation.Hdlc;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

[TestClass]
public sealed class DlmsSimulateTests
{
    [TestMethod]
    public void Simulate_dlms_on_a_bus_and_behind_the_wrapper_describe_themselves_and_stop()
    {
        var watch = Stopwatch.StartNew();
        CliRun bus = CliRun.InProcess("simulate", "--meter", "dlms", "--meters", "3", "--port", "0", "--duration", "0.3", "--fault", "silence:0.1");
        Assert.AreEqual(0, bus.ExitCode, bus.Error);
        StringAssert.Contains(bus.Output, "3 DLMS/COSEM meter(s) on an HDLC bus at 9600 8N1, addresses 1/1001 to 1/1003");
        StringAssert.Contains(bus.Output, "faults: silence:0.1");

        CliRun wrapper = CliRun.InProcess("simulate", "--meter", "dlms", "--wrapper", "--port", "0", "--duration", "0.3");
        Assert.AreEqual(0, wrapper.ExitCode, wrapper.Error);
        StringAssert.Contains(wrapper.Output, "a DLMS/COSEM meter behind the TCP wrapper (wPort 1");
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [TestMethod]
    public void Simulate_dlms_usage_errors_exit_2()
    {
        AssertUsage("--meters needs --meter dlms", "simulate", "--meters", "2");
        AssertUsage("--wrapper serves one meter", "simulate", "--meter", "dlms", "--wrapper", "--meters", "2");
        AssertUsage("--meters", "simulate", "--meter", "dlms", "--meters", "32");
        AssertUsage("--fault flip-bit: a DLMS meter simulates silence, bad-crc and truncated", "simulate", "--meter", "dlms", "--fault", "flip-bit");
    }

    [TestMethod]
    public void The_simulated_bus_is_read_by_the_dlms_client_at_9600_baud()
    {
        using SimulatedHdlcBus bus = DlmsSimulation.CreateBus(2, Array.Empty<(HdlcFaultKind, double)>());
        bus.Start();
        using var link = new TcpByteLink("127.0.0.1", bus.Port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        var line = new LineSettings(9600, 8, LineParity.None, 1, false);
        var session = new HdlcSession(link, new StopwatchClock(), new HdlcSessionOptions { Server = new HdlcAddress(1, DlmsSimulation.FirstPhysicalAddress + 1, 4), Line = line });
        var client = new DlmsClient(session, new DlmsClientOptions());
        Assert.AreEqual(DlmsClientStatus.Ok, client.Associate(), client.LastError.ToString() + " / " + session.LastError);
        var reader = new CosemObjectReader(client, 128);
        var set = new Core.Readings.ReadingSet(64, 2048);
        var registers = Dlms.DlmsTestMeter.TwentyRegisters();
        Assert.AreEqual(DlmsClientStatus.Ok, reader.ReadObjects(registers, registers.Length, set), reader.LastError.ToString());
        Assert.AreEqual(20, set.Count);
        client.Release();
    }

    private static void AssertUsage(string expected, params string[] args)
    {
        CliRun run = CliRun.InProcess(args);
        Assert.AreEqual(2, run.ExitCode, string.Join(" ", args) + ": " + run.Error);
        StringAssert.Contains(run.Error, expected);
    }
}
