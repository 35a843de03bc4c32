using System;
using Concentrator.Core.Timing;

namespace Concentrator.App.Commands
{
    /// <summary>Core's monotonic millisecond clock on the board: milliseconds since boot.</summary>
    public sealed class TickClock : IMillisecondClock
    {
        public long NowMilliseconds
        {
            get { return Environment.TickCount64; }
        }
    }
}
