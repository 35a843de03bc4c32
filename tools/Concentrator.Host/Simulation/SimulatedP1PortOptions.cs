using System;
using System.Collections.Generic;

namespace Concentrator.Host.Simulation;

/// <summary>How a simulated E350 P1 port behaves. <see cref="Validate"/> checks everything once, with a clear message.</summary>
public sealed class SimulatedP1PortOptions
{
    /// <summary>DSMR 4.x sends a telegram every 10 s (DSMR 4.2 §6.3).</summary>
    public static readonly TimeSpan Dsmr4Interval = TimeSpan.FromSeconds(10);

    /// <summary>DSMR 5 sends a telegram every second (DSMR 5.0.2 §6.4).</summary>
    public static readonly TimeSpan Dsmr5Interval = TimeSpan.FromSeconds(1);

    /// <summary>The E350 P1 line: 115200 baud 8N1.</summary>
    public const int DefaultBaudRate = 115200;

    /// <summary>Time between telegrams; null for the version's own (10 s, DSMR 5: 1 s).</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>DSMR 5 mode: version 50, a telegram every second, the gas value captured every 5 minutes.</summary>
    public bool Dsmr5 { get; init; }

    /// <summary>Seeds the meter's identity, its values and the fault pattern.</summary>
    public int Seed { get; init; } = 1;

    public IReadOnlyList<P1FaultRule> Faults { get; init; } = Array.Empty<P1FaultRule>();

    /// <summary>
    /// How long the port stays silent on a <see cref="P1FaultKind.Silence"/> fault. The default passes the P1 reader's
    /// 30 s silence alarm.
    /// </summary>
    public TimeSpan SilencePeriod { get; init; } = TimeSpan.FromSeconds(35);

    /// <summary>Length of a <see cref="P1FaultKind.TooLong"/> telegram: more than the 4096 bytes a P1 reader accepts by default.</summary>
    public int OverlongLength { get; init; } = 6000;

    /// <summary>Line rate the bytes are paced at (10 bits per byte, 8N1); 0 sends as fast as TCP goes.</summary>
    public int BaudRate { get; init; } = DefaultBaudRate;

    /// <summary>Peak output of a simulated solar installation (W); 0 for none.</summary>
    public double SolarPeakWatts { get; init; }

    /// <summary>The interval in force.</summary>
    public TimeSpan EffectiveInterval => Interval ?? (Dsmr5 ? Dsmr5Interval : Dsmr4Interval);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        TimeSpan interval = EffectiveInterval;
        if (interval < TimeSpan.FromMilliseconds(10) || interval > TimeSpan.FromHours(1))
        {
            throw new ArgumentException("the telegram interval must be 0.01 .. 3600 s, got " + interval.TotalSeconds + " s", nameof(Interval));
        }

        if (Faults is null)
        {
            throw new ArgumentException("the fault list must not be null (empty for none)", nameof(Faults));
        }

        if (SilencePeriod <= TimeSpan.Zero || SilencePeriod > TimeSpan.FromHours(1))
        {
            throw new ArgumentException("the silent period must be above 0 and at most 3600 s", nameof(SilencePeriod));
        }

        if (OverlongLength < 1024 || OverlongLength > 1 << 20)
        {
            throw new ArgumentException("the over-long telegram length must be 1024 .. 1048576 bytes", nameof(OverlongLength));
        }

        if (BaudRate != 0 && (BaudRate < 300 || BaudRate > 4000000))
        {
            throw new ArgumentException("the baud rate must be 300 .. 4000000, or 0 for no pacing", nameof(BaudRate));
        }

        if (SolarPeakWatts < 0 || SolarPeakWatts > 50000)
        {
            throw new ArgumentException("the solar peak must be 0 .. 50000 W", nameof(SolarPeakWatts));
        }
    }
}
