using Concentrator.Core.Timing;

namespace Concentrator.Core.Tests.TestSupport
{
    /// <summary>A clock that moves only when the test (or a fake link waiting out a timeout) moves it.</summary>
    public sealed class ManualClock : IMillisecondClock
    {
        public long NowMilliseconds { get; set; }

        public void Advance(long milliseconds)
        {
            NowMilliseconds += milliseconds;
        }
    }
}
