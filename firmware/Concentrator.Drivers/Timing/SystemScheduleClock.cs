using System;
using Concentrator.Core.Scheduling;

namespace Concentrator.Drivers.Timing
{
    /// <summary>The scheduler's clock on the device: UTC from the runtime (set by SNTP once the network is up).</summary>
    public sealed class SystemScheduleClock : IScheduleClock
    {
        public long UtcMilliseconds
        {
            get { return DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond; }
        }
    }
}
