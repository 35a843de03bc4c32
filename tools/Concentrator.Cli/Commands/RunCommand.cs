using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Cli.CommandLine;
using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using Concentrator.Host.Commands;
using Concentrator.Host.Configuration;
using Concentrator.Host.Inventory;
using Concentrator.Host.Publishing;
using Concentrator.Host.Runner;
using Concentrator.Host.Timing;

namespace Concentrator.Cli.Commands;

/// <summary>
/// <c>run --config FILE</c>: reads a meter inventory and runs Core's scheduler against the meters over TCP, one thread
/// per port, printing (or publishing) every MQTT message.
/// </summary>
public sealed class RunCommand : ICliCommand
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>At the end, how long queued messages may take to reach the broker before the rest is left in the queue.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    public string Name => "run";

    public string Summary => "read the meters of an inventory file on their schedule over TCP; print or publish each message";

    public IReadOnlyList<OptionSpec> Options { get; } = new OptionSpec[] { new("config", true), new("mqtt", true), new("queue", true), new("duration", true) };

    public string Help =>
        "usage: concentrator run --config FILE [--mqtt HOST:PORT [--queue FILE]] [--duration S]\n" +
        "\n" +
        "Reads the meter inventory FILE (format: firmware/Concentrator.Core/Scheduling/README.md) and runs the\n" +
        "firmware's scheduler: one thread per port, the meters of a port one at a time on clock-aligned slots, with\n" +
        "retries, offline probing and a read budget per meter; meters with interval=0 push and are read continuously.\n" +
        "Every meter is reached over TCP at its address=HOST:PORT (ser2net, an adapter, 'concentrator simulate').\n" +
        "Prints each MQTT message as one line (topic, a space, the payload); diagnostics go to standard error.\n" +
        "Text commands (MCP INFO, DIAG, CAPT, ...; password HELLO) are read from standard input, one per line, and\n" +
        "with --mqtt from the command topic; replies go to standard error and to the reply topic. DIAG shows each\n" +
        "meter's state, last error and the link settings that worked; CAPT publishes a hex dump of a meter's next\n" +
        "sessions on .../meters/ID/capture. Configuration changes by command last for this run only and are not applied\n" +
        "to the running inventory.\n" +
        "\n" +
        "options:\n" +
        "  --config FILE        the inventory file (required)\n" +
        "  --mqtt HOST:PORT     publish to this MQTT broker (QoS 1, store-and-forward) instead of printing\n" +
        "  --queue FILE         the persistent queue file (default: a temporary one, deleted at exit)\n" +
        "  --duration S         stop after S seconds (default: until Ctrl-C)\n";

    public int Run(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        arguments.RequireAtMostPositionals(0);
        string path = arguments.Value("config") ?? throw new UsageException("--config FILE is required (the meter inventory; see 'concentrator run --help')");
        TimeSpan? duration = arguments.Seconds("duration", 0.01, 366 * 86400.0);
        (string Host, int Port)? broker = arguments.Value("mqtt") is { } mqtt ? DemoCommand.ParseBroker(mqtt) : null;

        InventoryConfiguration configuration;
        try
        {
            configuration = InventoryFile.Load(path);
        }
        catch (InventoryFileException exception)
        {
            console.Error.WriteLine("run: " + exception.Message);
            return ExitCodes.Failed;
        }

        // Text commands: the same executor as on the board, over a configuration made from the inventory (kept in a
        // temporary directory for this run), answering from the runner's health table and frame capture.
        RunCommandState commands = RunCommandState.Create(configuration);
        MqttOutputSettings? mqttSettings = null;
        if (broker is not null)
        {
            var meterIds = new string[configuration.Meters.Count];
            for (int i = 0; i < meterIds.Length; i++)
            {
                meterIds[i] = configuration.Meters[i].Id;
            }

            mqttSettings = new MqttOutputSettings(broker.Value.Host, broker.Value.Port, arguments.Value("queue"), null, null, null,
                configuration.DeviceId, configuration.TopicPrefix, meterIds) { Commands = commands.Executor };
        }

        if (!MqttPublisherFactory.TryOpen("run", mqttSettings, console, out IMessagePublisher publisher, out MqttOutput? mqttOutput))
        {
            commands.Dispose();
            return ExitCodes.Failed;
        }

        var diagnostics = new RunnerDiagnostics(configuration, publisher)
        {
            QueueDepth = mqttOutput?.QueueDepth,
            QueueDropped = mqttOutput?.QueueDropped,
            BrokerConnected = mqttOutput?.BrokerConnected,
        };
        diagnostics.CaptureFinished += (meter, dump) => console.Error.WriteLine("run: capture of " + meter + " published:\n" + dump.TrimEnd('\n'));
        commands.Attach(diagnostics);

        void closePublisher()
        {
            commands.Dispose();
            if (mqttOutput is null)
            {
                return;
            }

            string? left = mqttOutput.Drain(DrainTimeout);
            if (left is not null)
            {
                console.Error.WriteLine("run: " + left);
            }

            mqttOutput.Close();
        }

        InventoryRunner runner;
        try
        {
            runner = new InventoryRunner(configuration, publisher, null, diagnostics);
        }
        catch (InventoryFileException exception)
        {
            closePublisher();
            console.Error.WriteLine("run: " + path + ": " + exception.Message);
            return ExitCodes.Failed;
        }

        using (runner)
        {
            runner.Diagnostic += message => console.Error.WriteLine(message);
            foreach (ScheduledPortRunner port in runner.Ports)
            {
                for (int i = 0; i < port.Scheduler.Count; i++)
                {
                    MeterSchedule meter = port.Scheduler[i];
                    console.Error.WriteLine(meter.Definition.Id + ": " + port.Port + " port, " + meter.Definition.Protocol + " at " + meter.Definition.Address +
                                            ", every " + meter.Definition.IntervalSeconds.ToString(CultureInfo.InvariantCulture) + " s (priority " +
                                            ((ReadPriority)meter.Definition.Priority).ToString().ToLowerInvariant() + ")");
                }
            }

            foreach (P1Runner continuous in runner.ContinuousMeters)
            {
                console.Error.WriteLine(continuous.ReadingsTopic + ": continuous P1 stream at " + continuous.Endpoint);
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task run = runner.RunAsync(stop.Token);
            commands.ReadConsole(console, stop.Token);
            long started = Stopwatch.GetTimestamp();
            while (!cancellationToken.IsCancellationRequested && !run.IsCompleted)
            {
                if (duration is not null && Stopwatch.GetElapsedTime(started) >= duration.Value)
                {
                    break;
                }

                diagnostics.Capture.Expire();
                Thread.Sleep(50);
            }

            stop.Cancel();
            try
            {
                run.Wait(StopTimeout);
            }
            catch (AggregateException exception)
            {
                console.Error.WriteLine("run: a port failed: " + exception.InnerException?.Message);
            }

            foreach (ScheduledPortRunner port in runner.Ports)
            {
                for (int i = 0; i < port.Scheduler.Count; i++)
                {
                    MeterSchedule m = port.Scheduler[i];
                    console.Error.WriteLine(m.Definition.Id + ": reads " + m.Reads + ", failures " + m.Failures + ", failed slots " + m.FailedSlots +
                                            ", missed slots " + m.MissedSlots + ", overruns " + m.Overruns + (m.Offline ? ", offline" : "") +
                                            ", longest first-attempt delay " + m.MaxFirstAttemptDelayMilliseconds + " ms" +
                                            (port.ReaderCounters(i) is { } counters ? "; " + counters : string.Empty));
                }
            }

            foreach (P1Runner continuous in runner.ContinuousMeters)
            {
                console.Error.WriteLine(continuous.ReadingsTopic + ": " + continuous.Counters);
            }
        }

        closePublisher();
        console.Out.Flush();
        return ExitCodes.Ok;
    }
}

