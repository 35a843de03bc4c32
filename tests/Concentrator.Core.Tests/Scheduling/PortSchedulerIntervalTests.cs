using System;
using System.Threading;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Scheduling
{
    [TestClass]
    public class PortSchedulerIntervalTests
    {
        private static PortScheduler Build(FakeScheduleClock clock, RecordingReadSink sink, FakeMeterReader a, FakeMeterReader b)
        {
            MeterDefinition[] meters = { SchedulerRun.Meter("a", 900, ReadPriority.Billing), SchedulerRun.Meter("b", 900, ReadPriority.Billing) };
            return new PortScheduler(meters, new IMeterReader[] { a, b }, clock, SchedulerRun.Options(2000, 2, 3), sink);
        }

        [TestMethod]
        public void A_new_interval_takes_effect_at_the_next_tick_on_the_new_clock_aligned_slots()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            FakeMeterReader a = FakeMeterReader.Good(clock, 200);
            FakeMeterReader b = FakeMeterReader.Good(clock, 200);
            RecordingReadSink sink = new RecordingReadSink();
            PortScheduler scheduler = Build(clock, sink, a, b);
            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(10, 15, 30));
            Assert.AreEqual(1, a.Calls);

            Assert.IsTrue(scheduler.RequestInterval("a", 60));
            Assert.AreEqual(900, scheduler[0].IntervalSeconds, "nothing changes before the port's thread ticks");
            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(10, 20, 30));

            Assert.AreEqual(60, scheduler[0].IntervalSeconds);
            Assert.AreEqual(6, a.Calls, "10:15 and then every minute from 10:16 to 10:20");
            for (int i = 1; i < 6; i++)
            {
                Assert.AreEqual(FakeScheduleClock.At(10, 15 + i, 0), a.Starts[i], "minute slot " + i.ToString());
            }

            Assert.AreEqual(1, b.Calls, "the other meter keeps its quarter hour");
            Assert.AreEqual(900, scheduler[1].IntervalSeconds);
            Assert.AreEqual(0L, sink.MissedReported, "changing the grid is no missed slot");
        }

        [TestMethod]
        public void A_longer_interval_drops_the_pending_retry_and_waits_for_its_own_slot()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 59, 50);
            FakeMeterReader a = FakeMeterReader.Broken(clock, 100);
            FakeMeterReader b = FakeMeterReader.Good(clock, 100);
            RecordingReadSink sink = new RecordingReadSink();
            MeterDefinition[] meters = { SchedulerRun.Meter("a", 60, ReadPriority.Billing), SchedulerRun.Meter("b", 60, ReadPriority.Billing) };
            PortScheduler scheduler = new PortScheduler(meters, new IMeterReader[] { a, b }, clock, SchedulerRun.Options(2000, 2, 10), sink);
            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(11, 0, 0) + 500);
            Assert.AreEqual(1, a.Calls, "first attempt failed, a retry is pending");

            scheduler.RequestInterval("a", 3600);
            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(11, 59, 59));
            Assert.AreEqual(1, a.Calls, "no retry and nothing before 12:00");

            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(12, 0, 1));
            Assert.AreEqual(2, a.Calls);
            Assert.AreEqual(FakeScheduleClock.At(12, 0, 0), a.Starts[1]);
            Assert.AreEqual(3600, scheduler[0].IntervalSeconds);
        }

        [TestMethod]
        public void Unknown_meter_is_refused_and_an_impossible_interval_throws()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            PortScheduler scheduler = Build(clock, new RecordingReadSink(), FakeMeterReader.Good(clock, 1), FakeMeterReader.Good(clock, 1));
            Assert.IsFalse(scheduler.RequestInterval("zz", 60));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => scheduler.RequestInterval("a", 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => scheduler.RequestInterval("a", 86401));
        }

        [TestMethod]
        public void Requests_from_another_thread_while_the_port_ticks_are_all_taken_up()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            PortScheduler scheduler = Build(clock, new RecordingReadSink(), FakeMeterReader.Good(clock, 1), FakeMeterReader.Good(clock, 1));
            bool done = false;
            Thread commands = new Thread(() =>
            {
                for (int i = 1; i <= 200; i++)
                {
                    scheduler.RequestInterval(i % 2 == 0 ? "a" : "b", 60 + i);
                }

                done = true;
            });
            commands.Start();
            while (!done)
            {
                scheduler.Tick();
            }

            commands.Join();
            scheduler.Tick();
            Assert.AreEqual(260, scheduler[0].IntervalSeconds, "the last request for a wins");
            Assert.AreEqual(259, scheduler[1].IntervalSeconds, "the last request for b wins");
        }
    }
}
