using Concentrator.Core.Bus;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Host.Links;
using Concentrator.Host.Simulation.Dlms;
using Concentrator.Host.Simulation.Hdlc;
using Concentrator.Host.Timing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Dlms;

/// <summary>
/// What the firmware's RS485 thread does, end to end on the simulated bus: Core's scheduler readers
/// (<see cref="DlmsMeterReader"/> over <see cref="BusMemberTransport"/>) reading two COSEM meters that share one
/// arbiter, one HDLC session and one DLMS client.
/// </summary>
[TestClass]
public sealed class DlmsMeterReaderOnBusTests
{
    private static MeterDefinition Meter(string id, string address) => new()
    {
        Id = id,
        Port = MeterPort.Rs485,
        Protocol = MeterProtocol.DlmsHdlc,
        Address = address,
        Objects = "1-0:1.8.0, 1-0:32.7.0",
    };

    [TestMethod]
    public void Two_meters_on_one_bus_are_read_one_after_the_other_with_one_client()
    {
        var first = new CosemMeterServer(new CosemMeterServerOptions { UtcNow = () => DlmsTestMeter.Now });
        var second = new CosemMeterServer(new CosemMeterServerOptions { UtcNow = () => DlmsTestMeter.Now });
        using var bus = StartBus(first, second);
        using var link = Connect(bus);
        var arbiter = new MeterBusArbiter(link, new StopwatchClock(), new HdlcSessionOptions { ResponseTimeoutMilliseconds = 500 });
        var transport = new BusMemberTransport(arbiter);
        var client = new DlmsClient(transport, new DlmsClientOptions());
        MeterDefinition[] meters = { Meter("bus-01", "1/6678"), Meter("bus-02", "1/1371") };
        var readers = new DlmsMeterReader[meters.Length];
        for (int i = 0; i < meters.Length; i++)
        {
            Assert.IsTrue(HdlcAddress.TryParse(meters[i].Address, out HdlcAddress server));
            int member = arbiter.Add(server, HdlcAddress.Client(HdlcAddress.PublicClient), new LineSettings(9600, 8, LineParity.None, 1, false));
            var poller = new DlmsMeterPoller(client, new CosemObjectReader(client, 16), 16, 400);
            Assert.IsNull(poller.Configure(meters[i].Objects));
            readers[i] = new DlmsMeterReader(poller, new ReadingSet(32, 1024), transport, member);
        }

        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < meters.Length; i++)
            {
                Assert.AreEqual(MeterReadStatus.Ok, readers[i].Read(meters[i], 5000), readers[i].LastError);
                Assert.AreEqual(2, readers[i].Readings.Count, "the two configured objects");
                Assert.IsTrue(readers[i].Readings.HasTime, "the meter's clock rides with the values");
                Assert.IsFalse(arbiter.Session.IsOpen, "each read ends with DISC");
            }
        }

        Assert.AreEqual(2, first.Associations);
        Assert.AreEqual(2, second.Associations);
        Assert.AreEqual(2, arbiter[0].Successes);
        Assert.AreEqual(2, arbiter[1].Successes);
        Assert.AreEqual(6, readers[1].Poller.RoundTrips, "after the first read: SNRM, AARQ, clock, one GET-with-list, RLRQ, DISC");
    }

    [TestMethod]
    public void The_firmware_bus_readers_share_client_scratch_and_set_and_keep_each_meter_its_own()
    {
        var first = new CosemMeterServer(new CosemMeterServerOptions { UtcNow = () => DlmsTestMeter.Now, Seed = 1 });
        var second = new CosemMeterServer(new CosemMeterServerOptions { UtcNow = () => DlmsTestMeter.Now, Seed = 7, SerialNumber = "11620999" });
        using var bus = StartBus(first, second);
        using var link = Connect(bus);
        var arbiter = new MeterBusArbiter(link, new StopwatchClock(), new HdlcSessionOptions { ResponseTimeoutMilliseconds = 500 });
        var busReaders = new DlmsBusReaders(arbiter, 2);
        MeterDefinition[] meters = { Meter("bus-01", "1/6678"), Meter("bus-02", "1/1371") };
        meters[1].Objects = string.Empty; // every register the meter offers
        var readers = new IMeterReader[meters.Length];
        for (int i = 0; i < meters.Length; i++)
        {
            readers[i] = busReaders.Add(meters[i], out string problem, out string _);
            Assert.IsNotNull(readers[i], problem);
        }

        Assert.AreEqual(1, busReaders.ClientCount);
        var seen = new string[2, 2];
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < meters.Length; i++)
            {
                Assert.AreEqual(MeterReadStatus.Ok, readers[i].Read(meters[i], 5000), readers[i].LastError);
                Assert.AreSame(busReaders.Readings, readers[i].Readings);
                seen[round, i] = Describe(readers[i].Readings);
            }
        }

        StringAssert.Contains(seen[0, 0], "1-0:1.8.0*255=");
        StringAssert.Contains(seen[0, 0], "1-0:32.7.0*255=");
        Assert.AreEqual(2, seen[0, 0].Split(';', StringSplitOptions.RemoveEmptyEntries).Length, seen[0, 0]);
        Assert.IsTrue(seen[0, 1].Split(';', StringSplitOptions.RemoveEmptyEntries).Length > 2, "every register of the second meter: " + seen[0, 1]);
        Assert.AreNotEqual(seen[0, 0], seen[0, 1]);
        Assert.AreEqual(seen[0, 0], seen[1, 0], "the first meter reads the same after the second one used the shared scratch");
        Assert.AreEqual(seen[0, 1], seen[1, 1], "and so does the second");
    }

    // Two simulated COSEM meters on one simulated HDLC bus, at 1/6678 and 1/1371.
    private static SimulatedHdlcBus StartBus(CosemMeterServer first, CosemMeterServer second)
    {
        var bus = new SimulatedHdlcBus(default);
        bus.AddMeter(new HdlcAddress(1, 6678, 4), first);
        bus.AddMeter(new HdlcAddress(1, 1371, 4), second);
        bus.Start();
        return bus;
    }

    private static TcpByteLink Connect(SimulatedHdlcBus bus)
    {
        var link = new TcpByteLink("127.0.0.1", bus.Port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        return link;
    }

    // OBIS, value and unit of each reading (the clock left out).
    private static string Describe(ReadingSet set)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < set.Count; i++)
        {
            Reading reading = set[i];
            if (reading.Obis.C == 1 && reading.Obis.D == 0 && reading.Obis.E == 0 && reading.Obis.A == 0)
            {
                continue;
            }

            text.Append(reading.Obis.ToString()).Append('=').Append(reading.Mantissa).Append('e').Append(reading.Exponent)
                .Append(' ').Append(set.GetText(reading.UnitStart, reading.UnitLength)).Append(';');
        }

        return text.ToString();
    }
}
