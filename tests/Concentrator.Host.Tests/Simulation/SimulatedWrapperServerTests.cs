using Concentrator.Host.Timing;
using System;
using Concentrator.Core.Dlms;
using Concentrator.Core.Io;
using Concentrator.Core.Wrapper;
using Concentrator.Host.Links;
using Concentrator.Host.Simulation.Dlms;
using Concentrator.Host.Simulation.Hdlc;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation;

/// <summary>Core's wrapper transport over TCP against the simulated wrapper server.</summary>
[TestClass]
public sealed class SimulatedWrapperServerTests
{
    [TestMethod]
    public void Requests_reach_the_meter_of_their_wport_and_silence_times_out()
    {
        using var server = new SimulatedWrapperServer();
        var management = new EchoApduHandler();
        var other = new EchoApduHandler(5);
        server.AddMeter(1, management);
        server.AddMeter(2, other);
        server.Start();
        using var link = new TcpByteLink("127.0.0.1", server.Port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        var transport = new WrapperTransport(link, new StopwatchClock(), new WrapperTransportOptions { ServerPort = 2, ResponseTimeoutMilliseconds = 300 });
        Assert.AreEqual(ApduTransportStatus.Ok, transport.Open());
        byte[] request = { 0xC0, 0x01, 0xC1 };
        byte[] response = new byte[16];
        Assert.AreEqual(ApduTransportStatus.Ok, transport.Exchange(request, 0, 3, response, out int length), transport.LastError);
        CollectionAssert.AreEqual(new byte[] { 0xC0, 0x01, 0xC1, 0xC0, 0x01 }, response[..length]);
        Assert.AreEqual(1, other.Requests);
        Assert.AreEqual(0, management.Requests);

        server.Faults.Queue(HdlcFaultKind.Silence);
        Assert.AreEqual(ApduTransportStatus.Timeout, transport.Exchange(request, 0, 3, response, out _));
        Assert.AreEqual(ApduTransportStatus.Ok, transport.Exchange(request, 0, 3, response, out length), transport.LastError);
        Assert.AreEqual(3, transport.RoundTrips);
        Assert.AreEqual(3L * (8 + 3), transport.BytesSent);
        Assert.AreEqual(2L * (8 + 5), transport.BytesReceived);

        server.Faults.Queue(HdlcFaultKind.DropAssociation);
        Assert.AreEqual(ApduTransportStatus.Disconnected, transport.Exchange(request, 0, 3, response, out _));
    }
}
