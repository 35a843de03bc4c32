using Concentrator.Host.Timing;
using System;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Readings;
using Concentrator.Core.Wrapper;
using Concentrator.Host.Links;
using Concentrator.Host.Simulation.Dlms;
using Concentrator.Host.Simulation.Hdlc;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Dlms;

/// <summary>
/// The whole stack end to end over TCP: Core's DLMS client and COSEM reader over the HDLC session (on the simulated
/// RS485 bus of COSEM meters) and over the TCP wrapper, reading twenty registers.
/// </summary>
[TestClass]
public sealed class CosemClientOverHdlcTests
{
    private static CosemMeterServer Meter() => new(new CosemMeterServerOptions { UtcNow = () => DlmsTestMeter.Now });

    private static TcpByteLink Connect(int port)
    {
        var link = new TcpByteLink("127.0.0.1", port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        return link;
    }

    private static int ReadTwentyRegisters(IApduTransport transport, out ReadingSet set)
    {
        var client = new DlmsClient(transport, new DlmsClientOptions());
        var reader = new CosemObjectReader(client, 128);
        Assert.AreEqual(DlmsClientStatus.Ok, client.Associate(), client.LastError.ToString() + " / " + transport.LastError);
        set = new ReadingSet(64, 2048);
        CosemObjectInfo[] registers = DlmsTestMeter.TwentyRegisters();
        DlmsClientStatus status = reader.ReadObjects(registers, registers.Length, set);
        Assert.AreEqual(DlmsClientStatus.Ok, status, reader.LastError.ToString() + " / " + transport.LastError);
        Assert.AreEqual(DlmsClientStatus.Ok, client.Release(), client.LastError.ToString());
        return set.Count;
    }

    [TestMethod]
    public void Twenty_registers_of_one_meter_on_a_bus_of_two_over_hdlc()
    {
        using var bus = new SimulatedHdlcBus(default);
        CosemMeterServer first = Meter();
        CosemMeterServer second = Meter();
        bus.AddMeter(new HdlcAddress(1, 6678, 4), first);
        HdlcServerStation station = bus.AddMeter(new HdlcAddress(1, 1371, 4), second);
        bus.Start();
        using TcpByteLink link = Connect(bus.Port);
        var session = new HdlcSession(link, new StopwatchClock(), new HdlcSessionOptions { Server = new HdlcAddress(1, 1371, 4), ResponseTimeoutMilliseconds = 500 });

        station.Faults.Queue(HdlcFaultKind.None, HdlcFaultKind.None, HdlcFaultKind.BadFcs, HdlcFaultKind.None, HdlcFaultKind.Silence);
        Assert.AreEqual(20, ReadTwentyRegisters(session, out ReadingSet set));
        Assert.AreEqual("dlms", set.Protocol);
        Assert.AreEqual(0, first.Associations);
        Assert.AreEqual(1, second.Associations);
        Assert.AreEqual(2, session.Retransmissions, "the damaged and the lost answer were asked for again");
        Assert.IsFalse(session.IsOpen, "Release closes the link (DISC)");
        Console.WriteLine("HDLC, 20 registers incl. SNRM/AARQ/RLRQ/DISC: " + session.RoundTrips + " round trips, " + session.BytesSent + " bytes sent, " + session.BytesReceived + " received");
    }

    [TestMethod]
    public void Twenty_registers_over_the_wrapper()
    {
        using var server = new SimulatedWrapperServer();
        CosemMeterServer meter = Meter();
        server.AddMeter(1, meter);
        server.Start();
        using TcpByteLink link = Connect(server.Port);
        var transport = new WrapperTransport(link, new StopwatchClock(), new WrapperTransportOptions());
        Assert.AreEqual(20, ReadTwentyRegisters(transport, out _));
        Assert.AreEqual(1, meter.Associations);
        Console.WriteLine("wrapper, 20 registers incl. AARQ/RLRQ: " + transport.RoundTrips + " round trips, " + transport.BytesSent + " bytes sent, " + transport.BytesReceived + " received");
    }
}
