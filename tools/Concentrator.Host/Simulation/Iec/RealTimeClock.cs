using System.Diagnostics;
using Concentrator.Core.Timing;

namespace Concentrator.Host.Simulation.Iec;

/// <summary>
/// The desktop's monotonic clock (Stopwatch) and a cancellable sleep: the simulated line paced in real time, as for the
/// demo. A cancelled token ends a sleep with <see cref="OperationCanceledException"/>, which ends a session at once.
/// </summary>
public sealed class RealTimeClock : IMillisecondClock
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly CancellationToken _cancellationToken;

    public RealTimeClock(CancellationToken cancellationToken = default)
    {
        _cancellationToken = cancellationToken;
    }

    public long NowMilliseconds => (long)Stopwatch.GetElapsedTime(_start).TotalMilliseconds;

    public void Sleep(int milliseconds)
    {
        if (milliseconds > 0 && _cancellationToken.WaitHandle.WaitOne(milliseconds))
        {
            throw new OperationCanceledException(_cancellationToken);
        }

        _cancellationToken.ThrowIfCancellationRequested();
    }
}