/// <summary>The text command side of <c>run</c>: the executor, its temporary configuration store, and the console reader.</summary>
internal sealed class RunCommandState : IDisposable
{
    private readonly string _directory;
    private readonly ForwardingCommandSources _sources;

    private RunCommandState(string directory, CommandExecutor executor, ForwardingCommandSources sources)
    {
        _directory = directory;
        Executor = executor;
        _sources = sources;
    }

    public CommandExecutor Executor { get; }

    public static RunCommandState Create(InventoryConfiguration inventory)
    {
        var configuration = new ConcentratorConfiguration { DeviceId = inventory.DeviceId, TopicPrefix = inventory.TopicPrefix };
        foreach (MeterDefinition meter in inventory.Meters)
        {
            configuration.PutMeter(meter);
        }

        string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "concentrator-run-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var store = new ConfigurationStore(new FileConfigurationStorage(directory), "concentrator.conf");
        var sources = new ForwardingCommandSources();
        return new RunCommandState(directory, new CommandExecutor(store, configuration, new StopwatchClock(), sources, sources, null), sources);
    }

    public void Attach(RunnerDiagnostics diagnostics) => _sources.Target = diagnostics;

    /// <summary>Answers each line of standard input (on a background thread) until it ends or the run stops.</summary>
    public void ReadConsole(CliConsole console, CancellationToken stop)
    {
        var channel = new ConsoleCommandChannel(Executor, console.Error);
        var thread = new Thread(() =>
        {
            try
            {
                using var reader = new System.IO.StreamReader(console.OpenInput());
                channel.RunAll(reader, stop);
            }
            catch (Exception exception) when (exception is System.IO.IOException or ObjectDisposedException)
            {
                // Standard input went away: commands still arrive on the command topic.
            }
        })
        { IsBackground = true, Name = "run commands" };
        thread.Start();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_directory, true);
        }
        catch (System.IO.IOException)
        {
        }
    }

    // The executor is made before the runner (the MQTT output needs it); the runner's diagnostics come after.
    private sealed class ForwardingCommandSources : IDiagnosticsSource, IFrameCapture
    {
        public volatile RunnerDiagnostics? Target;

        public void FillStatus(ConcentratorStatus status) => Target?.FillStatus(status);

        public bool FillMeter(string meterId, MeterDiagnostics diagnostics) => Target?.FillMeter(meterId, diagnostics) ?? false;

        public bool Arm(string meterId, int sessions) => Target is { } target && target.Capture.Arm(meterId, sessions);
    }
}
