using System;
using System.Collections.Generic;
using System.Threading;
using Concentrator.Cli.CommandLine;
using Concentrator.Core.Hdlc;
using Concentrator.Host.Simulation;
using Concentrator.Host.Simulation.Dlms;
using Concentrator.Host.Simulation.Hdlc;

namespace Concentrator.Cli.Commands;

/// <summary>
/// <c>simulate --meter dlms</c>: Landis+Gyr E350-style COSEM meters on a simulated RS485 bus (HDLC, one TCP endpoint
/// for the whole bus, as a serial-to-TCP converter serves it), or one meter behind the TCP wrapper (<c>--wrapper</c>).
/// </summary>
public static class DlmsSimulation
{
    public static readonly OptionSpec[] Options =
    {
        new("meters", true),
        new("wrapper", false),
    };

    public const string Help =
        "  --meter dlms         DLMS/COSEM meters (E350 objects) on a simulated RS485 bus speaking HDLC at 9600 8N1:\n" +
        "                       logical 1, physical 1001, 1002, … (1/1001 is the first meter's HDLC address)\n" +
        "  --meters N           with --meter dlms: meters on the bus (1 to 31, default 1)\n" +
        "  --wrapper            with --meter dlms: one meter behind the TCP wrapper (IEC 62056-47), wPort 1\n" +
        "                       (DLMS faults: silence, bad-crc, truncated; each answer with the rule's chance)\n";

    public const int FirstPhysicalAddress = 1001;

    /// <summary>True when the arguments ask for DLMS meters; a usage error for DLMS options without it.</summary>
    public static bool Requested(ParsedArguments arguments)
    {
        if (string.Equals(arguments.Value("meter"), "dlms", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (OptionSpec option in Options)
        {
            if (arguments.Has(option.Name))
            {
                throw new UsageException("--" + option.Name + " needs --meter dlms");
            }
        }

        return false;
    }

    /// <summary>The bus of <paramref name="meters"/> COSEM meters at 1/1001, 1/1002, …, with the faults on every meter.</summary>
    public static SimulatedHdlcBus CreateBus(int meters, IReadOnlyList<(HdlcFaultKind Kind, double Probability)> faults)
    {
        var bus = new SimulatedHdlcBus(new Core.Io.LineSettings(9600, 8, Core.Io.LineParity.None, 1, false));
        for (int i = 0; i < meters; i++)
        {
            var meter = new CosemMeterServer(new CosemMeterServerOptions { Seed = i + 1, SerialNumber = (11620371 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            HdlcServerStation station = bus.AddMeter(new HdlcAddress(HdlcAddress.ManagementLogicalDevice, FirstPhysicalAddress + i, 4), meter);
            foreach (var (kind, probability) in faults)
            {
                station.Faults.AddRandom(kind, probability);
            }
        }

        return bus;
    }

    /// <summary>Serves the meters until Ctrl-C or the duration.</summary>
    public static int Serve(ParsedArguments arguments, int port, TimeSpan? duration, CliConsole console, CancellationToken cancellationToken)
    {
        int meters = arguments.Int("meters", 1, 1, 31);
        bool wrapper = arguments.Flag("wrapper");
        if (wrapper && meters != 1)
        {
            throw new UsageException("--wrapper serves one meter (--meters 1)");
        }

        List<(HdlcFaultKind, double)> faults = ParseFaults(arguments);
        SimulatedTcpServer server;
        string what;
        if (wrapper)
        {
            var wrapped = new SimulatedWrapperServer();
            wrapped.AddMeter(1, new CosemMeterServer(new CosemMeterServerOptions()));
            foreach (var (kind, probability) in faults)
            {
                wrapped.Faults.AddRandom(kind, probability);
            }

            server = wrapped;
            what = "a DLMS/COSEM meter behind the TCP wrapper (wPort 1; clients 0x10 public, 0x20 password HELLO)";
        }
        else
        {
            server = CreateBus(meters, faults);
            what = meters + " DLMS/COSEM meter(s) on an HDLC bus at 9600 8N1, addresses 1/" + FirstPhysicalAddress + (meters > 1 ? " to 1/" + (FirstPhysicalAddress + meters - 1) : string.Empty) + " (clients 0x10 public, 0x20 password HELLO)";
        }

        using (server)
        {
            what += faults.Count == 0 ? ", no faults" : ", faults: " + string.Join(", ", arguments.Values("fault"));
            int exit = SimulatedServerRun.Serve(server, port, what, duration, console, cancellationToken);
            if (exit == ExitCodes.Ok)
            {
                console.Out.WriteLine("stopped");
            }

            return exit;
        }
    }

    // --fault KIND[:RATE] as for the P1 simulator; a rate of every Nth answer becomes a chance of 1/N.
    private static List<(HdlcFaultKind, double)> ParseFaults(ParsedArguments arguments)
    {
        var faults = new List<(HdlcFaultKind, double)>();
        foreach (string text in arguments.Values("fault"))
        {
            if (!P1FaultRule.TryParse(text, out P1FaultRule? rule, out string? error))
            {
                throw new UsageException("--fault " + text + ": " + error);
            }

            HdlcFaultKind kind = rule!.Kind switch
            {
                P1FaultKind.Silence => HdlcFaultKind.Silence,
                P1FaultKind.BadCrc => HdlcFaultKind.BadFcs,
                P1FaultKind.Truncated => HdlcFaultKind.Truncated,
                _ => throw new UsageException("--fault " + text + ": a DLMS meter simulates silence, bad-crc and truncated"),
            };
            faults.Add((kind, rule.EveryNth > 0 ? 1.0 / rule.EveryNth : rule.Probability));
        }

        return faults;
    }
}
