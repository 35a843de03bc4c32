using Concentrator.Core.Commands;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Mqtt
{
    [TestClass]
    public class StatusScheduleTests
    {
        private const long Minute = 60000;
        private const long Hour = 3600000;

        // Publishes when due, as the board's link does; true when it did.
        private static bool Tick(StatusSchedule schedule, ManualClock clock, int intervalHours, StatusReport report)
        {
            if (!schedule.IsDue(clock.NowMilliseconds, intervalHours, report))
            {
                return false;
            }

            schedule.Published(clock.NowMilliseconds, report);
            return true;
        }

        [TestMethod]
        public void Published_on_connection_then_every_rint_hours()
        {
            ManualClock clock = new ManualClock();
            clock.Now = 5000;
            StatusSchedule schedule = new StatusSchedule();
            StatusReport report = new StatusReport();
            Assert.IsTrue(Tick(schedule, clock, 2, report), "on connection");
            Assert.IsFalse(Tick(schedule, clock, 2, report), "not twice");
            clock.Advance(2 * Hour - 1);
            Assert.IsFalse(Tick(schedule, clock, 2, report), "1 ms early");
            Assert.AreEqual(1L, schedule.MillisecondsUntilInterval(clock.NowMilliseconds, 2));
            clock.Advance(1);
            Assert.IsTrue(Tick(schedule, clock, 2, report), "RINT=2 after 2 h");
            Assert.AreEqual(2 * Hour, schedule.MillisecondsUntilInterval(clock.NowMilliseconds, 2));
            clock.Advance(2 * Hour + 30 * Minute);
            Assert.IsTrue(Tick(schedule, clock, 2, report), "late check: published at once");
            Assert.IsFalse(Tick(schedule, clock, 2, report));
        }

        [TestMethod]
        public void A_new_rint_applies_at_the_next_check_measured_from_the_last_report()
        {
            ManualClock clock = new ManualClock();
            StatusSchedule schedule = new StatusSchedule();
            StatusReport report = new StatusReport();
            Assert.IsTrue(Tick(schedule, clock, 24, report));
            clock.Advance(3 * Hour);
            Assert.IsFalse(Tick(schedule, clock, 24, report), "RINT=24: 21 h to go");
            Assert.IsTrue(Tick(schedule, clock, 1, report), "MCP CNF RINT=1: an hour has passed since the last one");
            clock.Advance(Hour - Minute);
            Assert.IsFalse(Tick(schedule, clock, 1, report));
            clock.Advance(Minute);
            Assert.IsTrue(Tick(schedule, clock, 1, report));
        }

        [TestMethod]
        public void Rint_zero_publishes_only_on_connection_and_on_changes()
        {
            ManualClock clock = new ManualClock();
            StatusSchedule schedule = new StatusSchedule();
            StatusReport report = new StatusReport();
            report.MetersOffline = 0;
            Assert.IsTrue(Tick(schedule, clock, 0, report));
            Assert.AreEqual(-1L, schedule.MillisecondsUntilInterval(clock.NowMilliseconds, 0));
            clock.Advance(100 * Hour);
            report.QueueDepth = 500; // the queue depth moves all the time: no reason to report
            Assert.IsFalse(Tick(schedule, clock, 0, report), "nothing changed in 100 h");

            report.MetersOffline = 1;
            Assert.IsTrue(Tick(schedule, clock, 0, report), "a meter went offline");
            report.MetersOffline = 0;
            clock.Advance(Minute - 1);
            Assert.IsFalse(Tick(schedule, clock, 0, report), "changes publish at most once a minute");
            clock.Advance(1);
            Assert.IsTrue(Tick(schedule, clock, 0, report), "it came back");

            clock.Advance(Minute);
            report.QueueDropped = 3;
            Assert.IsTrue(Tick(schedule, clock, 0, report), "the full queue dropped messages");
            clock.Advance(Minute);
            report.DefaultPassword = true;
            Assert.IsTrue(Tick(schedule, clock, 0, report), "the password flag changed");
            clock.Advance(Minute);
            Assert.IsFalse(Tick(schedule, clock, 0, report));

            schedule.Connected();
            Assert.IsTrue(Tick(schedule, clock, 0, report), "a new connection");
        }

        [TestMethod]
        public void Status_payload_carries_every_counter_byte_for_byte()
        {
            StatusReport report = new StatusReport();
            ConcentratorStatus status = new ConcentratorStatus();
            status.UptimeSeconds = 86400;
            status.Readings = 2976;
            status.Failures = 4;
            status.MetersOffline = 1;
            status.FreeHeap = 41234;
            status.QueueDepth = 999; // not taken: the queue's own figures are
            report.TakeCounters(status);
            report.QueueDepth = 12;
            report.QueueDropped = 3;
            report.DefaultPassword = true;
            report.IntervalHours = 1;
            JsonWriter writer = new JsonWriter(256);
            StatusPayloadFormatter.WriteOnline(writer, report);
            Assert.AreEqual("{\"state\":\"online\",\"queue_depth\":12,\"queue_dropped\":3,\"default_password\":true,\"uptime_s\":86400,"
                + "\"readings\":2976,\"failures\":4,\"meters_offline\":1,\"free_heap\":41234,\"interval_h\":1}", Ascii.Text(writer.Buffer, 0, writer.Length));

            report.FreeHeap = -1;
            report.IntervalHours = 0;
            writer.Reset();
            StatusPayloadFormatter.WriteOnline(writer, report);
            Assert.AreEqual("{\"state\":\"online\",\"queue_depth\":12,\"queue_dropped\":3,\"default_password\":true,\"uptime_s\":86400,"
                + "\"readings\":2976,\"failures\":4,\"meters_offline\":1,\"interval_h\":0}", Ascii.Text(writer.Buffer, 0, writer.Length), "unknown heap left out");
        }
    }
}
