using System;
using Concentrator.Core.Timing;

namespace Concentrator.Drivers.Timing
{
    /// <summary>The device's monotonic millisecond counter (<c>Environment.TickCount64</c>, nanoFramework.Runtime.Native).</summary>
    public sealed class TickClock : IMillisecondClock
    {
        public long NowMilliseconds
        {
            get { return Environment.TickCount64; }
        }
    }
}
