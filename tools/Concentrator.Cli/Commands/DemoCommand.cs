using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Cli.CommandLine;
using Concentrator.Core.Mqtt;
using Concentrator.Host.Publishing;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation;

namespace Concentrator.Cli.Commands;

/// <summary>
/// <c>demo</c>: simulated E350 P1 port(s) on free loopback ports and the real P1 pipeline reading them over TCP,
/// printing (or publishing) every MQTT message. No set-up needed.
/// </summary>
public sealed class DemoCommand : ICliCommand
{
    /// <summary>The demo's meter sends every second (the E350 sends every 10 s) so that something happens at once.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    /// <summary>With --count, the demo fails when no readings message has come for this long (or 5 intervals, if longer).</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RunnerStopTimeout = TimeSpan.FromSeconds(5);

    public string Name => "demo";

    public string Summary => "run simulated meter(s) and the real P1 pipeline over TCP; print each MQTT message";

    public IReadOnlyList<OptionSpec> Options { get; } = SimulateCommand.Concat(SimulateCommand.Concat(SimulateCommand.Concat(SimulationArguments.Options, SmlDemoMeters.Options), DlmsDemoMeters.Options), new OptionSpec[]
    {
        new("mqtt", true), new("queue", true), new("mqtt-user", true), new("mqtt-password", true), new("mqtt-ca", true), new("drain", true), new("count", true), new("duration", true), new("meters", true), new("device", true), new("prefix", true), new("optical", true),
    });

    public string Help =>
        "usage: concentrator demo [--mqtt HOST:PORT] [--count N] [--duration S] [--meters N] [simulation options]\n" +
        "\n" +
        "Starts simulated Landis+Gyr E350 P1 port(s) on free 127.0.0.1 ports and, for each, the firmware's own\n" +
        "P1 pipeline (TCP link, P1 reader, DSMR decoder, readings payload) reading it over TCP. Prints each\n" +
        "MQTT message it would publish as one line: the topic, a space, the payload.\n" +
        "  concentrator/demo/meters/p1/readings {\"meter\":\"p1\",\"protocol\":\"dsmr\",…,\"readings\":{…}}\n" +
        "  concentrator/demo/meters/p1/error CRC mismatch: telegram says 1A2B, computed 9F00\n" +
        "Diagnostics (connections, counters) go to standard error. Runs until Ctrl-C, --count or --duration.\n" +
        "\n" +
        "options:\n" +
        "  --mqtt HOST:PORT     publish to this MQTT broker instead of printing, through the persistent queue:\n" +
        "                       reconnects after a broker restart and sends what was queued meanwhile\n" +
        "  --queue FILE         the queue file (kept between runs; default: a temporary file)\n" +
        "  --mqtt-user U, --mqtt-password P, --mqtt-ca CA.pem   broker credentials; TLS with this CA\n" +
        "  --drain S            with --count: wait up to S seconds (default 10) for the broker to take the queue\n" +
        "  --count N            stop after N readings messages (exit 0); fails (exit 1) when none comes for\n" +
        "                       " + StallLimit.TotalSeconds + " s\n" +
        "  --duration S         stop after S seconds\n" +
        "  --meters N           simulated meters, each on its own port, named p1 … pN (default 1, at most 16)\n" +
        SmlDemoMeters.Help +
        "  --device ID          the concentrator's name in the topics (default demo)\n" +
        "  --prefix P           first topic level(s) (default " + MqttTopics.DefaultPrefix + ")\n" +
        OpticalDemoMeters.Help +
        DlmsDemoMeters.Help +
        "simulation options (as for simulate; here a telegram every second unless --interval says otherwise):\n" +
        SimulationArguments.Help;

