using System;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Scheduling
{
    [TestClass]
    public class PortSchedulerTests
    {
        private static PortScheduler Build(FakeScheduleClock clock, SchedulerOptions options, RecordingReadSink sink, MeterDefinition[] meters, FakeMeterReader[] readers)
        {
            IMeterReader[] asReaders = new IMeterReader[readers.Length];
            for (int i = 0; i < readers.Length; i++)
            {
                asReaders[i] = readers[i];
            }

            return new PortScheduler(meters, asReaders, clock, options, sink);
        }

        [TestMethod]
        public void Silent_and_broken_meters_do_not_delay_the_others_beyond_their_budget()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            MeterDefinition[] meters =
            {
                SchedulerRun.Meter("silent", 60, ReadPriority.Billing),
                SchedulerRun.Meter("broken", 60, ReadPriority.Billing),
                SchedulerRun.Meter("good-a", 60, ReadPriority.Billing),
                SchedulerRun.Meter("good-b", 60, ReadPriority.Billing),
            };
            FakeMeterReader[] readers =
            {
                FakeMeterReader.SilentMeter(clock), FakeMeterReader.Broken(clock, 100), FakeMeterReader.Good(clock, 300), FakeMeterReader.Good(clock, 300),
            };
            RecordingReadSink sink = new RecordingReadSink();
            PortScheduler scheduler = Build(clock, SchedulerRun.Options(2000, 2, 1000), sink, meters, readers);

            long firstSlot = FakeScheduleClock.At(10, 8, 0);
            SchedulerRun.Until(scheduler, clock, firstSlot + 10 * 60000);

            // First slot: in inventory order, so the good meters wait for one budget (silent) and one failed read (broken).
            Assert.AreEqual(firstSlot + 2100, readers[2].Starts[0]);
            Assert.AreEqual(firstSlot + 2400, readers[3].Starts[0]);
            // From then on the meters that answered were attempted longest ago and go first: exactly on time.
            for (int slot = 1; slot < 10; slot++)
            {
                long start = firstSlot + slot * 60000L;
                Assert.AreEqual(start, readers[2].Starts[slot], "good-a in slot " + slot.ToString());
                Assert.AreEqual(start + 300, readers[3].Starts[slot], "good-b in slot " + slot.ToString());
            }

            Assert.AreEqual(2400L, scheduler[3].MaxFirstAttemptDelayMilliseconds, "the worst wait: one budget, one failed read, one good read");
            Assert.AreEqual(0L, scheduler[3].LastStartDelayMilliseconds - 300);
            Assert.AreEqual(10, readers[2].Calls);
            Assert.AreEqual(10, readers[3].Calls);
            Assert.AreEqual(30, readers[0].Calls, "the silent meter: a first attempt and 2 retries per slot");
            Assert.AreEqual(30, readers[1].Calls);
            Assert.AreEqual(20, sink.ReadingCount);
            Assert.AreEqual(60, sink.FailureCount);
            Assert.AreEqual(40, sink.RetriesAnnounced);
            Assert.AreEqual(10L, scheduler[0].FailedSlots);
            Assert.AreEqual(0L, sink.MissedReported);
            Assert.AreEqual(0L, scheduler[0].Overruns, "a silent meter that keeps its budget is no overrun");
            Assert.AreEqual("no answer", scheduler[0].LastError);
            Assert.AreEqual((int)MeterReadStatus.BadAnswer, (int)scheduler[1].LastStatus);
        }

        [TestMethod]
        public void Due_meters_are_read_by_priority()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            MeterDefinition[] meters =
            {
                SchedulerRun.Meter("profile", 900, ReadPriority.Profile),
                SchedulerRun.Meter("instant", 900, ReadPriority.Instantaneous),
                SchedulerRun.Meter("billing", 900, ReadPriority.Billing),
            };
            FakeMeterReader[] readers = { FakeMeterReader.Good(clock, 500), FakeMeterReader.Good(clock, 500), FakeMeterReader.Good(clock, 500) };
            RecordingReadSink sink = new RecordingReadSink();
            PortScheduler scheduler = Build(clock, SchedulerRun.Options(2000, 2, 5), sink, meters, readers);

            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(10, 16, 0));

            long quarter = FakeScheduleClock.At(10, 15, 0);
            Assert.AreEqual(quarter, readers[1].Starts[0], "instantaneous first, on the quarter hour");
            Assert.AreEqual(quarter + 500, readers[2].Starts[0]);
            Assert.AreEqual(quarter + 1000, readers[0].Starts[0]);
            Assert.AreEqual(1, sink.ReadOrder[0]);
            Assert.AreEqual(2, sink.ReadOrder[1]);
            Assert.AreEqual(0, sink.ReadOrder[2]);
            Assert.AreEqual(1000L, scheduler[0].LastStartDelayMilliseconds);
        }

        [TestMethod]
        public void Failed_reads_are_retried_with_doubling_delays_within_the_slot()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            MeterDefinition[] meters = { SchedulerRun.Meter("broken", 60, ReadPriority.Billing) };
            FakeMeterReader[] readers = { FakeMeterReader.Broken(clock, 100) };
            RecordingReadSink sink = new RecordingReadSink();
            PortScheduler scheduler = Build(clock, SchedulerRun.Options(2000, 3, 1000), sink, meters, readers);

            long slot = FakeScheduleClock.At(10, 8, 0);
            SchedulerRun.Until(scheduler, clock, slot + 60000);

            Assert.AreEqual(4, readers[0].Calls);
            Assert.AreEqual(slot, readers[0].Starts[0]);
            Assert.AreEqual(slot + 100 + 1000, readers[0].Starts[1]);
            Assert.AreEqual(slot + 1200 + 2000, readers[0].Starts[2]);
            Assert.AreEqual(slot + 3300 + 4000, readers[0].Starts[3]);
            Assert.AreEqual(3, sink.RetriesAnnounced);
            Assert.AreEqual(1L, scheduler[0].FailedSlots);
            Assert.AreEqual("bad checksum", sink.LastError);
        }

        [TestMethod]
        public void A_retry_that_would_fall_into_the_next_slot_is_not_made()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            MeterDefinition[] meters = { SchedulerRun.Meter("broken", 5, ReadPriority.Billing) };
            FakeMeterReader[] readers = { FakeMeterReader.Broken(clock, 100) };
            RecordingReadSink sink = new RecordingReadSink();
            PortScheduler scheduler = Build(clock, SchedulerRun.Options(2000, 3, 1000), sink, meters, readers);

            long slot = FakeScheduleClock.At(10, 7, 15);
            SchedulerRun.Until(scheduler, clock, slot + 5000);

            // Attempts at +0 and +1100; the next would be at +3200 (fits), then +7300 (past the slot at +5000).
            Assert.AreEqual(3, readers[0].Calls);
            Assert.AreEqual(slot + 3200, readers[0].Starts[2]);
            Assert.AreEqual(2, sink.RetriesAnnounced);
            Assert.AreEqual(3, sink.FailureCount);
            Assert.AreEqual(0L, sink.MissedReported, "a slot with attempts is failed, not missed");
        }

        [TestMethod]
        public void A_meter_goes_offline_is_probed_less_often_and_recovers_by_itself()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            MeterDefinition[] meters = { SchedulerRun.Meter("flaky", 60, ReadPriority.Billing) };
            FakeMeterReader[] readers = { FakeMeterReader.Broken(clock, 100) };
            RecordingReadSink sink = new RecordingReadSink();
            PortScheduler scheduler = Build(clock, SchedulerRun.Options(2000, 0, 3), sink, meters, readers);

            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(10, 25, 0));
            Assert.IsTrue(scheduler[0].Offline);
            Assert.AreEqual(1, sink.OfflineEvents);
            Assert.AreEqual(4, readers[0].Calls, "10:08, 10:09, 10:10 (then offline), probe at 10:20");
            Assert.AreEqual(FakeScheduleClock.At(10, 10, 0), readers[0].Starts[2]);
            Assert.AreEqual(FakeScheduleClock.At(10, 20, 0), readers[0].Starts[3]);

            readers[0].Answer = MeterReadStatus.Ok; // the cable is fixed
            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(10, 32, 30));

            Assert.IsFalse(scheduler[0].Offline);
            Assert.AreEqual(1, sink.OnlineEvents);
            Assert.AreEqual(FakeScheduleClock.At(10, 30, 0), readers[0].Starts[4], "the next probe slot");
            Assert.AreEqual(FakeScheduleClock.At(10, 31, 0), readers[0].Starts[5], "back on its own interval");
            Assert.AreEqual(FakeScheduleClock.At(10, 32, 0), readers[0].Starts[6]);
            Assert.AreEqual(3, sink.ReadingCount);
            Assert.AreEqual(0, scheduler[0].ConsecutiveFailures);
            Assert.AreEqual(0L, sink.MissedReported, "skipped slots of an offline meter are not reported as missed");
        }

        [TestMethod]
        public void Slots_passed_during_an_overrunning_read_are_reported_as_missed()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            MeterDefinition[] meters = { SchedulerRun.Meter("slow", 60, ReadPriority.Billing), SchedulerRun.Meter("good", 60, ReadPriority.Billing) };
            FakeMeterReader[] readers = { FakeMeterReader.Good(clock, 150000), FakeMeterReader.Good(clock, 200) };
            RecordingReadSink sink = new RecordingReadSink();
            PortScheduler scheduler = Build(clock, SchedulerRun.Options(2000, 2, 5), sink, meters, readers);

            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(10, 10, 30) + 100);

            // "slow" ran 10:08:00 .. 10:10:30: "good" never got 10:08 and 10:09, "slow" never got 10:09.
            Assert.AreEqual(2L, scheduler[1].MissedSlots);
            Assert.AreEqual(1L, scheduler[0].MissedSlots);
            Assert.AreEqual(3L, sink.MissedReported);
            Assert.AreEqual(1L, scheduler[0].Overruns);
            Assert.AreEqual(FakeScheduleClock.At(10, 10, 30), readers[1].Starts[0], "the meter that waited goes first");
        }

        [TestMethod]
        public void A_clock_set_back_restarts_from_the_slot_of_the_new_time()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            MeterDefinition[] meters = { SchedulerRun.Meter("m", 60, ReadPriority.Billing) };
            FakeMeterReader[] readers = { FakeMeterReader.Good(clock, 100) };
            RecordingReadSink sink = new RecordingReadSink();
            PortScheduler scheduler = Build(clock, SchedulerRun.Options(2000, 2, 5), sink, meters, readers);

            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(10, 9, 30));
            Assert.AreEqual(2, readers[0].Calls);

            clock.Now = FakeScheduleClock.At(9, 0, 0) + 500; // a time sync set the clock an hour back
            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(9, 1, 30));

            Assert.AreEqual(FakeScheduleClock.At(9, 0, 0) + 500, readers[0].Starts[2]);
            Assert.AreEqual(FakeScheduleClock.At(9, 1, 0), readers[0].Starts[3]);
            Assert.AreEqual(0L, sink.MissedReported);
        }

        [TestMethod]
        public void Tick_says_how_long_nothing_is_due()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            MeterDefinition[] meters = { SchedulerRun.Meter("m", 900, ReadPriority.Billing) };
            FakeMeterReader[] readers = { FakeMeterReader.Good(clock, 100) };
            PortScheduler scheduler = Build(clock, SchedulerRun.Options(2000, 2, 5), new RecordingReadSink(), meters, readers);

            Assert.AreEqual(FakeScheduleClock.At(10, 15, 0) - clock.Now, scheduler.Tick());
            Assert.AreEqual(0, readers[0].Calls);
        }

        [TestMethod]
        public void Push_meters_and_mismatched_readers_are_refused_with_a_reason()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            MeterDefinition[] push = { SchedulerRun.Meter("p1", 0, ReadPriority.Instantaneous) };
            IMeterReader[] one = { FakeMeterReader.Good(clock, 1) };
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new PortScheduler(push, one, clock, null, new RecordingReadSink()));
            Assert.ThrowsException(typeof(ArgumentException), () => new PortScheduler(push, new IMeterReader[2], clock, null, new RecordingReadSink()));

            SchedulerOptions bad = new SchedulerOptions();
            bad.ReadBudgetMilliseconds = 0;
            MeterDefinition[] polled = { SchedulerRun.Meter("m", 60, ReadPriority.Billing) };
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new PortScheduler(polled, one, clock, bad, new RecordingReadSink()));
        }

        [TestMethod]
        public void A_reader_that_throws_is_a_link_failure_and_the_others_are_still_read()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            MeterDefinition[] meters = { SchedulerRun.Meter("throws", 60, ReadPriority.Billing), SchedulerRun.Meter("good", 60, ReadPriority.Billing) };
            IMeterReader[] readers = { new ThrowingMeterReader(), FakeMeterReader.Good(clock, 100) };
            RecordingReadSink sink = new RecordingReadSink();
            PortScheduler scheduler = new PortScheduler(meters, readers, clock, SchedulerRun.Options(2000, 0, 5), sink);

            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(10, 10, 30));

            Assert.AreEqual(3L, scheduler[1].Reads);
            Assert.AreEqual((int)MeterReadStatus.LinkFailure, (int)scheduler[0].LastStatus);
            Assert.AreEqual("reader failed: port driver fault", scheduler[0].LastError);
        }
    }
}
