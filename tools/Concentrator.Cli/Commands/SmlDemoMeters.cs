using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Cli.CommandLine;
using Concentrator.Host.Publishing;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation.Sml;

namespace Concentrator.Cli.Commands;

/// <summary>
/// The SML part of <c>demo</c>: simulated eHZ optical ports (9600 8N1 push) on free loopback ports, each read by the
/// real SML pipeline (<see cref="SmlRunner"/>) and published as meters sml1 … smlN.
/// </summary>
internal sealed class SmlDemoMeters : IDisposable
{
    public static readonly OptionSpec[] Options = { new("sml", true) };

    public const string Help = "  --sml N              simulated SML (eHZ) meters besides the P1 ones, named sml1 … smlN (default 1, 0 for none)\n";

    private readonly List<SimulatedSmlPushServer> _servers = new();
    private readonly List<SmlRunner> _runners = new();
    private readonly CliConsole _console;

    /// <summary>Starts the simulators and builds their runners (not yet running).</summary>
    public SmlDemoMeters(ParsedArguments arguments, TimeSpan interval, string device, string prefix, IMessagePublisher publisher, CliConsole console)
    {
        _console = console;
        int count = arguments.Int("sml", 1, 0, 16);
        for (int i = 0; i < count; i++)
        {
            string meterId = "sml" + (i + 1).ToString(CultureInfo.InvariantCulture);
            SimulatedSmlMeterOptions options = SmlSimulation.Parse(arguments, interval, 100 + i, true);
            var server = new SimulatedSmlPushServer(options);
            _servers.Add(server);
            server.Start(0);
            var runner = new SmlRunner(new P1RunnerOptions { Port = server.Port, DeviceId = device, TopicPrefix = prefix, MeterId = meterId }, new SmlRunnerSettings(), publisher);
            _runners.Add(runner);
            runner.Diagnostic += message => console.Error.WriteLine(meterId + ": " + message);
            console.Error.WriteLine(meterId + ": simulated SML meter " + server.Meter.ServerIdHex + " on 127.0.0.1:" + server.Port + " (" +
                                    SmlSimulation.Describe(options, false) + ") -> " + runner.ReadingsTopic);
        }
    }

    /// <summary>Runs every SML pipeline until <paramref name="cancellationToken"/> fires.</summary>
    public void Start(List<Task> runs, CancellationToken cancellationToken)
    {
        foreach (SmlRunner runner in _runners)
        {
            runs.Add(runner.RunAsync(cancellationToken));
        }
    }

    /// <summary>Stops the simulators and prints each pipeline's counters.</summary>
    public void Dispose()
    {
        foreach (SimulatedSmlPushServer server in _servers)
        {
            server.Dispose();
        }

        for (int i = 0; i < _runners.Count; i++)
        {
            _console.Error.WriteLine("sml" + (i + 1).ToString(CultureInfo.InvariantCulture) + ": " + _runners[i]);
            _runners[i].Dispose();
        }
    }
}
