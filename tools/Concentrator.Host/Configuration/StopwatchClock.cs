using System.Diagnostics;
using Concentrator.Core.Timing;

namespace Concentrator.Host.Configuration;

/// <summary>Core's monotonic millisecond clock on the desktop.</summary>
public sealed class StopwatchClock : IMillisecondClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public long NowMilliseconds => _watch.ElapsedMilliseconds;
}
