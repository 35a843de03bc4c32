using System.Diagnostics;
using Concentrator.Core.Timing;

namespace Concentrator.Host.Timing;

/// <summary>Core's monotonic millisecond clock on the desktop.</summary>
public sealed class StopwatchClock : IMillisecondClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public long NowMilliseconds => _watch.ElapsedMilliseconds;

    public void Sleep(int milliseconds)
    {
        if (milliseconds > 0)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
