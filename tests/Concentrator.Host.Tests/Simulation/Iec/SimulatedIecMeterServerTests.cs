using System;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Io;
using Concentrator.Host.Links;
using Concentrator.Host.Simulation.Iec;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation.Iec;

/// <summary>The simulated meter on TCP, read by Core's session through the TCP byte link, in real time.</summary>
[TestClass]
public sealed class SimulatedIecMeterServerTests
{
    [TestMethod]
    public void Session_over_tcp_reads_the_meter_at_9600()
    {
        using var server = new SimulatedIecMeterServer(new IecMeterProfile());
        server.Start(0);
        using var link = new TcpByteLink("127.0.0.1", server.Port, TimeSpan.FromSeconds(5));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        var session = new IecSession(link, new RealTimeClock(), new IecMessageDecoder(new IecDecoderOptions()), null);

        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, session.Run(new IecSessionOptions { Address = "11620371" }), session.LastProblem);
        Assert.AreEqual(9600, session.NegotiatedBaud, session.LastProblem);
        Assert.IsTrue(session.Readings.Count > 20);
        // About 900 bytes at 9600 (~1 s) after a handshake of ~2 s; read at 300 baud they alone would take 30 s. The bound
        // leaves room for a loaded machine and still tells the two apart.
        Assert.IsTrue(session.ElapsedMilliseconds < 15000, "took " + session.ElapsedMilliseconds + " ms");
    }
}
