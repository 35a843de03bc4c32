using System.Diagnostics;
using Concentrator.Core.Timing;

namespace Concentrator.Host.Simulation.Iec;

/// <summary>The desktop's monotonic clock (Stopwatch) and Thread.Sleep: the simulated line paced in real time, as for the demo.</summary>
public sealed class RealTimeClock : IMillisecondClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public long NowMilliseconds => (long)Stopwatch.GetElapsedTime(_start).TotalMilliseconds;

    public void Sleep(int milliseconds)
    {
        if (milliseconds > 0)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
