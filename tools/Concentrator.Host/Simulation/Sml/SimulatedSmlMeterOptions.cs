using System;
using System.Collections.Generic;

namespace Concentrator.Host.Simulation.Sml;

/// <summary>How a simulated SML meter behaves. <see cref="Validate"/> checks it once, with a clear message.</summary>
public sealed class SimulatedSmlMeterOptions
{
    /// <summary>eHZ meters push a file every 1..4 s; 2 s here.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(2);

    /// <summary>The optical port's rate: 9600 8N1.</summary>
    public const int DefaultBaudRate = 9600;

    /// <summary>The fault kinds an SML meter can show (too-long has no meaning here).</summary>
    public static readonly P1FaultKind[] SupportedFaults = { P1FaultKind.BadCrc, P1FaultKind.Truncated, P1FaultKind.Garbage, P1FaultKind.Silence, P1FaultKind.FlippedBit };

    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Seed of the meter's identity, values and faults.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Faults, parsed as for the P1 simulator: bad-crc, truncated, garbage, silence, flip-bit.</summary>
    public IReadOnlyList<P1FaultRule> Faults { get; init; } = Array.Empty<P1FaultRule>();

    /// <summary>How long a silence fault keeps the port quiet.</summary>
    public TimeSpan SilencePeriod { get; init; } = TimeSpan.FromSeconds(35);

    /// <summary>Line rate of the push stream (0: no pacing).</summary>
    public int BaudRate { get; init; } = DefaultBaudRate;

    /// <summary>A meter that uses CRC-16/KERMIT instead of X-25 for its files and messages.</summary>
    public bool Kermit { get; init; }

    /// <summary>E750 style: second index and value signatures on the energy entries, a list signature.</summary>
    public bool Signed { get; init; }

    public void Validate()
    {
        if (Interval < TimeSpan.FromMilliseconds(10) || Interval > TimeSpan.FromHours(1))
        {
            throw new ArgumentException("the file interval must be 0.01 .. 3600 s, got " + Interval.TotalSeconds + " s", nameof(Interval));
        }

        if (Faults is null)
        {
            throw new ArgumentException("the fault list must not be null (empty for none)", nameof(Faults));
        }

        foreach (P1FaultRule rule in Faults)
        {
            if (Array.IndexOf(SupportedFaults, rule.Kind) < 0)
            {
                throw new ArgumentException("an SML meter cannot simulate the fault " + P1FaultRule.NameOf(rule.Kind) + " (supported: bad-crc, truncated, garbage, silence, flip-bit)", nameof(Faults));
            }
        }

        if (SilencePeriod <= TimeSpan.Zero || SilencePeriod > TimeSpan.FromHours(1))
        {
            throw new ArgumentException("the silent period must be above 0 and at most 3600 s", nameof(SilencePeriod));
        }

        if (BaudRate != 0 && (BaudRate < 300 || BaudRate > 4000000))
        {
            throw new ArgumentException("the baud rate must be 300 .. 4000000, or 0 for no pacing", nameof(BaudRate));
        }
    }
}
