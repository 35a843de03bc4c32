namespace Concentrator.Core.Timing
{
    /// <summary>
    /// A monotonic millisecond clock and a way to wait on it. Sessions measure their timeouts with it, so that tests
    /// and the simulator can run them in virtual time: deterministic and without real waiting.
    /// </summary>
    public interface IMillisecondClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards.</summary>
        long NowMilliseconds { get; }

        /// <summary>Waits <paramref name="milliseconds"/> (returns at once for 0 or less).</summary>
        void Sleep(int milliseconds);
    }
}
