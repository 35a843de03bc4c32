using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Drivers.Net;
using Concentrator.Host.Links;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation.Hdlc;
using Concentrator.Host.Tests.Support;
using Concentrator.Host.Timing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Board;

/// <summary>
/// A real ser2net (4.x) in front of a simulated serial RS485 DLMS bus, as an installer sets it up: socat gives the
/// simulated bus a pseudo terminal, ser2net serves that "serial port" on a TCP port (raw, 9600 8N1, kickolduser), and
/// both the host runner's reader and the board's socket link with Core's endpoint readers read the meters through it.
/// </summary>
[TestClass]
public sealed class Ser2netTests
{
    [TestMethod]
    public void Bus_meters_behind_ser2net_are_read_by_the_runner_and_by_the_board_path()
    {
        string ser2net = ExternalCommand.Find("ser2net", "Install it: apt-get install ser2net (.ci/run does).");
        string socat = ExternalCommand.Find("socat", "Install it: apt-get install socat (.ci/run does).");
        using SimulatedHdlcBus bus = global::Concentrator.Cli.Commands.DlmsSimulation.CreateBus(2, Array.Empty<(HdlcFaultKind, double)>());
        bus.Start();
        string folder = Path.Combine(Path.GetTempPath(), "ser2net-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string tty = Path.Combine(folder, "tty");
        var processes = new List<Process>();
        try
        {
            // The "serial port": a pseudo terminal whose other side is the simulated bus.
            processes.Add(Start(socat, "pty,raw,echo=0,link=" + tty, "TCP:127.0.0.1:" + bus.Port));
            Wait(() => File.Exists(tty), "socat's pseudo terminal " + tty);

            int port = FreePort();
            string config = Path.Combine(folder, "ser2net.yaml");
            File.WriteAllText(config,
                "connection: &bus\n" +
                "  accepter: tcp,127.0.0.1," + port + "\n" +
                "  connector: serialdev," + tty + ",9600n81,local\n" +
                "  options:\n" +
                "    kickolduser: true\n");
            processes.Add(Start(ser2net, "-n", "-c", config, "-P", Path.Combine(folder, "ser2net.pid")));
            Wait(() => Listening(port), "ser2net listening on " + port);

            // The host runner's reader (concentrator run --config), over TcpByteLink.
            var meter = new MeterDefinition { Id = "bus-1001", Port = MeterPort.Rs485, Protocol = MeterProtocol.DlmsHdlc, Address = "127.0.0.1:" + port + "/1/1001", IntervalSeconds = 60 };
            var links = new Dictionary<string, TcpByteLink>(StringComparer.OrdinalIgnoreCase);
            IMeterReader hostReader = ScheduledPortRunner.CreateReader(meter, TimeSpan.FromSeconds(3), SystemScheduleClock.Instance, links);
            Assert.AreEqual(MeterReadStatus.Ok, hostReader.Read(meter, 20000), hostReader.LastError);
            Assert.IsTrue(hostReader.Readings.Count > 0, "host runner: no readings");
            foreach (TcpByteLink link in links.Values)
            {
                link.Dispose();
            }

            // The board's path: the plan, one SocketByteLink, Core's endpoint readers, both meters one at a time.
            MeterDefinition[] inventory =
            {
                new() { Id = "bus-1001", Port = MeterPort.Tcp, Protocol = MeterProtocol.DlmsHdlc, Address = "127.0.0.1:" + port + "/1/1001", IntervalSeconds = 60 },
                new() { Id = "bus-1002", Port = MeterPort.Tcp, Protocol = MeterProtocol.DlmsHdlc, Address = "127.0.0.1:" + port + "/1/1002", IntervalSeconds = 60 },
            };
            TcpEndpointPlan plan = TcpEndpointPlan.From(inventory, inventory.Length);
            Assert.AreEqual(1, plan.Count, plan.Describe());
            var socket = new SocketByteLink(new SocketByteLinkOptions { Host = plan[0].Host, Port = plan[0].Port });
            Assert.AreEqual(Core.Io.LinkStatus.Ok, socket.Open(), socket.LastProblem);
            var readers = new TcpEndpointReaders(socket, new StopwatchClock(), SystemScheduleClock.Instance, new BoardReaderOptions(), plan[0].MeterCount);
            for (int i = 0; i < plan[0].MeterCount; i++)
            {
                MeterDefinition busMeter = plan[0].Meter(i);
                IMeterReader reader = readers.ReaderFor(busMeter);
                Assert.AreEqual(MeterReadStatus.Ok, reader.Read(busMeter, 20000), busMeter.Id + ": " + reader.LastError);
                Assert.IsTrue(reader.Readings.Count > 0, busMeter.Id + ": no readings");
            }

            Assert.AreEqual(1, socket.Connects, "both meters over the one connection");
            socket.Close();
        }
        finally
        {
            foreach (Process process in processes)
            {
                try
                {
                    process.Kill();
                    process.WaitForExit(3000);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }

                process.Dispose();
            }

            Directory.Delete(folder, true);
        }
    }

    private static Process Start(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + executable);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Wait(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail("waited 10 s for " + what);
            }

            Thread.Sleep(50);
        }
    }

    // A plain probe would open the serial side; asking the kernel's table of listening sockets does not.
    private static bool Listening(int port)
    {
        foreach (IPEndPoint endpoint in System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners())
        {
            if (endpoint.Port == port)
            {
                return true;
            }
        }

        return false;
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
