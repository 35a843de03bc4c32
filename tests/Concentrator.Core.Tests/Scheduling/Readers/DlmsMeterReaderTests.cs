using Concentrator.Core.Bus;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Tests.Bus;
using Concentrator.Core.Tests.Dlms;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Scheduling.Readers
{
    [TestClass]
    public class DlmsMeterReaderTests
    {
        private static readonly LineSettings Line9600 = new LineSettings(9600, 8, LineParity.None, 1, false);

        private static MeterDefinition Meter(string id)
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = id;
            meter.Port = MeterPort.Rs485;
            meter.Protocol = MeterProtocol.DlmsHdlc;
            return meter;
        }

        private static DlmsMeterReader Reader(IApduTransport transport, BusMemberTransport bus, int member)
        {
            DlmsClient client = new DlmsClient(transport, new DlmsClientOptions());
            DlmsMeterPoller poller = new DlmsMeterPoller(client, new CosemObjectReader(client, 8), 8, 16);
            return bus == null ? new DlmsMeterReader(poller, new ReadingSet(16, 512)) : new DlmsMeterReader(poller, new ReadingSet(16, 512), bus, member);
        }

        private static HdlcSessionOptions BusOptions()
        {
            HdlcSessionOptions options = new HdlcSessionOptions();
            options.ResponseTimeoutMilliseconds = 500;
            options.MaxRetries = 1;
            return options;
        }

        [TestMethod]
        public void A_rejected_association_is_refused_and_says_why()
        {
            DlmsMeterReader reader = Reader(new SequenceApduTransport(new byte[][] { DlmsVectors.AareRejecting(1, 13) }), null, -1);

            Assert.AreEqual((int)MeterReadStatus.Refused, (int)reader.Read(Meter("bus-01"), 5000));
            Assert.AreEqual(0, reader.LastError.IndexOf("association rejected: rejected-permanent (1)"), reader.LastError);
        }

        [TestMethod]
        public void A_meter_that_stops_answering_is_no_answer()
        {
            DlmsMeterReader reader = Reader(new SequenceApduTransport(new byte[][] { DlmsVectors.AareAccepting() }), null, -1);

            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)reader.Read(Meter("bus-01"), 5000));
            Assert.IsNotNull(reader.LastError);
            Assert.AreEqual(0, reader.Readings.Count);
        }

        [TestMethod]
        public void A_timeout_stays_no_answer_when_the_release_afterwards_fails_otherwise()
        {
            // The read times out; the courtesy release then finds the link gone. The read's failure is what counts.
            SequenceApduTransport transport = new SequenceApduTransport(new byte[][] { DlmsVectors.AareAccepting() },
                new ApduTransportStatus[] { ApduTransportStatus.Timeout, ApduTransportStatus.Disconnected });
            DlmsMeterReader reader = Reader(transport, null, -1);

            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)reader.Read(Meter("bus-01"), 5000));
            Assert.IsTrue(reader.LastError.IndexOf("Timeout") >= 0, reader.LastError);
            Assert.AreEqual(3, transport.RoundTrips);
        }

        [TestMethod]
        public void A_meter_of_another_protocol_is_not_supported()
        {
            SequenceApduTransport transport = new SequenceApduTransport(new byte[0][]);
            DlmsMeterReader reader = Reader(transport, null, -1);
            MeterDefinition meter = Meter("opto-1");
            meter.Protocol = MeterProtocol.Iec62056_21;

            Assert.AreEqual((int)MeterReadStatus.NotSupported, (int)reader.Read(meter, 5000));
            Assert.AreEqual("meter 'opto-1' is not a DLMS/COSEM meter", reader.LastError);
            Assert.AreEqual(0, transport.RoundTrips);
        }

        [TestMethod]
        public void On_a_bus_the_read_opens_its_own_member_and_always_releases_the_bus()
        {
            ManualClock clock = new ManualClock();
            HdlcAddress live = new HdlcAddress(1, 1001, 4);
            HdlcAddress silent = new HdlcAddress(1, 1002, 4);
            FakeHdlcBus line = new FakeHdlcBus(clock, new HdlcAddress[] { live, silent }, new bool[] { false, true });
            MeterBusArbiter arbiter = new MeterBusArbiter(line, clock, BusOptions());
            int first = arbiter.Add(live, HdlcAddress.Client(HdlcAddress.PublicClient), Line9600);
            int second = arbiter.Add(silent, HdlcAddress.Client(HdlcAddress.PublicClient), Line9600);
            BusMemberTransport transport = new BusMemberTransport(arbiter);
            DlmsMeterReader liveReader = Reader(transport, transport, first);
            DlmsMeterReader silentReader = Reader(transport, transport, second);

            // The live meter takes SNRM (UA) but this bus carries no DLMS answer: the AARQ times out.
            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)liveReader.Read(Meter("bus-01"), 5000));
            Assert.AreEqual(1, arbiter[first].Sessions);
            Assert.AreEqual(0, arbiter[second].Sessions);
            Assert.IsFalse(arbiter.Session.IsOpen);

            // The silent meter fails already at SNRM, bounded by the session's retries.
            long before = clock.Now;
            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)silentReader.Read(Meter("bus-02"), 5000));
            Assert.AreEqual(1, arbiter[second].Sessions);
            Assert.IsTrue(clock.Now - before <= 5000, "took " + (clock.Now - before).ToString() + " ms");

            // Both reads gave the bus back.
            Assert.IsTrue(arbiter.TryAcquire());
            arbiter.End(false);
        }

        [TestMethod]
        public void A_busy_bus_is_a_link_failure_without_a_frame_on_the_line()
        {
            ManualClock clock = new ManualClock();
            HdlcAddress meter = new HdlcAddress(1, 1001, 4);
            FakeHdlcBus line = new FakeHdlcBus(clock, new HdlcAddress[] { meter }, new bool[] { false });
            MeterBusArbiter arbiter = new MeterBusArbiter(line, clock, BusOptions());
            int member = arbiter.Add(meter, HdlcAddress.Client(HdlcAddress.PublicClient), Line9600);
            BusMemberTransport transport = new BusMemberTransport(arbiter);
            DlmsMeterReader reader = Reader(transport, transport, member);
            Assert.IsTrue(arbiter.TryAcquire());

            Assert.AreEqual((int)MeterReadStatus.LinkFailure, (int)reader.Read(Meter("bus-01"), 5000));
            Assert.AreEqual("the bus is busy with another session", reader.LastError);
            Assert.AreEqual(0, line.FramesWritten);
            arbiter.End(false);
        }

        [TestMethod]
        public void Client_failures_map_to_scheduler_statuses()
        {
            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)DlmsMeterReader.StatusOf(DlmsClientStatus.TransportFailed, ApduTransportStatus.Timeout));
            Assert.AreEqual((int)MeterReadStatus.BadAnswer, (int)DlmsMeterReader.StatusOf(DlmsClientStatus.TransportFailed, ApduTransportStatus.Corrupt));
            Assert.AreEqual((int)MeterReadStatus.LinkFailure, (int)DlmsMeterReader.StatusOf(DlmsClientStatus.TransportFailed, ApduTransportStatus.LinkFault));
            Assert.AreEqual((int)MeterReadStatus.Refused, (int)DlmsMeterReader.StatusOf(DlmsClientStatus.DataAccessError, ApduTransportStatus.Ok));
            Assert.AreEqual((int)MeterReadStatus.BadAnswer, (int)DlmsMeterReader.StatusOf(DlmsClientStatus.MalformedResponse, ApduTransportStatus.Ok));
            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)DlmsMeterReader.StatusOf(DlmsClientStatus.BudgetExhausted, ApduTransportStatus.Ok));
        }
    }
}
