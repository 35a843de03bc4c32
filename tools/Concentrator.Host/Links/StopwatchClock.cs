using System.Diagnostics;
using Concentrator.Core.Timing;

namespace Concentrator.Host.Links;

/// <summary>Core's millisecond clock on the desktop: monotonic, from <see cref="Stopwatch"/>.</summary>
public sealed class StopwatchClock : IMillisecondClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public long NowMilliseconds => (long)Stopwatch.GetElapsedTime(_start).TotalMilliseconds;
}
