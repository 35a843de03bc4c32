using Concentrator.Core.Diagnostics;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Diagnostics
{
    [TestClass]
    public class FrameCaptureTests
    {
        private static readonly byte[] SignOn = Ascii.Bytes("/?!\r\n");
        private static readonly byte[] Identification = Ascii.Bytes("/LGZ4ZMF100AC.M29\r\n");

        private static FrameCapture New(ManualClock clock, RecordingCaptureOutput output, int capacity)
        {
            return new FrameCapture(capacity, clock, output, 900000);
        }

        [TestMethod]
        public void A_session_is_recorded_in_order_with_times_directions_and_line_changes()
        {
            ManualClock clock = new ManualClock();
            clock.Now = 5000;
            RecordingCaptureOutput output = new RecordingCaptureOutput();
            FrameCapture capture = New(clock, output, 2048);
            CapturingByteLink link = new CapturingByteLink(new ScriptedByteLink(new object[] { Identification }), capture);

            Assert.IsTrue(capture.Arm("m1", 1));
            Assert.IsTrue(capture.Begin("m1", link));
            link.Configure(new LineSettings(300, 7, LineParity.Even, 1, false));
            link.Write(SignOn, 0, SignOn.Length);
            clock.Advance(123);
            byte[] buffer = new byte[64];
            int read;
            Assert.AreEqual((int)LinkStatus.Ok, (int)link.Read(buffer, 0, buffer.Length, 100, out read));
            clock.Advance(10);
            capture.End("m1", "ok", null);

            Assert.AreEqual(1, output.Count);
            Assert.AreEqual("m1", output.MeterId);
            Assert.AreEqual(
                "capture m1: 1 of 1 session(s), 24 bytes in 3 chunk(s); +ms from the first session's start\n"
                + "+0ms session 1 start\n"
                + "+0ms LINE 300 7E1\n"
                + "+0ms TX 2F 3F 21 0D 0A\n"
                + "+123ms RX 2F 4C 47 5A 34 5A 4D 46 31 30 30 41 43 2E 4D 32 39 0D 0A\n"
                + "+133ms session 1 end: ok\n",
                output.Dump);
            Assert.IsNull(capture.MeterId, "free for the next capture");
        }

        [TestMethod]
        public void Pieces_of_one_direction_close_together_are_one_chunk_and_long_chunks_wrap()
        {
            ManualClock clock = new ManualClock();
            RecordingCaptureOutput output = new RecordingCaptureOutput();
            FrameCapture capture = New(clock, output, 2048);
            object link = new object();
            capture.Arm("m1", 1);
            capture.Begin("m1", link);
            byte[] data = new byte[40];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)i;
            }

            capture.Record(link, CaptureRecordKind.Receive, data, 0, 20);
            clock.Advance(FrameCapture.BurstGapMilliseconds - 1);
            capture.Record(link, CaptureRecordKind.Receive, data, 20, 20);
            clock.Advance(FrameCapture.BurstGapMilliseconds);
            capture.Record(link, CaptureRecordKind.Receive, data, 0, 1);
            capture.End("m1", "ok", null);

            Assert.IsTrue(output.Dump.IndexOf("41 bytes in 2 chunk(s)") > 0, output.Dump);
            Assert.IsTrue(output.Dump.IndexOf("\n+99ms RX 00\n") > 0, "a gap of 50 ms starts a new chunk: " + output.Dump);
            Assert.IsTrue(output.Dump.IndexOf("+0ms RX 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F\n       20 21 22 23 24 25 26 27\n") > 0, output.Dump);
        }

        [TestMethod]
        public void Only_the_armed_meters_session_on_its_link_is_recorded()
        {
            ManualClock clock = new ManualClock();
            RecordingCaptureOutput output = new RecordingCaptureOutput();
            FrameCapture capture = New(clock, output, 2048);
            object bus = new object();
            object otherPort = new object();
            capture.Arm("bus-07", 2);

            Assert.IsFalse(capture.Begin("bus-06", bus), "another meter on the bus");
            capture.Record(bus, CaptureRecordKind.Transmit, SignOn, 0, 5);
            Assert.IsTrue(capture.Begin("bus-07", bus));
            capture.Record(otherPort, CaptureRecordKind.Receive, Identification, 0, 19);
            capture.Record(bus, CaptureRecordKind.Transmit, SignOn, 0, 5);
            capture.End("bus-07", "no answer", "NoAnswer: no identification within 1500 ms");
            Assert.AreEqual(0, output.Count, "one of two sessions");
            capture.Record(bus, CaptureRecordKind.Transmit, SignOn, 0, 5);

            clock.Advance(900);
            Assert.IsTrue(capture.Begin("bus-07", bus));
            capture.End("bus-07", "ok", null);

            Assert.AreEqual(1, output.Count);
            Assert.IsTrue(output.Dump.IndexOf("2 of 2 session(s), 5 bytes in 1 chunk(s)") > 0, output.Dump);
            Assert.IsTrue(output.Dump.IndexOf("+0ms session 1 end: no answer: NoAnswer: no identification within 1500 ms\n+900ms session 2 start\n+900ms session 2 end: ok\n") > 0, output.Dump);
        }

        [TestMethod]
        public void A_full_buffer_truncates_with_a_marker_and_still_ends_the_sessions()
        {
            ManualClock clock = new ManualClock();
            RecordingCaptureOutput output = new RecordingCaptureOutput();
            FrameCapture capture = New(clock, output, 256);
            object link = new object();
            byte[] block = new byte[100];
            capture.Arm("m1", 1);
            capture.Begin("m1", link);
            for (int i = 0; i < 5; i++)
            {
                clock.Advance(100);
                capture.Record(link, CaptureRecordKind.Receive, block, 0, block.Length);
            }

            capture.End("m1", "ok", null);

            // 256 bytes: the start marker (7), two chunks of 7 + 100, then 28 bytes of the third (7 for its header).
            Assert.IsTrue(output.Dump.IndexOf("228 bytes in 3 chunk(s)") > 0, output.Dump);
            Assert.IsTrue(output.Dump.IndexOf("+300ms RX 00 00") > 0, output.Dump);
            Assert.IsTrue(output.Dump.IndexOf("+400ms") < 0, "nothing after the buffer filled");
            Assert.IsTrue(output.Dump.IndexOf("+500ms session 1 end: ok\nTRUNCATED: the 256-byte capture buffer is full; 272 more byte(s) in 2 chunk(s) not recorded\n") > 0, output.Dump);
        }

        [TestMethod]
        public void One_capture_at_a_time_and_one_past_its_bound_is_published_with_a_note()
        {
            ManualClock clock = new ManualClock();
            RecordingCaptureOutput output = new RecordingCaptureOutput();
            FrameCapture capture = new FrameCapture(1024, clock, output, 60000);
            object link = new object();
            Assert.IsTrue(capture.Arm("m1", 2));
            Assert.IsFalse(capture.Arm("m2", 1), "busy");
            capture.Begin("m1", link);
            capture.Record(link, CaptureRecordKind.Transmit, SignOn, 0, 5);
            capture.End("m1", "ok", null);

            clock.Advance(119999);
            capture.Expire();
            Assert.AreEqual(0, output.Count, "within 2 x 60 s");
            clock.Advance(1);
            capture.Expire();
            Assert.AreEqual(1, output.Count);
            Assert.IsTrue(output.Dump.IndexOf("1 of 2 session(s)") > 0, output.Dump);
            Assert.IsTrue(output.Dump.IndexOf("INCOMPLETE: 1 of 2 session(s) within 120 s; published with what was recorded\n") > 0, output.Dump);
            Assert.IsTrue(capture.Arm("m2", 1));
        }

        [TestMethod]
        public void Arming_over_a_capture_past_its_bound_publishes_it_first()
        {
            ManualClock clock = new ManualClock();
            RecordingCaptureOutput output = new RecordingCaptureOutput();
            FrameCapture capture = new FrameCapture(1024, clock, output, 1000);
            object link = new object();
            capture.Arm("m1", 1);
            capture.Begin("m1", link);
            capture.Record(link, CaptureRecordKind.Transmit, SignOn, 0, 5);
            clock.Advance(1000);

            Assert.IsTrue(capture.Arm("m2", 1));
            Assert.AreEqual("m1", output.MeterId);
            Assert.IsTrue(output.Dump.IndexOf("session 1 end: cut: the capture's time bound passed during the session\n") > 0, output.Dump);
            Assert.IsFalse(capture.Recording, "m1's link records no more");
            capture.Record(link, CaptureRecordKind.Transmit, SignOn, 0, 5);
            Assert.AreEqual("m2", capture.MeterId);
        }

        [TestMethod]
        public void A_push_link_begins_by_itself_and_the_sink_ends_each_telegram()
        {
            ManualClock clock = new ManualClock();
            RecordingCaptureOutput output = new RecordingCaptureOutput();
            FrameCapture capture = New(clock, output, 2048);
            byte[] telegram = Ascii.Bytes("/ISK5\r\n!1234\r\n");
            CapturingByteLink link = new CapturingByteLink(new ScriptedByteLink(new object[] { telegram, telegram }), capture);
            link.ContinuousMeterId = "p1";
            byte[] buffer = new byte[64];
            int read;
            link.Read(buffer, 0, buffer.Length, 100, out read);
            Assert.IsFalse(capture.Recording, "not armed: nothing recorded");

            capture.Arm("p1", 1);
            link.Read(buffer, 0, buffer.Length, 100, out read);
            capture.End("p1", "telegram", null);

            Assert.AreEqual(1, output.Count);
            Assert.IsTrue(output.Dump.IndexOf("+0ms RX 2F 49 53 4B 35 0D 0A 21 31 32 33 34 0D 0A\n+0ms session 1 end: telegram\n") > 0, output.Dump);
        }

        [TestMethod]
        public void The_reader_decorator_captures_the_chosen_meters_read_with_its_outcome()
        {
            ManualClock clock = new ManualClock();
            RecordingCaptureOutput output = new RecordingCaptureOutput();
            FrameCapture capture = New(clock, output, 2048);
            object link = new object();
            StubReader inner = new StubReader(capture, link);
            CapturingMeterReader reader = new CapturingMeterReader(inner, capture, link);
            MeterDefinition meter = Concentrator.Core.Tests.Scheduling.SchedulerRun.Meter("m1", 900, ReadPriority.Instantaneous);

            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)reader.Read(meter, 1000));
            Assert.AreEqual(0, output.Count, "not armed");
            capture.Arm("m1", 1);
            reader.Read(meter, 1000);

            Assert.AreEqual(1, output.Count);
            Assert.IsTrue(output.Dump.IndexOf("+0ms TX 2F 3F 21 0D 0A\n+0ms session 1 end: no answer: silent\n") > 0, output.Dump);
        }

        private sealed class StubReader : IMeterReader
        {
            private readonly FrameCapture _capture;
            private readonly object _link;

            public StubReader(FrameCapture capture, object link)
            {
                _capture = capture;
                _link = link;
            }

            public Concentrator.Core.Readings.ReadingSet Readings
            {
                get { return null; }
            }

            public string LastError
            {
                get { return "silent"; }
            }

            public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
            {
                _capture.Record(_link, CaptureRecordKind.Transmit, SignOn, 0, SignOn.Length);
                return MeterReadStatus.NoAnswer;
            }
        }
    }
}
