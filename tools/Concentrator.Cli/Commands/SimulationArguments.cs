using System;
using System.Collections.Generic;
using Concentrator.Cli.CommandLine;
using Concentrator.Host.Simulation;

namespace Concentrator.Cli.Commands;

/// <summary>The simulated meter's options shared by <c>simulate</c> and <c>demo</c>.</summary>
internal static class SimulationArguments
{
    public static readonly OptionSpec[] Options =
    {
        new("interval", true),
        new("dsmr5", false),
        new("fault", true, repeatable: true),
        new("seed", true),
        new("silence", true),
        new("solar", true),
    };

    public const string Help =
        "  --interval S         seconds between telegrams (default 10; with --dsmr5: 1)\n" +
        "  --dsmr5              DSMR 5 mode: version 50, a telegram every second, gas value every 5 minutes\n" +
        "  --fault KIND[:RATE]  inject a fault (repeatable); KIND: bad-crc, truncated, garbage, silence,\n" +
        "                       too-long, flip-bit; RATE: N = every Nth telegram, 0.1 or 10% = probability\n" +
        "                       per telegram; no RATE = every 10th telegram\n" +
        "  --seed N             seed for the meter's identity, values and faults (default 1)\n" +
        "  --silence S          how long a 'silence' fault keeps the port quiet (default 35)\n" +
        "  --solar W            peak watts of a simulated solar installation feeding back (default 0: none)\n";

    public static SimulatedP1PortOptions Parse(ParsedArguments arguments, TimeSpan? defaultInterval, int seedOffset)
    {
        var faults = new List<P1FaultRule>();
        foreach (string text in arguments.Values("fault"))
        {
            if (!P1FaultRule.TryParse(text, out P1FaultRule? rule, out string? error))
            {
                throw new UsageException("--fault " + text + ": " + error);
            }

            faults.Add(rule!);
        }

        bool dsmr5 = arguments.Flag("dsmr5");
        TimeSpan? interval = arguments.Seconds("interval", 0.01, 3600) ?? (dsmr5 ? null : defaultInterval);
        return new SimulatedP1PortOptions
        {
            Interval = interval,
            Dsmr5 = dsmr5,
            Seed = unchecked(arguments.Int("seed", 1, int.MinValue, int.MaxValue) + seedOffset),
            Faults = faults,
            SilencePeriod = arguments.Seconds("silence", 0.01, 3600) ?? TimeSpan.FromSeconds(35),
            SolarPeakWatts = arguments.Number("solar", 0, 0, 50000),
        };
    }

    /// <summary>"DSMR 4.2, a telegram every 10 s, faults: bad-crc:5".</summary>
    public static string Describe(SimulatedP1PortOptions options)
    {
        string faults = options.Faults.Count == 0 ? "no faults" : "faults: " + string.Join(", ", options.Faults);
        return (options.Dsmr5 ? "DSMR 5.0" : "DSMR 4.2") + ", a telegram every " +
               options.EffectiveInterval.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s at the " +
               options.BaudRate + " 8N1 wire rate, " + faults;
    }
}
