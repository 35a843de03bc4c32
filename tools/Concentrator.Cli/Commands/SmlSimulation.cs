using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Concentrator.Cli.CommandLine;
using Concentrator.Host.Simulation;
using Concentrator.Host.Simulation.Sml;

namespace Concentrator.Cli.Commands;

/// <summary><c>simulate --meter sml</c>: a simulated eHZ optical port (push) or an SML meter answering GetList requests over TCP (<c>--pull</c>).</summary>
internal static class SmlSimulation
{
    public static readonly OptionSpec[] Options =
    {
        new("meter", true),
        new("pull", false),
        new("kermit", false),
        new("signed", false),
    };

    public const string Help =
        "  --meter KIND         e350 (default: the DSMR P1 port) or sml (an eHZ optical port pushing SML at\n" +
        "                       9600 8N1, a file every 2 s unless --interval says otherwise)\n" +
        "  --pull               with --meter sml: answer SML_GetList.Req over TCP instead of pushing\n" +
        "                       (an SML meter or Landis+Gyr E750 communication module)\n" +
        "  --kermit             with --meter sml: the meter uses CRC-16/KERMIT instead of X-25\n" +
        "  --signed             with --meter sml: E750-style second index and value signatures\n" +
        "                       (SML faults: bad-crc, truncated, garbage, silence, flip-bit)\n";

    /// <summary>True when the arguments ask for an SML meter; throws a usage error for an unknown kind or SML options without it.</summary>
    public static bool Requested(ParsedArguments arguments)
    {
        string meter = arguments.Value("meter") ?? "e350";
        if (string.Equals(meter, "sml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!string.Equals(meter, "e350", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException("--meter " + meter + ": expected e350, sml or dlms");
        }

        foreach (OptionSpec option in Options)
        {
            if (option.Name != "meter" && arguments.Has(option.Name))
            {
                throw new UsageException("--" + option.Name + " needs --meter sml");
            }
        }

        return false;
    }

    /// <summary>The SML meter's options from the shared simulation arguments (interval, fault, seed, silence).</summary>
    public static SimulatedSmlMeterOptions Parse(ParsedArguments arguments, TimeSpan? defaultInterval, int seedOffset, bool onlySupportedFaults)
    {
        var faults = new List<P1FaultRule>();
        foreach (string text in arguments.Values("fault"))
        {
            if (!P1FaultRule.TryParse(text, out P1FaultRule? rule, out string? error))
            {
                throw new UsageException("--fault " + text + ": " + error);
            }

            if (Array.IndexOf(SimulatedSmlMeterOptions.SupportedFaults, rule!.Kind) < 0)
            {
                if (onlySupportedFaults)
                {
                    continue;
                }

                throw new UsageException("--fault " + text + ": an SML meter cannot simulate it (supported: bad-crc, truncated, garbage, silence, flip-bit)");
            }

            faults.Add(rule);
        }

        return new SimulatedSmlMeterOptions
        {
            Interval = arguments.Seconds("interval", 0.01, 3600) ?? defaultInterval ?? SimulatedSmlMeterOptions.DefaultInterval,
            Seed = unchecked(arguments.Int("seed", 1, int.MinValue, int.MaxValue) + seedOffset),
            Faults = faults,
            SilencePeriod = arguments.Seconds("silence", 0.01, 3600) ?? TimeSpan.FromSeconds(35),
            Kermit = arguments.Flag("kermit"),
            Signed = arguments.Flag("signed"),
        };
    }

    /// <summary>"eHZ push at 9600 8N1, a file every 2 s, CRC-16/X-25, no faults".</summary>
    public static string Describe(SimulatedSmlMeterOptions options, bool pull)
    {
        string faults = options.Faults.Count == 0 ? "no faults" : "faults: " + string.Join(", ", options.Faults);
        return (options.Signed ? "E750-style signed values" : "eHZ") +
               (pull ? ", answering GetList requests" : ", a file every " + options.Interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s at 9600 8N1") +
               ", CRC-16/" + (options.Kermit ? "KERMIT" : "X-25") + ", " + faults;
    }

    /// <summary>Serves the SML meter until Ctrl-C or the duration.</summary>
    public static int Serve(ParsedArguments arguments, int port, TimeSpan? duration, CliConsole console, CancellationToken cancellationToken)
    {
        bool pull = arguments.Flag("pull");
        SimulatedSmlMeterOptions options = Parse(arguments, null, 0, false);
        SimulatedTcpServer server;
        string serverId;
        if (pull)
        {
            var meter = new SimulatedSmlTcpMeter(options);
            serverId = meter.Simulated.Meter.ServerIdHex;
            server = meter;
        }
        else
        {
            var push = new SimulatedSmlPushServer(options);
            serverId = push.Meter.ServerIdHex;
            server = push;
        }

        using (server)
        {
            int exit = SimulatedServerRun.Serve(server, port, "simulated SML meter " + serverId + ", " + Describe(options, pull), duration, console, cancellationToken);
            if (exit == ExitCodes.Ok)
            {
                long sent = server is PacedPushServer paced ? paced.TelegramsSent : ((SimulatedSmlTcpMeter)server).Answers;
                console.Out.WriteLine("stopped after " + sent + " file(s) sent");
            }

            return exit;
        }
    }
}
