namespace Concentrator.Core.Timing
{
    /// <summary>
    /// A monotonic millisecond counter for deadlines (never the wall clock, which SNTP may move). On the device
    /// <c>Environment.TickCount64</c>, on the desktop a stopwatch, in tests a clock the test advances.
    /// </summary>
    public interface IMillisecondClock
    {
        long NowMilliseconds { get; }
    }
}
