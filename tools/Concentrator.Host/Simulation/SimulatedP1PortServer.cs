using System;
using Concentrator.Core.Io;

namespace Concentrator.Host.Simulation;

/// <summary>
/// Serves a simulated E350 P1 port on a TCP port, the way ser2net serves a real one: every connected client receives
/// the telegram stream, the first telegram right after it connects, then one per interval, paced at the line rate
/// (115200 8N1 by default). All clients read the same meter (one <see cref="SimulatedP1Port"/>, so its registers keep
/// running across reconnects); each client has its own schedule (see <see cref="PacedPushServer"/>). Stopping closes
/// every connection, as a ser2net restart does.
/// </summary>
public sealed class SimulatedP1PortServer : PacedPushServer
{
    private readonly SimulatedP1Port _port;

    /// <param name="options">The port's behaviour (validated here).</param>
    /// <param name="utcClock">The meter's clock; the system clock when null.</param>
    public SimulatedP1PortServer(SimulatedP1PortOptions options, Func<DateTime>? utcClock = null)
        : this(Build(options, utcClock ?? (() => DateTime.UtcNow)))
    {
    }

    private SimulatedP1PortServer((SimulatedP1PortOptions Options, SimulatedP1Port Port, Func<DateTime> Clock) parts)
        : base(parts.Port, new LineSettings(parts.Options.BaudRate, 8, LineParity.None, 1, true), parts.Options.EffectiveInterval, parts.Clock, "P1 simulator")
    {
        Options = parts.Options;
        _port = parts.Port;
    }

    public SimulatedP1PortOptions Options { get; }

    /// <summary>The meter being simulated (its identity: <see cref="E350MeterModel.Identification"/>).</summary>
    public E350MeterModel Meter => _port.Meter;

    private static (SimulatedP1PortOptions, SimulatedP1Port, Func<DateTime>) Build(SimulatedP1PortOptions options, Func<DateTime> utcClock)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return (options, new SimulatedP1Port(options, utcClock()), utcClock);
    }
}
