using Concentrator.Core.Timing;

namespace Concentrator.Core.Tests.TestSupport
{
    /// <summary>Virtual time for tests: the test (or Sleep, or a fake link waiting out a timeout) moves it; nothing really waits.</summary>
    public sealed class ManualClock : IMillisecondClock
    {
        public long Now;

        public long NowMilliseconds
        {
            get { return Now; }
            set { Now = value; }
        }

        public void Advance(long milliseconds)
        {
            Now += milliseconds;
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
