using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Scheduling
{
    /// <summary>
    /// The board's plan for TCP meters (what <c>App/Ports/TcpPortStarter</c> starts): meters grouped per HOST:PORT, one
    /// polled port per endpoint, streams alone, at most <see cref="TcpEndpointPlan.MaxEndpoints"/> endpoints.
    /// </summary>
    [TestClass]
    public class TcpEndpointPlanTests
    {
        private static MeterDefinition Meter(string id, MeterPort port, MeterProtocol protocol, string address, int interval)
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = id;
            meter.Port = port;
            meter.Protocol = protocol;
            meter.Address = address;
            meter.IntervalSeconds = interval;
            return meter;
        }

        private static MeterDefinition Tcp(string id, MeterProtocol protocol, string address, int interval)
        {
            return Meter(id, MeterPort.Tcp, protocol, address, interval);
        }

        [TestMethod]
        public void Mixed_inventory_gives_one_port_per_endpoint()
        {
            // Two meters of an RS485 bus behind one ser2net port, a wrapper meter, a P1 stream behind ser2net, and a
            // meter on the board's optical head (not a TCP meter: not planned here).
            MeterDefinition[] meters = new MeterDefinition[]
            {
                Tcp("bus-17", MeterProtocol.DlmsHdlc, "10.0.0.5:4001/1/17", 900),
                Meter("opto", MeterPort.Optical, MeterProtocol.Iec62056_21, string.Empty, 900),
                Tcp("wrap-1", MeterProtocol.DlmsWrapper, "meter-gw.local:4059/1", 900),
                Tcp("p1-tcp", MeterProtocol.Dsmr, "10.0.0.7:2001", 0),
                Tcp("bus-18", MeterProtocol.DlmsHdlc, "10.0.0.5:4001/1/18", 300),
            };

            TcpEndpointPlan plan = TcpEndpointPlan.From(meters, meters.Length);

            Assert.AreEqual(3, plan.Count);
            Assert.AreEqual(0, plan.RejectedCount);

            TcpEndpoint bus = plan[0];
            Assert.AreEqual("10.0.0.5", bus.Host);
            Assert.AreEqual(4001, bus.Port);
            Assert.AreEqual((int)TcpEndpointKind.Polled, (int)bus.Kind);
            Assert.AreEqual(2, bus.MeterCount);
            Assert.AreEqual("bus-17", bus.Meter(0).Id);
            Assert.AreEqual("bus-18", bus.Meter(1).Id);
            Assert.AreSame(meters[0], bus.Meter(0));
            Assert.AreEqual(2, bus.Meters().Length);

            TcpEndpoint wrapper = plan[1];
            Assert.AreEqual("meter-gw.local:4059", wrapper.Name);
            Assert.AreEqual((int)TcpEndpointKind.Polled, (int)wrapper.Kind);
            Assert.AreEqual(1, wrapper.MeterCount);
            Assert.AreEqual("wrap-1", wrapper.Meter(0).Id);

            TcpEndpoint p1 = plan[2];
            Assert.AreEqual("10.0.0.7:2001", p1.Name);
            Assert.AreEqual((int)TcpEndpointKind.Continuous, (int)p1.Kind);
            Assert.AreEqual(1, p1.MeterCount);
            Assert.AreEqual("p1-tcp", p1.Meter(0).Id);

            Assert.AreEqual("10.0.0.5:4001 polled bus-17,bus-18; meter-gw.local:4059 polled wrap-1; 10.0.0.7:2001 stream p1-tcp", plan.Describe());
        }

        [TestMethod]
        public void Heap_estimate_decides_whether_an_endpoint_starts()
        {
            MeterDefinition[] meters = new MeterDefinition[]
            {
                Tcp("bus-17", MeterProtocol.DlmsHdlc, "10.0.0.5:4001/1/17", 900),
                Tcp("bus-18", MeterProtocol.DlmsHdlc, "10.0.0.5:4001/1/18", 900),
                Tcp("wrap-1", MeterProtocol.DlmsWrapper, "10.0.0.9:4059", 900),
                Tcp("p1-tcp", MeterProtocol.Dsmr, "10.0.0.7:2001", 0),
            };
            TcpEndpointPlan plan = TcpEndpointPlan.From(meters, meters.Length);

            // Endpoint, first HDLC meter (bus, session, client), second HDLC meter (poller and readings).
            Assert.AreEqual(3072 + 24576 + 2048, TcpEndpointPlan.EstimatedHeapBytes(plan[0]));
            Assert.AreEqual(3072 + 24576, TcpEndpointPlan.EstimatedHeapBytes(plan[1]));
            Assert.AreEqual(3072 + 11264, TcpEndpointPlan.EstimatedHeapBytes(plan[2]));

            Assert.IsNull(TcpEndpointPlan.HeapProblem(plan[0], 29696 + TcpEndpointPlan.HeapReserveBytes));
            Assert.AreEqual("TCP 10.0.0.5:4001 not started: its meters need about 29 KB of heap and 60 KB are free, of which 32 KB stay for MQTT (a board with PSRAM has room for more)",
                TcpEndpointPlan.HeapProblem(plan[0], 29696 + TcpEndpointPlan.HeapReserveBytes - 1));
        }

        [TestMethod]
        public void Host_names_differing_only_in_case_are_one_endpoint()
        {
            MeterDefinition[] meters = new MeterDefinition[]
            {
                Tcp("a", MeterProtocol.DlmsHdlc, "Ser2Net.LAN:4001/1/17", 900),
                Tcp("b", MeterProtocol.DlmsHdlc, "ser2net.lan:4001/1/18", 900),
                Tcp("c", MeterProtocol.DlmsHdlc, "ser2net.lan:4002/1/18", 900),
            };

            TcpEndpointPlan plan = TcpEndpointPlan.From(meters, meters.Length);

            Assert.AreEqual(2, plan.Count);
            Assert.AreEqual(2, plan[0].MeterCount);
            Assert.AreEqual(1, plan[1].MeterCount);
        }

        [TestMethod]
        public void Endpoint_beyond_the_limit_is_left_out_with_its_reason()
        {
            MeterDefinition[] meters = new MeterDefinition[TcpEndpointPlan.MaxEndpoints + 2];
            for (int i = 0; i <= TcpEndpointPlan.MaxEndpoints; i++)
            {
                meters[i] = Tcp("m" + i.ToString(), MeterProtocol.DlmsWrapper, "10.0.0." + (10 + i).ToString() + ":4059", 900);
            }

            // A meter on an endpoint that is already planned still fits after the one that did not.
            meters[TcpEndpointPlan.MaxEndpoints + 1] = Tcp("late", MeterProtocol.DlmsWrapper, "10.0.0.10:4059/2", 900);

            TcpEndpointPlan plan = TcpEndpointPlan.From(meters, meters.Length);

            Assert.AreEqual(TcpEndpointPlan.MaxEndpoints, plan.Count);
            Assert.AreEqual(1, plan.RejectedCount);
            Assert.AreEqual("m4", plan.Rejected(0).Id);
            Assert.AreEqual("meter m4: the board reads at most 4 TCP endpoints (each costs a thread, a socket and the readers' buffers in the heap); 10.0.0.14:4059 would be one more", plan.Reason(0));
            Assert.AreEqual(plan.Reason(0), plan.ReasonFor("m4"));
            Assert.IsNull(plan.ReasonFor("m3"));
            Assert.AreEqual(2, plan[0].MeterCount);
            Assert.AreEqual("late", plan[0].Meter(1).Id);
        }

        [TestMethod]
        public void Stream_does_not_share_its_connection()
        {
            MeterDefinition[] meters = new MeterDefinition[]
            {
                Tcp("p1", MeterProtocol.Dsmr, "10.0.0.7:2001", 0),
                Tcp("other", MeterProtocol.Iec62056_21, "10.0.0.7:2001", 900),
                Tcp("bus", MeterProtocol.DlmsHdlc, "10.0.0.5:4001/1/17", 900),
                Tcp("sml", MeterProtocol.Sml, "10.0.0.5:4001", 0),
            };

            TcpEndpointPlan plan = TcpEndpointPlan.From(meters, meters.Length);

            Assert.AreEqual(2, plan.Count);
            Assert.AreEqual(2, plan.RejectedCount);
            Assert.AreEqual("meter other: 10.0.0.7:2001 is already used by meter p1, which pushes (INT=0) and needs the connection to itself", plan.ReasonFor("other"));
            Assert.AreEqual("meter sml: 10.0.0.5:4001 is already used by meter bus; a meter that pushes (INT=0) needs a connection of its own", plan.ReasonFor("sml"));
        }

        [TestMethod]
        public void Interval_decides_between_stream_and_polled()
        {
            Assert.AreEqual((int)TcpEndpointKind.Continuous, (int)TcpEndpointPlan.KindOf(Tcp("a", MeterProtocol.Dsmr, "h:1", 0)));
            Assert.AreEqual((int)TcpEndpointKind.Polled, (int)TcpEndpointPlan.KindOf(Tcp("a", MeterProtocol.Dsmr, "h:1", 900)));
            Assert.AreEqual((int)TcpEndpointKind.Continuous, (int)TcpEndpointPlan.KindOf(Tcp("a", MeterProtocol.Sml, "h:1", 0)));
            Assert.AreEqual((int)TcpEndpointKind.Polled, (int)TcpEndpointPlan.KindOf(Tcp("a", MeterProtocol.Sml, "h:1", 60)));
            Assert.AreEqual((int)TcpEndpointKind.Polled, (int)TcpEndpointPlan.KindOf(Tcp("a", MeterProtocol.DlmsWrapper, "h:1", 60)));
        }

        [TestMethod]
        public void Iec_meter_is_read_with_the_device_address_after_the_endpoint()
        {
            MeterDefinition meter = Tcp("iec", MeterProtocol.Iec62056_21, "10.0.0.8:3001/11620371", 900);
            meter.Password = "0000";
            MeterDefinition[] meters = new MeterDefinition[] { meter, Tcp("any", MeterProtocol.Iec62056_21, "10.0.0.8:3001", 900) };

            TcpEndpointPlan plan = TcpEndpointPlan.From(meters, meters.Length);

            Assert.AreEqual(1, plan.Count);
            Assert.AreEqual("11620371", plan[0].Meter(0).Address);
            Assert.AreEqual("iec", plan[0].Meter(0).Id);
            Assert.AreEqual("0000", plan[0].Meter(0).Password);
            Assert.AreEqual(string.Empty, plan[0].Meter(1).Address);
            Assert.AreEqual("10.0.0.8:3001/11620371", meter.Address);
        }

        [TestMethod]
        [DataRow(2, "", 900, "meter m: expected ADDR=HOST:PORT (port 1 to 65535, then /LOGICAL/PHYSICAL), got ''")]
        [DataRow(3, "gw", 900, "meter m: expected ADDR=HOST:PORT (port 1 to 65535, optionally /WPORT), got 'gw'")]
        [DataRow(0, "h:", 0, "meter m: expected ADDR=HOST:PORT (port 1 to 65535), got 'h:'")]
        [DataRow(0, ":2001", 0, "meter m: expected ADDR=HOST:PORT (port 1 to 65535), got ':2001'")]
        [DataRow(0, "h:0", 0, "meter m: expected ADDR=HOST:PORT (port 1 to 65535), got 'h:0'")]
        [DataRow(0, "h:65536", 0, "meter m: expected ADDR=HOST:PORT (port 1 to 65535), got 'h:65536'")]
        [DataRow(0, "h:20x1", 0, "meter m: expected ADDR=HOST:PORT (port 1 to 65535), got 'h:20x1'")]
        [DataRow(0, "h,x:2001", 0, "meter m: expected ADDR=HOST:PORT (port 1 to 65535), got 'h,x:2001'")]
        [DataRow(1, "h:3001:4", 900, "meter m: expected ADDR=HOST:PORT (port 1 to 65535, optionally /DEVICE-ADDRESS), got 'h:3001:4'")]
        [DataRow(2, "10.0.0.5:4001", 900, "meter m: an HDLC meter behind TCP needs ADDR=HOST:PORT/LOGICAL/PHYSICAL (e.g. 10.0.0.5:4001/1/17), got '10.0.0.5:4001'")]
        [DataRow(2, "10.0.0.5:4001/1/x", 900, "meter m: an HDLC meter behind TCP needs ADDR=HOST:PORT/LOGICAL/PHYSICAL (e.g. 10.0.0.5:4001/1/17), got '10.0.0.5:4001/1/x'")]
        [DataRow(3, "gw:4059/0", 900, "meter m: a wrapper meter needs ADDR=HOST:PORT or HOST:PORT/WPORT (server wPort 1 to 65535), got 'gw:4059/0'")]
        [DataRow(3, "gw:4059/one", 900, "meter m: a wrapper meter needs ADDR=HOST:PORT or HOST:PORT/WPORT (server wPort 1 to 65535), got 'gw:4059/one'")]
        [DataRow(0, "h:2001/1", 0, "meter m: a DSMR meter has nothing after HOST:PORT, got 'h:2001/1'")]
        [DataRow(1, "h:3001", 0, "meter m: IEC meters are polled, INT=0 (a meter that pushes) is for DSMR and SML")]
        [DataRow(3, "gw:4059", 0, "meter m: WRAP meters are polled, INT=0 (a meter that pushes) is for DSMR and SML")]
        public void Meter_that_cannot_be_read_says_why(int protocol, string address, int interval, string expected)
        {
            MeterDefinition meter = Tcp("m", (MeterProtocol)protocol, address, interval);

            Assert.AreEqual(expected, TcpEndpointPlan.Check(meter));
            TcpEndpointPlan plan = TcpEndpointPlan.From(new MeterDefinition[] { meter }, 1);
            Assert.AreEqual(0, plan.Count);
            Assert.AreEqual(expected, plan.ReasonFor("m"));
        }

        [TestMethod]
        [DataRow(2, "10.0.0.5:4001/1/17", 900)]
        [DataRow(2, "ser2net.lan:4001/16/1234", 60)]
        [DataRow(3, "gw:4059", 900)]
        [DataRow(3, "gw:4059/65535", 900)]
        [DataRow(1, "h:3001", 900)]
        [DataRow(1, "h:3001/ABC 1", 900)]
        [DataRow(0, "h:2001", 0)]
        [DataRow(0, "h:2001", 900)]
        [DataRow(4, "[fe80::1]:7259", 0)]
        public void Readable_meter_passes(int protocol, string address, int interval)
        {
            Assert.IsNull(TcpEndpointPlan.Check(Tcp("m", (MeterProtocol)protocol, address, interval)));
        }

        [TestMethod]
        public void Address_parts()
        {
            string host;
            int port;
            string target;
            Assert.IsTrue(TcpAddress.TryParse("10.0.0.5:4001/1/17", out host, out port, out target));
            Assert.AreEqual("10.0.0.5", host);
            Assert.AreEqual(4001, port);
            Assert.AreEqual("1/17", target);

            Assert.IsTrue(TcpAddress.TryParse("[fe80::1]:4059", out host, out port, out target));
            Assert.AreEqual("fe80::1", host);
            Assert.AreEqual(4059, port);
            Assert.AreEqual(string.Empty, target);

            Assert.IsFalse(TcpAddress.TryParse("[fe80::1:4059", out host, out port, out target));
            Assert.IsFalse(TcpAddress.TryParse("fe80::1:4059", out host, out port, out target));
            Assert.IsFalse(TcpAddress.TryParse(null, out host, out port, out target));
            Assert.AreEqual(string.Empty, host);
            Assert.AreEqual(0, port);
        }

        [TestMethod]
        public void Ipv6_endpoint_is_named_in_brackets()
        {
            TcpEndpointPlan plan = TcpEndpointPlan.From(new MeterDefinition[] { Tcp("m", MeterProtocol.Sml, "[fe80::1]:7259", 0) }, 1);

            Assert.AreEqual("[fe80::1]:7259", plan[0].Name);
        }
    }
}
