using System;
using Concentrator.Core.Scheduling;

namespace Concentrator.Core.Tests.Scheduling
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class FakeScheduleClock : IScheduleClock
    {
        public long Now;

        /// <summary>Starts at the given UTC time of 2026-11-21.</summary>
        public FakeScheduleClock(int hour, int minute, int second)
        {
            Now = At(hour, minute, second);
        }

        public long UtcMilliseconds
        {
            get { return Now; }
        }

        public void Advance(long milliseconds)
        {
            Now += milliseconds;
        }

        public static long At(DateTime utc)
        {
            return utc.Ticks / 10000;
        }

        public static long At(int hour, int minute, int second)
        {
            return At(new DateTime(2026, 11, 21, hour, minute, second));
        }
    }
}
