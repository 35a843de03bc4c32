using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Concentrator.Cli.Commands;
using Concentrator.Host.Simulation;
using Concentrator.Host.Simulation.Hdlc;
using Concentrator.Host.Simulation.Iec;
using Concentrator.Host.Simulation.Sml;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Runner;

/// <summary><c>run --config</c> with every protocol the host reaches over TCP, all simulated on free loopback ports.</summary>
[TestClass]
public sealed class RunAllProtocolsTests
{
    [TestMethod]
    public void Run_reads_dsmr_iec_sml_and_two_dlms_meters_sharing_one_bus()
    {
        using var p1 = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(500), Seed = 31 });
        p1.Start();
        using var iec = new SimulatedIecMeterServer(new IecMeterProfile());
        iec.Start(0);
        using var sml = new SimulatedSmlTcpMeter(new SimulatedSmlMeterOptions());
        sml.Start();
        using SimulatedHdlcBus bus = DlmsSimulation.CreateBus(2, Array.Empty<(HdlcFaultKind, double)>());
        var connections = 0;
        bus.Diagnostic += message => connections += message.Contains("connected", StringComparison.Ordinal) && !message.Contains("disconnected", StringComparison.Ordinal) ? 1 : 0;
        bus.Start();
        string path = System.IO.Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllText(path,
                "device=all\nread-budget-ms=20000\n" +
                "meter house port=p1 protocol=dsmr address=127.0.0.1:" + p1.Port + " interval=2\n" +
                "meter optical port=optical protocol=iec62056-21 address=127.0.0.1:" + iec.Port + "/11620371 interval=5\n" +
                "meter ehz port=tcp protocol=sml address=127.0.0.1:" + sml.Port + " interval=2\n" +
                "meter bus-1 port=rs485 protocol=dlms-hdlc address=127.0.0.1:" + bus.Port + "/1/1001 interval=2\n" +
                "meter bus-2 port=rs485 protocol=dlms-hdlc address=127.0.0.1:" + bus.Port + "/1/1002 interval=2\n");
            CliRun result = CliRun.InProcess("run", "--config", path, "--duration", "26");

            Assert.AreEqual(0, result.ExitCode, result.Error);
            var counts = new Dictionary<string, int>();
            foreach (string line in result.OutputLines)
            {
                Match match = Regex.Match(line, "^concentrator/all/meters/([a-z0-9-]+)/readings \\{");
                if (match.Success)
                {
                    counts[match.Groups[1].Value] = counts.GetValueOrDefault(match.Groups[1].Value) + 1;
                }
            }

            foreach (string meter in new[] { "house", "optical", "ehz", "bus-1", "bus-2" })
            {
                Assert.IsTrue(counts.GetValueOrDefault(meter) >= 1, meter + " published no readings\n" + result.Output + "\n" + result.Error);
            }

            foreach (string line in result.OutputLines)
            {
                if (line.StartsWith("concentrator/all/meters/bus-1/readings ", StringComparison.Ordinal))
                {
                    StringAssert.Contains(line, "\"protocol\":\"dlms\"");
                    StringAssert.Contains(line, "\"1-0:1.8.0*255\":{\"value\":");
                }
            }

            // The per-read and end-of-run counters of the DLMS meters: round trips and bytes on the wire.
            foreach (string meter in new[] { "bus-1", "bus-2" })
            {
                Match read = Regex.Match(result.Error, meter + ": dlms read of (\\d+) objects \\(\\d+ readings\\): (\\d+) round trips, (\\d+) bytes sent, (\\d+) received, (\\d+) ms");
                Assert.IsTrue(read.Success, result.Error);
                Assert.IsTrue(int.Parse(read.Groups[2].Value) >= 5, "SNRM, AARQ, reads, RLRQ, DISC at least: " + read.Value);
                Assert.IsTrue(int.Parse(read.Groups[4].Value) > int.Parse(read.Groups[3].Value), "a read receives more than it sends: " + read.Value);
                Assert.IsTrue(Regex.IsMatch(result.Error, meter + ": reads [1-9]\\d*, .*; dlms reads [1-9]\\d*; last read \\d+ round trips, \\d+ bytes sent, \\d+ received"), result.Error);
            }

            Console.WriteLine(result.Error);
            Assert.AreEqual(1, connections, "both meters of the bus go through one TCP connection\n" + result.Error);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
