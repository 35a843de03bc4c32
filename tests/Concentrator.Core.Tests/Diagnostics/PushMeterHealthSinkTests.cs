using Concentrator.Core.Commands;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Dsmr;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Tests.Scheduling;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Diagnostics
{
    /// <summary>DIAG state transitions of push and polled meters through the health-keeping sinks, and dump parts.</summary>
    [TestClass]
    public class PushMeterHealthSinkTests
    {
        [TestMethod]
        public void Telegrams_silence_and_bad_telegrams_move_a_push_meter_between_ok_offline_and_failing()
        {
            ManualClock clock = new ManualClock();
            MeterHealth health = new MeterHealth("p1", clock);
            CountingP1Sink inner = new CountingP1Sink();
            RecordingCaptureOutput output = new RecordingCaptureOutput();
            FrameCapture capture = new FrameCapture(512, clock, output, 60000);
            PushMeterHealthSink sink = new PushMeterHealthSink(inner, null, health, capture);
            sink.Link = "COM2 115200 8N1 inverted";
            MeterDiagnostics d = new MeterDiagnostics();

            sink.OnTelegram(null);
            health.Fill(d);
            Assert.AreEqual(1, (int)d.Readings);
            Assert.AreEqual("COM2 115200 8N1 inverted", d.WorkingLink);
            Assert.IsFalse(d.Offline);

            sink.OnSilence(60000);
            health.Fill(d);
            Assert.IsTrue(d.Offline);
            Assert.AreEqual("no data for 60 s", d.LastError);

            DsmrError error = new DsmrError();
            sink.OnFailure(error);
            health.Fill(d);
            Assert.AreEqual(1, d.ConsecutiveFailures);
            Assert.AreEqual(error.ToString(), d.LastError);

            sink.OnTelegram(null);
            health.Fill(d);
            Assert.IsFalse(d.Offline, "a telegram brings it back");
            Assert.AreEqual(0, d.ConsecutiveFailures);
            Assert.AreEqual(2, inner.Telegrams);
            Assert.AreEqual(1, inner.Failures);
            Assert.AreEqual(1, inner.Silences);

            // A captured telegram ends its session in the sink.
            object link = new object();
            capture.Arm("p1", 1);
            Assert.IsTrue(capture.Begin("p1", link));
            sink.OnTelegram(null);
            Assert.AreEqual(1, output.Count);
            Assert.IsTrue(output.Dump.IndexOf("session 1 end: telegram") > 0, output.Dump);
        }

        [TestMethod]
        public void The_scheduler_sink_keeps_failures_offline_and_the_link_that_worked()
        {
            ManualClock clock = new ManualClock();
            MeterHealth[] health = new MeterHealth[] { new MeterHealth("bus-01", clock) };
            RecordingReadSink inner = new RecordingReadSink();
            MeterHealthSink sink = new MeterHealthSink(inner, health, new string[] { "COM3 9600 8N1 HDLC 1/17" });
            FakeScheduleClock scheduleClock = new FakeScheduleClock(10, 0, 0);
            FakeMeterReader reader = FakeMeterReader.Good(scheduleClock, 100);
            PortScheduler scheduler = new PortScheduler(new Concentrator.Core.Meters.MeterDefinition[] { SchedulerRun.Meter("bus-01", 60, ReadPriority.Instantaneous) },
                new IMeterReader[] { reader }, scheduleClock, SchedulerRun.Options(2000, 0, 2), sink);
            MeterSchedule meter = scheduler[0];
            MeterDiagnostics d = new MeterDiagnostics();

            sink.OnReading(meter, null, 0, 0);
            sink.OnReadFailed(meter, MeterReadStatus.NoAnswer, null, false);
            sink.OnReadFailed(meter, MeterReadStatus.BadAnswer, "bad FCS", false);
            sink.OnOffline(meter);
            health[0].Fill(d);
            Assert.IsTrue(d.Offline);
            Assert.AreEqual(2, d.ConsecutiveFailures);
            Assert.AreEqual("bad FCS", d.LastError);
            Assert.AreEqual("COM3 9600 8N1 HDLC 1/17", d.WorkingLink, "the reader gives none: the port's settings");

            sink.OnReadFailed(meter, MeterReadStatus.NoAnswer, null, false);
            health[0].Fill(d);
            Assert.AreEqual("no answer", d.LastError, "a status word when the reader gave no text");

            sink.OnOnline(meter);
            health[0].Fill(d);
            Assert.IsFalse(d.Offline);
        }

        [TestMethod]
        public void A_long_dump_is_cut_into_parts_at_line_ends()
        {
            byte[] text = Ascii.Bytes("line one\nline two\nline three\n");
            Assert.AreEqual(18, FrameCapture.PartLength(text, 0, text.Length, 20), "two whole lines");
            Assert.AreEqual(11, FrameCapture.PartLength(text, 18, text.Length, 20), "the rest fits");
            Assert.AreEqual(5, FrameCapture.PartLength(text, 0, text.Length, 5), "a line longer than a part is cut");
        }

        private sealed class CountingP1Sink : IP1TelegramSink
        {
            public int Telegrams;
            public int Failures;
            public int Silences;

            public void OnTelegram(ReadingSet readings)
            {
                Telegrams++;
            }

            public void OnFailure(DsmrError error)
            {
                Failures++;
            }

            public void OnSilence(int silentMilliseconds)
            {
                Silences++;
            }
        }
    }
}
