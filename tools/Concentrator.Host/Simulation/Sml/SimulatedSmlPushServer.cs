using System;
using Concentrator.Core.Io;

namespace Concentrator.Host.Simulation.Sml;

/// <summary>
/// A simulated eHZ optical port on a TCP port (as an IR read head on ser2net would serve it): every client receives the
/// meter's files, one per interval, paced at 9600 8N1.
/// </summary>
public sealed class SimulatedSmlPushServer : PacedPushServer
{
    public SimulatedSmlPushServer(SimulatedSmlMeterOptions options, Func<DateTime>? utcClock = null)
        : this(Build(options, utcClock ?? (() => DateTime.UtcNow)))
    {
    }

    private SimulatedSmlPushServer((SimulatedSmlMeterOptions Options, SimulatedSmlMeter Meter, Func<DateTime> Clock) parts)
        : base(parts.Meter, new LineSettings(parts.Options.BaudRate, 8, LineParity.None, 1, false), parts.Options.Interval, parts.Clock, "SML simulator")
    {
        Simulated = parts.Meter;
    }

    public SimulatedSmlMeter Simulated { get; }

    public SmlMeterModel Meter => Simulated.Meter;

    private static (SimulatedSmlMeterOptions, SimulatedSmlMeter, Func<DateTime>) Build(SimulatedSmlMeterOptions options, Func<DateTime> utcClock)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return (options, new SimulatedSmlMeter(options, utcClock()), utcClock);
    }
}
