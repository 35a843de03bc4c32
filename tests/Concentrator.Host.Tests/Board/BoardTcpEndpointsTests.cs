using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Meters;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Drivers.Net;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation;
using Concentrator.Host.Simulation.Dlms;
using Concentrator.Host.Simulation.Hdlc;
using Concentrator.Host.Timing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Board;

/// <summary>
/// The board's path for TCP meters on the desktop, against the simulators behind real TCP listeners: Core's
/// <see cref="TcpEndpointPlan"/> groups a mixed inventory (two meters of an RS485 bus behind one serial-to-TCP port,
/// a wrapper meter, a DSMR P1 stream), and each endpoint is read the way <c>App/Ports/TcpPortStarter</c> reads it:
/// one <see cref="SocketByteLink"/> per endpoint, Core's <see cref="TcpEndpointReaders"/> and <see cref="PortScheduler"/>
/// for the polled ones, Core's <see cref="P1PortReader"/> for the stream. (The threads and MQTT of the App are not
/// here: they need the board.)
/// </summary>
[TestClass]
public sealed class BoardTcpEndpointsTests
{
    [TestMethod]
    public void Mixed_inventory_is_planned_and_every_meter_read_over_its_endpoint()
    {
        using SimulatedHdlcBus bus = global::Concentrator.Cli.Commands.DlmsSimulation.CreateBus(2, Array.Empty<(HdlcFaultKind, double)>());
        bus.Start();
        using var wrapper = new SimulatedWrapperServer();
        wrapper.AddMeter(1, new CosemMeterServer(new CosemMeterServerOptions()));
        wrapper.Start();
        using var p1 = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(300), Seed = 5 });
        p1.Start();

        MeterDefinition[] inventory =
        {
            new() { Id = "bus-1001", Port = MeterPort.Tcp, Protocol = MeterProtocol.DlmsHdlc, Address = "127.0.0.1:" + bus.Port + "/1/1001", IntervalSeconds = 1 },
            new() { Id = "wrap-1", Port = MeterPort.Tcp, Protocol = MeterProtocol.DlmsWrapper, Address = "localhost:" + wrapper.Port + "/1", IntervalSeconds = 1 },
            new() { Id = "p1-tcp", Port = MeterPort.Tcp, Protocol = MeterProtocol.Dsmr, Address = "127.0.0.1:" + p1.Port, IntervalSeconds = 0 },
            new() { Id = "bus-1002", Port = MeterPort.Tcp, Protocol = MeterProtocol.DlmsHdlc, Address = "127.0.0.1:" + bus.Port + "/1/1002", IntervalSeconds = 1 },
        };

        TcpEndpointPlan plan = TcpEndpointPlan.From(inventory, inventory.Length);

        Assert.AreEqual(3, plan.Count, plan.Describe());
        Assert.AreEqual(0, plan.RejectedCount, plan.Describe());
        Assert.AreEqual("127.0.0.1:" + bus.Port + " polled bus-1001,bus-1002; localhost:" + wrapper.Port + " polled wrap-1; 127.0.0.1:" + p1.Port + " stream p1-tcp", plan.Describe());

        // The polled endpoints, as the board builds them.
        var schedulers = new List<PortScheduler>();
        var sinks = new List<CountingSink>();
        var links = new List<SocketByteLink>();
        for (int e = 0; e < 2; e++)
        {
            TcpEndpoint endpoint = plan[e];
            Assert.AreEqual(TcpEndpointKind.Polled, endpoint.Kind);
            var link = new SocketByteLink(new SocketByteLinkOptions { Host = endpoint.Host, Port = endpoint.Port });
            Assert.AreEqual(Core.Io.LinkStatus.Ok, link.Open(), link.LastProblem);
            links.Add(link);
            var readers = new TcpEndpointReaders(link, new StopwatchClock(), SystemScheduleClock.Instance, new BoardReaderOptions(), endpoint.MeterCount);
            MeterDefinition[] meters = endpoint.Meters();
            var meterReaders = new IMeterReader[meters.Length];
            for (int i = 0; i < meters.Length; i++)
            {
                meterReaders[i] = readers.ReaderFor(meters[i]);
            }

            sinks.Add(new CountingSink());
            schedulers.Add(new PortScheduler(meters, meterReaders, SystemScheduleClock.Instance, new SchedulerOptions { ReadBudgetMilliseconds = 10000 }, sinks[e]));
        }

        // The stream: its own connection and the P1 reader the board's continuous loop polls.
        TcpEndpoint stream = plan[2];
        Assert.AreEqual(TcpEndpointKind.Continuous, stream.Kind);
        var streamLink = new SocketByteLink(new SocketByteLinkOptions { Host = stream.Host, Port = stream.Port });
        Assert.AreEqual(Core.Io.LinkStatus.Ok, streamLink.Open(), streamLink.LastProblem);
        var telegrams = new TelegramCounter();
        var p1Reader = new P1PortReader(streamLink, new DsmrTelegramDecoder(new DsmrDecoderOptions()), telegrams, new P1ReaderOptions());

        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30) && !(AllRead(schedulers) && telegrams.Telegrams >= 2))
        {
            foreach (PortScheduler scheduler in schedulers)
            {
                scheduler.Tick();
            }

            p1Reader.Poll();
            Thread.Sleep(10);
        }

        for (int e = 0; e < schedulers.Count; e++)
        {
            PortScheduler scheduler = schedulers[e];
            for (int i = 0; i < scheduler.Count; i++)
            {
                MeterSchedule meter = scheduler[i];
                Assert.IsTrue(meter.Reads >= 1, meter.Definition.Id + ": " + meter.LastStatus + " after " + meter.Failures + " failures");
                Assert.IsTrue(sinks[e].Readings.GetValueOrDefault(meter.Definition.Id) >= 1, meter.Definition.Id);
            }
        }

        Assert.IsTrue(telegrams.Telegrams >= 2, "P1 telegrams " + telegrams.Telegrams + ", failures " + telegrams.Failures);
        Assert.AreEqual(0, telegrams.Failures);
        Assert.AreEqual(2, links[0].Connects + links[1].Connects, "one connection per polled endpoint, the bus's two meters share theirs");
        foreach (SocketByteLink link in links)
        {
            link.Close();
        }

        streamLink.Close();
    }

    private static bool AllRead(List<PortScheduler> schedulers)
    {
        foreach (PortScheduler scheduler in schedulers)
        {
            for (int i = 0; i < scheduler.Count; i++)
            {
                if (scheduler[i].Reads < 1)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private sealed class CountingSink : IMeterReadSink
    {
        public Dictionary<string, int> Readings { get; } = new();

        public void OnReading(MeterSchedule meter, ReadingSet readings, long slotMilliseconds, long startedMilliseconds)
        {
            Assert.IsTrue(readings.Count >= 1, meter.Definition.Id + " read without readings");
            Readings[meter.Definition.Id] = Readings.GetValueOrDefault(meter.Definition.Id) + 1;
        }

        public void OnReadFailed(MeterSchedule meter, MeterReadStatus status, string error, bool willRetry) => Console.WriteLine(meter.Definition.Id + ": " + status + " " + error);

        public void OnMissedSlots(MeterSchedule meter, long count, long firstMissedSlotMilliseconds)
        {
        }

        public void OnOffline(MeterSchedule meter)
        {
        }

        public void OnOnline(MeterSchedule meter)
        {
        }
    }

    private sealed class TelegramCounter : IP1TelegramSink
    {
        public int Telegrams;
        public int Failures;

        public void OnTelegram(ReadingSet readings) => Telegrams++;

        public void OnFailure(DsmrError error) => Failures++;

        public void OnSilence(int silentMilliseconds)
        {
        }
    }
}
