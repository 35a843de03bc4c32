using Concentrator.Host.Timing;
using System;
using System.Diagnostics;
using Concentrator.Core.Bus;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Host.Links;
using Concentrator.Host.Simulation.Dlms;
using Concentrator.Host.Simulation.Hdlc;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation;

/// <summary>Core's HDLC session over TCP against the simulated bus of meters (echo handlers as their application).</summary>
[TestClass]
public sealed class SimulatedHdlcBusTests
{
    private static readonly HdlcAddress Client = HdlcAddress.Client(HdlcAddress.PublicClient);

    private static HdlcSession Session(TcpByteLink link, HdlcAddress server, int maxInformation = 128)
    {
        var options = new HdlcSessionOptions
        {
            Server = server,
            Client = Client,
            MaxInformationTransmit = maxInformation,
            MaxInformationReceive = maxInformation,
            ResponseTimeoutMilliseconds = 300,
            MaxRetries = 2,
        };
        return new HdlcSession(link, new StopwatchClock(), options);
    }

    private static TcpByteLink Connect(int port)
    {
        var link = new TcpByteLink("127.0.0.1", port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        return link;
    }

    private static byte[] Pattern(int length, int seed)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)((i * 31) + seed);
        }

        data[0] = 0xC0; // never the echo handler's silent marker
        return data;
    }

    [TestMethod]
    public void Each_meter_on_the_bus_answers_to_its_own_address_only()
    {
        using var bus = new SimulatedHdlcBus(default);
        var first = new EchoApduHandler();
        var second = new EchoApduHandler();
        bus.AddMeter(new HdlcAddress(1, 6678, 4), first);
        bus.AddMeter(new HdlcAddress(1, 1371, 4), second);
        bus.Start();
        using TcpByteLink link = Connect(bus.Port);

        HdlcSession session = Session(link, new HdlcAddress(1, 1371, 4));
        Assert.AreEqual(ApduTransportStatus.Ok, session.Open(), session.LastError);
        byte[] request = Pattern(20, 1);
        byte[] response = new byte[64];
        Assert.AreEqual(ApduTransportStatus.Ok, session.Exchange(request, 0, request.Length, response, out int length), session.LastError);
        CollectionAssert.AreEqual(request, response[..length]);
        session.Close();
        Assert.AreEqual(1, second.Requests);
        Assert.AreEqual(0, first.Requests);
        Assert.AreEqual(3, session.RoundTrips);

        session.Retarget(new HdlcAddress(1, 1999, 4), Client, default);
        Stopwatch watch = Stopwatch.StartNew();
        Assert.AreEqual(ApduTransportStatus.Timeout, session.Open());
        Assert.IsTrue(watch.ElapsedMilliseconds < 3000, "an absent meter costs 3 × 300 ms, took " + watch.ElapsedMilliseconds);
        Assert.AreEqual("no answer to SNRM from meter 1/1999 after 3 tries of 300 ms", session.LastError);
        Assert.AreEqual(3, bus.FramesForNobody);
    }

    [TestMethod]
    public void One_get_in_its_own_session_costs_three_round_trips_and_142_bytes()
    {
        using var bus = new SimulatedHdlcBus(default);
        bus.AddMeter(HdlcAddress.Server(1, 17), new EchoApduHandler());
        bus.Start();
        using TcpByteLink link = Connect(bus.Port);
        HdlcSession session = Session(link, HdlcAddress.Server(1, 17));
        Assert.AreEqual(ApduTransportStatus.Ok, session.Open(), session.LastError);
        byte[] get = { 0xC0, 0x01, 0xC1, 0x00, 0x03, 0x01, 0x00, 0x01, 0x08, 0x00, 0xFF, 0x02, 0x00 };
        byte[] response = new byte[64];
        Assert.AreEqual(ApduTransportStatus.Ok, session.Exchange(get, 0, get.Length, response, out _), session.LastError);
        session.Close();

        // SNRM and UA with a 21-byte parameter block: 33 bytes each; the GET (13 bytes + LLC) and its echoed answer:
        // 28 bytes each; DISC and UA: 10 bytes each. 142 bytes are 148 ms on a 9600 8N1 bus.
        Assert.AreEqual(3, session.RoundTrips);
        Assert.AreEqual(33L + 28 + 10, session.BytesSent);
        Assert.AreEqual(33L + 28 + 10, session.BytesReceived);
    }

    [TestMethod]
    public void Long_requests_and_answers_are_segmented_both_ways()
    {
        using var bus = new SimulatedHdlcBus(default);
        var meter = new EchoApduHandler(1500);
        HdlcServerStation station = bus.AddMeter(HdlcAddress.Server(1, 17), meter, maxInformationLength: 64);
        bus.Start();
        using TcpByteLink link = Connect(bus.Port);
        HdlcSession session = Session(link, HdlcAddress.Server(1, 17));
        Assert.AreEqual(ApduTransportStatus.Ok, session.Open(), session.LastError);
        Assert.AreEqual(64, session.Negotiated.MaxInformationTransmit);
        Assert.AreEqual(64, session.Negotiated.MaxInformationReceive);

        byte[] request = Pattern(300, 7);
        byte[] response = new byte[2000];
        Assert.AreEqual(ApduTransportStatus.Ok, session.Exchange(request, 0, request.Length, response, out int length), session.LastError);
        Assert.AreEqual(1500, length);
        CollectionAssert.AreEqual(request, meter.LastRequest);
        for (int i = 0; i < length; i++)
        {
            Assert.AreEqual(request[i % request.Length], response[i], "byte " + i);
        }

        // 303 request bytes in 64-byte segments: 5 frames; 1503 answer bytes: 24 frames, 23 asked for with RR; plus SNRM.
        Assert.AreEqual(1 + 5 + 23, session.RoundTrips);
        Assert.AreEqual(0, station.Repeats);
    }

    [DataTestMethod]
    [DataRow(HdlcFaultKind.Silence)]
    [DataRow(HdlcFaultKind.BadFcs)]
    [DataRow(HdlcFaultKind.Truncated)]
    public void A_lost_or_damaged_answer_is_asked_for_again(HdlcFaultKind fault)
    {
        using var bus = new SimulatedHdlcBus(default);
        var meter = new EchoApduHandler(400);
        HdlcServerStation station = bus.AddMeter(HdlcAddress.Server(1, 17), meter);
        bus.Start();
        using TcpByteLink link = Connect(bus.Port);
        HdlcSession session = Session(link, HdlcAddress.Server(1, 17));
        station.Faults.Queue(fault); // the UA
        Assert.AreEqual(ApduTransportStatus.Ok, session.Open(), session.LastError);
        station.Faults.Queue(fault, HdlcFaultKind.None, fault); // the first segment, then the third
        byte[] request = Pattern(10, 3);
        byte[] response = new byte[512];
        Assert.AreEqual(ApduTransportStatus.Ok, session.Exchange(request, 0, request.Length, response, out int length), session.LastError);
        Assert.AreEqual(400, length);
        Assert.AreEqual(1, meter.Requests, "the repeated request is answered from the link layer, not the application");
        Assert.AreEqual(3, session.Retransmissions);
        Assert.AreEqual(2, station.Repeats);
    }

    [TestMethod]
    public void A_meter_that_drops_the_association_is_reported_disconnected()
    {
        using var bus = new SimulatedHdlcBus(default);
        HdlcServerStation station = bus.AddMeter(HdlcAddress.Server(1, 17), new EchoApduHandler());
        bus.Start();
        using TcpByteLink link = Connect(bus.Port);
        HdlcSession session = Session(link, HdlcAddress.Server(1, 17));
        Assert.AreEqual(ApduTransportStatus.Ok, session.Open(), session.LastError);
        station.Faults.Queue(HdlcFaultKind.DropAssociation);
        byte[] request = Pattern(10, 3);
        byte[] response = new byte[64];
        Assert.AreEqual(ApduTransportStatus.Disconnected, session.Exchange(request, 0, request.Length, response, out _));
        Assert.AreEqual("meter 1/17 dropped the link (DM)", session.LastError);
        Assert.IsFalse(station.Connected);
        Assert.AreEqual(ApduTransportStatus.Ok, session.Open(), "the link can be opened again");
        Assert.AreEqual(ApduTransportStatus.Ok, session.Exchange(request, 0, request.Length, response, out _), session.LastError);
    }

    [TestMethod]
    public void The_answer_timeout_allows_for_the_frames_wire_time()
    {
        // 2400 baud 8N1: a 128-byte segment takes 0.55 s on the line, longer than the 300 ms response timeout.
        var line = new LineSettings(2400, 8, LineParity.None, 1, false);
        using var bus = new SimulatedHdlcBus(line);
        bus.AddMeter(HdlcAddress.Server(1, 17), new EchoApduHandler(300));
        bus.Start();
        using TcpByteLink link = Connect(bus.Port);
        var options = new HdlcSessionOptions { Server = HdlcAddress.Server(1, 17), ResponseTimeoutMilliseconds = 700, MaxRetries = 0, Line = line };
        var session = new HdlcSession(link, new StopwatchClock(), options);
        Assert.AreEqual(ApduTransportStatus.Ok, session.Open(), session.LastError);
        byte[] request = Pattern(10, 3);
        byte[] response = new byte[512];
        Assert.AreEqual(ApduTransportStatus.Ok, session.Exchange(request, 0, request.Length, response, out int length), session.LastError);
        Assert.AreEqual(300, length);
    }

    [TestMethod]
    public void The_bus_arbiter_reads_every_live_meter_and_gives_up_on_a_dead_one_quickly()
    {
        using var bus = new SimulatedHdlcBus(default);
        var handlers = new EchoApduHandler[4];
        for (int i = 0; i < handlers.Length; i++)
        {
            handlers[i] = new EchoApduHandler();
            if (i != 2)
            {
                bus.AddMeter(new HdlcAddress(1, 1000 + i, 4), handlers[i]);
            }
        }

        bus.Start();
        using TcpByteLink link = Connect(bus.Port);
        var options = new HdlcSessionOptions { ResponseTimeoutMilliseconds = 300, MaxRetries = 1 };
        var arbiter = new MeterBusArbiter(link, new StopwatchClock(), options);
        for (int i = 0; i < handlers.Length; i++)
        {
            arbiter.Add(new HdlcAddress(1, 1000 + i, 4), Client, new LineSettings(9600, 8, LineParity.None, 1, false));
        }

        var reader = new EchoReader();
        Stopwatch watch = Stopwatch.StartNew();
        Assert.AreEqual(3, arbiter.RunCycle(reader));
        Assert.IsTrue(watch.ElapsedMilliseconds < 2500, "took " + watch.ElapsedMilliseconds + " ms");
        Assert.AreEqual(1, arbiter[2].ConsecutiveFailures);
        Assert.AreEqual(1, handlers[0].Requests);
        Assert.AreEqual(1, handlers[3].Requests);
        Assert.AreEqual(3, arbiter.RunCycle(reader));
        Assert.AreEqual(1, arbiter[2].Skipped);
    }

    private sealed class EchoReader : IMeterBusReader
    {
        public bool Read(int member, IApduTransport transport)
        {
            byte[] request = { 0xC0, 0x01, (byte)member };
            byte[] response = new byte[16];
            return transport.Exchange(request, 0, request.Length, response, out int length) == ApduTransportStatus.Ok && length == 3 && response[2] == member;
        }
    }
}
