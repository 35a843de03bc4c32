using System;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using Concentrator.Host.Links;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation.Dlms;
using Concentrator.Host.Simulation.Hdlc;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Runner;

[TestClass]
public sealed class TcpDlmsMeterReaderTests
{
    [TestMethod]
    public void Wrapper_meter_reads_the_configured_objects_and_counts_the_wire()
    {
        using var server = new SimulatedWrapperServer();
        CosemMeterServer cosem = new(new CosemMeterServerOptions());
        server.AddMeter(1, cosem);
        server.Start();
        var meter = new MeterDefinition { Id = "w", Port = MeterPort.Tcp, Protocol = MeterProtocol.DlmsWrapper, Address = "127.0.0.1:" + server.Port + "/1", Objects = "1-0:1.8.0, 1-0:32.7.0", IntervalSeconds = 60 };
        using var link = new TcpByteLink("127.0.0.1", server.Port, TimeSpan.FromSeconds(2));
        var reader = new TcpDlmsMeterReader(meter, link, SystemScheduleClock.Instance);

        Assert.AreEqual(MeterReadStatus.Ok, reader.Read(meter, 10000), reader.LastError);
        int firstTrips = reader.LastRoundTrips;
        Assert.AreEqual(MeterReadStatus.Ok, reader.Read(meter, 10000), reader.LastError);

        Assert.AreEqual("dlms", reader.Readings.Protocol);
        Assert.AreEqual(2, reader.Readings.Count, "the two configured registers (the clock is the meter time)");
        Assert.IsTrue(reader.LastRoundTrips < firstTrips, "the object list is read once: " + firstTrips + " then " + reader.LastRoundTrips);
        Assert.IsTrue(reader.LastRoundTrips >= 3 && reader.LastBytesSent > 0 && reader.LastBytesReceived > 0, reader.Counters);
        Assert.AreEqual(2, reader.Reads);
        Assert.AreEqual(2, cosem.Associations);
        Console.WriteLine("wrapper, 2 objects + clock: " + reader.Counters);
    }

    [TestMethod]
    public void Unknown_hdlc_meter_on_the_bus_is_no_answer_with_the_reason()
    {
        using SimulatedHdlcBus bus = global::Concentrator.Cli.Commands.DlmsSimulation.CreateBus(1, Array.Empty<(HdlcFaultKind, double)>());
        bus.Start();
        var meter = new MeterDefinition { Id = "ghost", Port = MeterPort.Rs485, Protocol = MeterProtocol.DlmsHdlc, Address = "127.0.0.1:" + bus.Port + "/1/1009", IntervalSeconds = 60 };
        using var link = new TcpByteLink("127.0.0.1", bus.Port, TimeSpan.FromSeconds(2));
        var reader = new TcpDlmsMeterReader(meter, link, SystemScheduleClock.Instance);

        MeterReadStatus status = reader.Read(meter, 10000);

        Assert.AreEqual(MeterReadStatus.NoAnswer, status, reader.LastError);
        StringAssert.Contains(reader.LastError, "transport failed");
        Assert.AreEqual(0, reader.Reads);
    }
}
