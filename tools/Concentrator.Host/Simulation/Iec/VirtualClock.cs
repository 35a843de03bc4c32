using Concentrator.Core.Timing;

namespace Concentrator.Host.Simulation.Iec;

/// <summary>Virtual time for the simulated optical line: sleeping advances it at once, so sessions run deterministically and fast.</summary>
public sealed class VirtualClock : IMillisecondClock
{
    public long NowMilliseconds { get; private set; }

    public void Sleep(int milliseconds)
    {
        if (milliseconds > 0)
        {
            NowMilliseconds += milliseconds;
        }
    }
}