    public int Run(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        arguments.RequireAtMostPositionals(0);
        int count = arguments.Int("count", 0, 1, int.MaxValue);
        TimeSpan? duration = arguments.Seconds("duration", 0.01, 366 * 86400.0);
        int meterCount = arguments.Int("meters", 1, 1, 16);
        int opticalCount = arguments.Int("optical", 1, 0, 4);
        string device = arguments.Value("device") ?? "demo";
        string prefix = arguments.Value("prefix") ?? MqttTopics.DefaultPrefix;
        (string Host, int Port)? broker = arguments.Value("mqtt") is { } mqtt ? ParseBroker(mqtt) : null;

        var meterOptions = new SimulatedP1PortOptions[meterCount];
        for (int i = 0; i < meterCount; i++)
        {
            meterOptions[i] = SimulationArguments.Parse(arguments, DefaultInterval, i);
        }

        // Checked before anything starts, so that a bad --device or --prefix is a usage error.
        try
        {
            new P1RunnerOptions { Port = 1, DeviceId = device, TopicPrefix = prefix }.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new UsageException((exception.ParamName == nameof(P1RunnerOptions.DeviceId) ? "--device: " : "--prefix: ") + FirstSentence(exception.Message));
        }

        TimeSpan drain = arguments.Seconds("drain", 0, 3600) ?? TimeSpan.FromSeconds(10);
        MqttOutputSettings? mqttSettings = null;
        if (broker is not null)
        {
            string[] meterIds = new string[meterCount];
            for (int i = 0; i < meterCount; i++)
            {
                meterIds[i] = "p" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }

            mqttSettings = new MqttOutputSettings(broker.Value.Host, broker.Value.Port, arguments.Value("queue"), arguments.Value("mqtt-user"),
                arguments.Value("mqtt-password"), arguments.Value("mqtt-ca"), device, prefix, meterIds);
        }

        if (!MqttPublisherFactory.TryOpen("demo", mqttSettings, console, out IMessagePublisher output, out MqttOutput? mqttOutput))
        {
            return ExitCodes.Failed;
        }

        var publisher = new CountingPublisher(output, count);
        var servers = new List<SimulatedP1PortServer>();
        var runners = new List<P1Runner>();
        var runs = new List<Task>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        OpticalDemoMeters? optical = null;
        bool stalled = false;
        SmlDemoMeters? sml = null;
        DlmsDemoMeters? dlms = null;
        try
        {
            sml = new SmlDemoMeters(arguments, meterOptions[0].EffectiveInterval, device, prefix, publisher, console);
            dlms = new DlmsDemoMeters(arguments, meterOptions[0].EffectiveInterval, device, prefix, publisher, console);
            for (int i = 0; i < meterCount; i++)
            {
                string meterId = "p" + (i + 1).ToString(CultureInfo.InvariantCulture);
                var server = new SimulatedP1PortServer(meterOptions[i]);
                servers.Add(server);
                server.Start(0);
                var runner = new P1Runner(new P1RunnerOptions { Port = server.Port, DeviceId = device, TopicPrefix = prefix, MeterId = meterId, ReadingsObserver = mqttOutput?.ReadingsObserver }, publisher);
                runners.Add(runner);
                runner.Diagnostic += message => console.Error.WriteLine(meterId + ": " + message);
                console.Error.WriteLine(meterId + ": simulated Landis+Gyr E350 /" + server.Meter.Identification + " on 127.0.0.1:" + server.Port + " (" +
                                        SimulationArguments.Describe(meterOptions[i]) + ") -> " + runner.ReadingsTopic);
            }

            foreach (P1Runner runner in runners)
            {
                runs.Add(runner.RunAsync(stop.Token));
            }

            sml.Start(runs, stop.Token);
            dlms.Start(runs, stop.Token);
            optical = OpticalDemoMeters.Start(opticalCount, publisher, prefix, device, meterOptions[0].EffectiveInterval, console, stop.Token);

            TimeSpan stallLimit = StallLimit;
            foreach (SimulatedP1PortOptions options in meterOptions)
            {
                TimeSpan needed = options.EffectiveInterval * 5 + (options.Faults.Count > 0 ? options.SilencePeriod : TimeSpan.Zero);
                if (needed > stallLimit)
                {
                    stallLimit = needed;
                }
            }

            long started = Stopwatch.GetTimestamp();
            while (!cancellationToken.IsCancellationRequested)
            {
                if (publisher.Done.Wait(100))
                {
                    break;
                }

                if (duration is not null && Stopwatch.GetElapsedTime(started) >= duration.Value)
                {
                    break;
                }

                if (count > 0 && publisher.SinceLastReading > stallLimit)
                {
                    stalled = true;
                    console.Error.WriteLine("demo: no readings message for " + stallLimit.TotalSeconds + " s; giving up after " + publisher.Readings + " of " + count);
                    break;
                }
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                Task.WhenAll(runs).Wait(RunnerStopTimeout);
            }
            catch (AggregateException exception)
            {
                console.Error.WriteLine("demo: a runner failed: " + exception.InnerException?.Message);
            }

            foreach (SimulatedP1PortServer server in servers)
            {
                server.Dispose();
            }

            sml?.Dispose();
            dlms?.Dispose();
            optical?.Stop(console, RunnerStopTimeout);

            for (int i = 0; i < runners.Count; i++)
            {
                console.Error.WriteLine("p" + (i + 1).ToString(CultureInfo.InvariantCulture) + ": " + runners[i].Counters);
                runners[i].Dispose();
            }

            if (mqttOutput is not null && count > 0 && !stalled)
            {
                string? left = mqttOutput.Drain(drain);
                if (left is not null)
                {
                    console.Error.WriteLine("demo: " + left);
                    stalled = true;
                }
            }

            mqttOutput?.Close();
            console.Out.Flush();
        }

        return stalled ? ExitCodes.Failed : ExitCodes.Ok;
    }

    internal static (string Host, int Port) ParseBroker(string text)
    {
        int colon = text.LastIndexOf(':');
        string host = colon < 0 ? text : text.Substring(0, colon);
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host.Substring(1, host.Length - 2); // [::1]:1883
        }

        if (colon <= 0 || host.Length == 0 ||
            !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
        {
            throw new UsageException("--mqtt " + text + ": expected HOST:PORT with a port from 1 to 65535 (e.g. localhost:1883)");
        }

        return (host, port);
    }

    private static string FirstSentence(string message)
    {
        int paren = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return paren < 0 ? message : message.Substring(0, paren);
    }
}
