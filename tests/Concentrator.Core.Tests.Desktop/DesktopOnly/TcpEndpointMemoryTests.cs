using System;
using Concentrator.Core.Bus;
using Concentrator.Core.Dlms;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Sml;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.P1;
using Concentrator.Core.Tests.Scheduling;
using Concentrator.Core.Tests.Sml;
using Concentrator.Core.Tests.TestSupport;
using Concentrator.Core.Wrapper;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// What one TCP endpoint costs in heap, measured by building the same Core objects with the same sizes as the
    /// board's <c>App/Ports/TcpPortStarter</c> (DLMS: 4 KiB data buffer, 512-byte PDUs, 16 objects, 64 catalogue entries;
    /// decoders at their defaults). The numbers are desktop .NET (64-bit); the limit's reasoning in
    /// <c>Scheduling/README.md</c> converts them. The assertions keep the figures written there true.
    /// </summary>
    [TestClass]
    public class TcpEndpointMemoryTests
    {
        private const int DlmsDataBufferBytes = 4096;
        private const int DlmsMaxReceivePdu = 512;
        private const int DlmsMaxObjects = 16;
        private const int DlmsCatalogue = 64;

        private static long Bytes(Func<object> build)
        {
            build(); // warm up: static tables, JIT
            long before = GC.GetAllocatedBytesForCurrentThread();
            object built = build();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(built);
            return bytes;
        }

        private static DlmsClient Client(IApduTransport transport)
        {
            DlmsClientOptions options = new DlmsClientOptions();
            options.DataBufferSize = DlmsDataBufferBytes;
            options.MaxReceivePduSize = DlmsMaxReceivePdu;
            return new DlmsClient(transport, options);
        }

        private static DlmsMeterReader DlmsReader(DlmsClient client, BusMemberTransport bus, int member)
        {
            DlmsMeterPoller poller = new DlmsMeterPoller(client, new CosemObjectReader(client, DlmsMaxObjects), DlmsMaxObjects, DlmsCatalogue);
            ReadingSet readings = new ReadingSet(DlmsMaxObjects * 2, 1024);
            return bus == null ? new DlmsMeterReader(poller, readings) : new DlmsMeterReader(poller, readings, bus, member);
        }

        private static PortScheduler Scheduler(IMeterReader[] readers)
        {
            MeterDefinition[] meters = new MeterDefinition[readers.Length];
            for (int i = 0; i < meters.Length; i++)
            {
                meters[i] = SchedulerRun.Meter("m" + i.ToString(), 900, ReadPriority.Billing);
            }

            return new PortScheduler(meters, readers, new FakeScheduleClock(10, 0, 0), new SchedulerOptions(), new RecordingReadSink());
        }

        [TestMethod]
        public void Endpoint_costs_are_within_the_budget_of_the_limit()
        {
            ScriptedByteLink link = new ScriptedByteLink(new object[0]);
            ManualClock clock = new ManualClock();

            long wrapper = Bytes(() =>
            {
                WrapperTransport transport = new WrapperTransport(link, clock, new WrapperTransportOptions());
                return Scheduler(new IMeterReader[] { DlmsReader(Client(transport), null, -1) });
            });

            long hdlcBusOfTwo = Bytes(() =>
            {
                MeterBusArbiter arbiter = new MeterBusArbiter(link, clock, new HdlcSessionOptions());
                BusMemberTransport bus = new BusMemberTransport(arbiter);
                LineSettings line = new LineSettings(9600, 8, LineParity.None, 1, false);
                int a = arbiter.Add(new HdlcAddress(1, 17, 4), HdlcAddress.Client(HdlcAddress.PublicClient), line);
                int b = arbiter.Add(new HdlcAddress(1, 18, 4), HdlcAddress.Client(HdlcAddress.PublicClient), line);
                DlmsClient client = Client(bus);
                return Scheduler(new IMeterReader[] { DlmsReader(client, bus, a), DlmsReader(client, bus, b) });
            });

            long hdlcBusOfOne = Bytes(() =>
            {
                MeterBusArbiter arbiter = new MeterBusArbiter(link, clock, new HdlcSessionOptions());
                BusMemberTransport bus = new BusMemberTransport(arbiter);
                int a = arbiter.Add(new HdlcAddress(1, 17, 4), HdlcAddress.Client(HdlcAddress.PublicClient), new LineSettings(9600, 8, LineParity.None, 1, false));
                return Scheduler(new IMeterReader[] { DlmsReader(Client(bus), bus, a) });
            });

            long iecTwo = Bytes(() =>
            {
                IecSession session = new IecSession(link, clock, new IecMessageDecoder(new IecDecoderOptions()), new IecBaudMemory(2));
                IecMeterReader reader = new IecMeterReader(session, new IecSessionOptions());
                return Scheduler(new IMeterReader[] { reader, reader });
            });

            long p1Polled = Bytes(() => Scheduler(new IMeterReader[] { new P1MeterReader(link, new DsmrTelegramDecoder(new DsmrDecoderOptions()), new FakeScheduleClock(10, 0, 0), 100, 512) }));

            long iec = Bytes(() =>
            {
                IecSession session = new IecSession(link, clock, new IecMessageDecoder(new IecDecoderOptions()), new IecBaudMemory(1));
                return Scheduler(new IMeterReader[] { new IecMeterReader(session, new IecSessionOptions()) });
            });

            long smlPull = Bytes(() =>
            {
                SmlClientOptions options = new SmlClientOptions();
                return Scheduler(new IMeterReader[] { new SmlPullMeterReader(new SmlClientSession(link, new SmlFileDecoder(new SmlDecoderOptions()), options), options) });
            });

            long p1Stream = Bytes(() => new P1PortReader(link, new DsmrTelegramDecoder(new DsmrDecoderOptions()), new RecordingTelegramSink(), new P1ReaderOptions()));

            long smlStream = Bytes(() => new SmlPushReader(link, new SmlFileDecoder(new SmlDecoderOptions()), new RecordingSmlSink(), new SmlPushReaderOptions()));

            Console.WriteLine("TCP endpoint heap on desktop .NET: wrapper meter " + wrapper + " B, HDLC bus of 2 " + hdlcBusOfTwo + " B, IEC meter " + iec
                + " B, IEC two " + iecTwo + " B, HDLC bus of 1 " + hdlcBusOfOne + " B, P1 polled " + p1Polled + " B, SML pull " + smlPull + " B, DSMR P1 stream " + p1Stream + " B, SML stream " + smlStream + " B");

            // Core's estimates (what the board checks against its free heap before starting an endpoint) cover what
            // was measured.
            Covers(wrapper, Endpoint(Tcp(MeterProtocol.DlmsWrapper, "gw:4059", 900)));
            Covers(hdlcBusOfOne, Endpoint(Tcp(MeterProtocol.DlmsHdlc, "bus:4001/1/17", 900)));
            Covers(hdlcBusOfTwo, Endpoint(Tcp(MeterProtocol.DlmsHdlc, "bus:4001/1/17", 900), Tcp(MeterProtocol.DlmsHdlc, "bus:4001/1/18", 900)));
            Covers(iec, Endpoint(Tcp(MeterProtocol.Iec62056_21, "iec:3001", 900)));
            Covers(iecTwo, Endpoint(Tcp(MeterProtocol.Iec62056_21, "iec:3001/1", 900), Tcp(MeterProtocol.Iec62056_21, "iec:3001/2", 900)));
            Covers(smlPull, Endpoint(Tcp(MeterProtocol.Sml, "sml:7259", 60)));
            Covers(smlStream, Endpoint(Tcp(MeterProtocol.Sml, "sml:7259", 0)));
            Covers(p1Polled, Endpoint(Tcp(MeterProtocol.Dsmr, "p1:2001", 60)));
            Covers(p1Stream, Endpoint(Tcp(MeterProtocol.Dsmr, "p1:2001", 0)));
        }

        private static MeterDefinition Tcp(MeterProtocol protocol, string address, int interval)
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = "m" + address.GetHashCode().ToString("X");
            meter.Port = MeterPort.Tcp;
            meter.Protocol = protocol;
            meter.Address = address;
            meter.IntervalSeconds = interval;
            return meter;
        }

        private static TcpEndpoint Endpoint(params MeterDefinition[] meters)
        {
            TcpEndpointPlan plan = TcpEndpointPlan.From(meters, meters.Length);
            Assert.AreEqual(1, plan.Count, plan.Describe());
            Assert.AreEqual(meters.Length, plan[0].MeterCount, plan.Describe());
            return plan[0];
        }

        private static void Covers(long measured, TcpEndpoint endpoint)
        {
            int readers = TcpEndpointPlan.EstimatedHeapBytes(endpoint) - TcpEndpointPlan.EndpointHeapBytes;
            Assert.IsTrue(measured <= readers, endpoint.Name + " " + endpoint.Meter(0).Protocol + " x" + endpoint.MeterCount + ": measured " + measured + " B, estimated " + readers + " B");
            Assert.IsTrue(measured >= readers * 3 / 4, endpoint.Name + " " + endpoint.Meter(0).Protocol + " x" + endpoint.MeterCount + ": estimate " + readers + " B is far above the measured " + measured + " B");
        }
    }
}
