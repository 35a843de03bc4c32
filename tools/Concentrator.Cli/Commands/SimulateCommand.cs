using System;
using System.Collections.Generic;
using System.Threading;
using Concentrator.Cli.CommandLine;
using Concentrator.Host.Simulation;

namespace Concentrator.Cli.Commands;

/// <summary><c>simulate</c>: serves a simulated Landis+Gyr E350 P1 port on 127.0.0.1 until Ctrl-C or --duration.</summary>
public sealed class SimulateCommand : ICliCommand
{
    /// <summary>Port when none is given (the first port ser2net configurations commonly use).</summary>
    public const int DefaultPort = 2001;

    public string Name => "simulate";

    public string Summary => "serve a simulated Landis+Gyr E350 P1 port (DSMR 4.2) on a loopback TCP port";

    public IReadOnlyList<OptionSpec> Options { get; } = Concat(Concat(Concat(SimulationArguments.Options, SmlSimulation.Options), DlmsSimulation.Options), new OptionSpec[] { new("port", true), new("duration", true), new("protocol", true), new("mode", true) });

    public string Help =>
        "usage: concentrator simulate [--port N] [--interval S] [--dsmr5] [--fault KIND[:RATE]]… [--seed N] [--duration S]\n" +
        "\n" +
        "Serves a simulated Landis+Gyr E350 P1 port on 127.0.0.1, as ser2net serves a real one: every client\n" +
        "that connects receives the telegram stream (the first telegram right after it connects), paced at\n" +
        "the P1 line rate of 115200 8N1. Values evolve: tariff by time of day, varying power, energy\n" +
        "registers integrating it, the gas meter's hourly value, the W/S season flag of Europe/Amsterdam.\n" +
        "Runs until Ctrl-C or --duration.\n" +
        "\n" +
        "options:\n" +
        "  --port N             TCP port on 127.0.0.1 (default " + DefaultPort + "; 0 picks a free one)\n" +
        SimulationArguments.Help +
        SmlSimulation.Help +
        IecSimulation.Help +
        DlmsSimulation.Help +
        "  --duration S         stop after S seconds\n";

    public int Run(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        arguments.RequireAtMostPositionals(0);
        int port = arguments.Int("port", DefaultPort, 0, 65535);
        TimeSpan? duration = arguments.Seconds("duration", 0.01, 366 * 86400.0);
        if (DlmsSimulation.Requested(arguments))
        {
            return DlmsSimulation.Serve(arguments, port, duration, console, cancellationToken);
        }

        if (SmlSimulation.Requested(arguments))
        {
            return SmlSimulation.Serve(arguments, port, duration, console, cancellationToken);
        }

        if (IecSimulation.Requested(arguments))
        {
            return IecSimulation.Run(arguments, port, duration, console, cancellationToken);
        }

        SimulatedP1PortOptions options = SimulationArguments.Parse(arguments, null, 0);

        using var server = new SimulatedP1PortServer(options);
        string what = "simulated Landis+Gyr E350 P1 port /" + server.Meter.Identification + ", " + SimulationArguments.Describe(options);
        int exit = SimulatedServerRun.Serve(server, port, what, duration, console, cancellationToken);
        if (exit == ExitCodes.Ok)
        {
            console.Out.WriteLine("stopped after " + server.TelegramsSent + " telegram(s) sent");
        }

        return exit;
    }

    /// <summary>Waits for Ctrl-C or the duration; bounded by the duration when there is one.</summary>
    internal static void WaitForStop(TimeSpan? duration, CancellationToken cancellationToken)
    {
        if (duration is null)
        {
            cancellationToken.WaitHandle.WaitOne();
        }
        else
        {
            cancellationToken.WaitHandle.WaitOne(duration.Value);
        }
    }

    internal static OptionSpec[] Concat(OptionSpec[] first, OptionSpec[] second)
    {
        var all = new OptionSpec[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
