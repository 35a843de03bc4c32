using System;
using System.Threading;
using Concentrator.Core.Timing;

namespace Concentrator.Drivers.Timing
{
    /// <summary>Core's clock on the device: the runtime's monotonic tick count (nanoFramework.Runtime.Native) and Thread.Sleep.</summary>
    public sealed class SystemMillisecondClock : IMillisecondClock
    {
        public long NowMilliseconds
        {
            get { return Environment.TickCount64; }
        }

        public void Sleep(int milliseconds)
        {
            if (milliseconds > 0)
            {
                Thread.Sleep(milliseconds);
            }
        }
    }
}
