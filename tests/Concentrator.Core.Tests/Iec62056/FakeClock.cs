using Concentrator.Core.Timing;

namespace Concentrator.Core.Tests.Iec62056
{
    /// <summary>Virtual time: Sleep and the fake links advance it; nothing really waits.</summary>
    public sealed class FakeClock : IMillisecondClock
    {
        public long Now;

        public long NowMilliseconds
        {
            get { return Now; }
        }

        public void Sleep(int milliseconds)
        {
            if (milliseconds > 0)
            {
                Now += milliseconds;
            }
        }
    }
}
