using Concentrator.Core.Scheduling;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Scheduling
{
    [TestClass]
    public class SlotAlignmentTests
    {
        [TestMethod]
        public void Quarter_hour_slots_start_on_the_quarter()
        {
            long now = FakeScheduleClock.At(10, 7, 13);
            Assert.AreEqual(FakeScheduleClock.At(10, 0, 0), SlotAlignment.CurrentSlot(now, 900000));
            Assert.AreEqual(FakeScheduleClock.At(10, 15, 0), SlotAlignment.FirstSlotFrom(now, 900000));
            Assert.AreEqual(FakeScheduleClock.At(10, 30, 0), SlotAlignment.NextSlot(FakeScheduleClock.At(10, 15, 0), 900000));
        }

        [TestMethod]
        public void Hourly_slots_start_on_the_hour_and_a_time_on_a_slot_is_that_slot()
        {
            long onTheHour = FakeScheduleClock.At(11, 0, 0);
            Assert.AreEqual(onTheHour, SlotAlignment.FirstSlotFrom(onTheHour, 3600000));
            Assert.AreEqual(onTheHour, SlotAlignment.CurrentSlot(onTheHour + 3599999, 3600000));
            Assert.AreEqual(FakeScheduleClock.At(12, 0, 0), SlotAlignment.FirstSlotFrom(onTheHour + 1, 3600000));
        }

        [TestMethod]
        public void Seconds_slots_are_multiples_of_the_interval_since_midnight_utc()
        {
            // 7 s does not divide a day: slots at 0, 7, 14 … 86394 s, and the next day starts again at midnight.
            long midnight = FakeScheduleClock.At(0, 0, 0);
            Assert.AreEqual(midnight + 14000, SlotAlignment.CurrentSlot(midnight + 20999, 7000));
            long lastOfDay = midnight + 86394000;
            Assert.AreEqual(lastOfDay, SlotAlignment.CurrentSlot(midnight + 86399999, 7000));
            Assert.AreEqual(midnight + 86400000, SlotAlignment.NextSlot(lastOfDay, 7000));
        }

        [TestMethod]
        public void Slots_between_counts_across_midnight()
        {
            long midnight = FakeScheduleClock.At(0, 0, 0);
            Assert.AreEqual(4L, SlotAlignment.SlotsBetween(midnight, midnight + 3600000, 900000));
            Assert.AreEqual(0L, SlotAlignment.SlotsBetween(midnight, midnight, 900000));
            // 23:30 to 00:30 the next day: 23:30, 23:45, 00:00, 00:15.
            Assert.AreEqual(4L, SlotAlignment.SlotsBetween(midnight + 84600000, midnight + 86400000 + 1800000, 900000));
            // 7 s: 86394 s is the day's last slot; it and the new day's 0 and 7 s slots.
            Assert.AreEqual(3L, SlotAlignment.SlotsBetween(midnight + 86394000, midnight + 86400000 + 14000, 7000));
        }
    }
}
