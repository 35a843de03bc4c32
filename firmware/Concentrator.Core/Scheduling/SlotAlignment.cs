namespace Concentrator.Core.Scheduling
{
    /// <summary>
    /// Poll slots aligned to the clock: an interval of N seconds has slots at midnight UTC + k × N (every 900 s: on the
    /// quarter hour; every 3600 s: on the hour). When N does not divide a day, the day's last slot is shorter and the
    /// next day starts again at midnight. Times are UTC milliseconds (<see cref="IScheduleClock"/>).
    /// </summary>
    public static class SlotAlignment
    {
        public const int SecondsPerDay = 86400;
        public const long MillisecondsPerDay = 86400000L;

        /// <summary>The start of the slot that contains <paramref name="nowMilliseconds"/> (at or before it).</summary>
        public static long CurrentSlot(long nowMilliseconds, long intervalMilliseconds)
        {
            long day = nowMilliseconds - nowMilliseconds % MillisecondsPerDay;
            long intoDay = nowMilliseconds - day;
            return day + intoDay - intoDay % intervalMilliseconds;
        }

        /// <summary>The start of the slot after the one that starts at <paramref name="slotMilliseconds"/>.</summary>
        public static long NextSlot(long slotMilliseconds, long intervalMilliseconds)
        {
            long day = slotMilliseconds - slotMilliseconds % MillisecondsPerDay;
            long next = slotMilliseconds - (slotMilliseconds - day) % intervalMilliseconds + intervalMilliseconds;
            long nextDay = day + MillisecondsPerDay;
            return next > nextDay ? nextDay : next;
        }

        /// <summary>The first slot at or after <paramref name="nowMilliseconds"/>.</summary>
        public static long FirstSlotFrom(long nowMilliseconds, long intervalMilliseconds)
        {
            long current = CurrentSlot(nowMilliseconds, intervalMilliseconds);
            return current == nowMilliseconds ? current : NextSlot(current, intervalMilliseconds);
        }

        /// <summary>How many slots start in [<paramref name="fromSlot"/>, <paramref name="toSlot"/>); both are slot starts.</summary>
        public static long SlotsBetween(long fromSlot, long toSlot, long intervalMilliseconds)
        {
            if (toSlot <= fromSlot)
            {
                return 0;
            }

            long fromDay = fromSlot - fromSlot % MillisecondsPerDay;
            long toDay = toSlot - toSlot % MillisecondsPerDay;
            if (fromDay == toDay)
            {
                return (toSlot - fromSlot) / intervalMilliseconds;
            }

            long slotsPerDay = (MillisecondsPerDay + intervalMilliseconds - 1) / intervalMilliseconds;
            long restOfFirstDay = slotsPerDay - (fromSlot - fromDay) / intervalMilliseconds;
            long wholeDays = (toDay - fromDay) / MillisecondsPerDay - 1;
            return restOfFirstDay + wholeDays * slotsPerDay + (toSlot - toDay) / intervalMilliseconds;
        }
    }
}
