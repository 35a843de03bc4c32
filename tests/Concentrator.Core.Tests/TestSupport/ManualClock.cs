using Concentrator.Core.Timing;

namespace Concentrator.Core.Tests.TestSupport
{
    /// <summary>Virtual time for tests: the test (or Sleep, or a fake link) moves it; nothing really waits.</summary>
    public sealed class ManualClock : IMillisecondClock
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
