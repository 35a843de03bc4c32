using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Cli.CommandLine;
using Concentrator.Core.Meters;
using Concentrator.Host.Inventory;
using Concentrator.Host.Publishing;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation.Hdlc;

namespace Concentrator.Cli.Commands;

/// <summary>
/// The DLMS part of <c>demo</c> (<c>--dlms N</c>): N simulated COSEM meters on one simulated RS485 bus (HDLC at
/// 9600 8N1, one TCP endpoint for the bus), read one at a time by Core's port scheduler with the DLMS client over
/// HDLC (<see cref="ScheduledPortRunner"/>, as <c>run --config</c> does), published as meters dlms1 … dlmsN.
/// </summary>
internal sealed class DlmsDemoMeters : IDisposable
{
    public static readonly OptionSpec[] Options = { new("dlms", true) };

    public const string Help =
        "  --dlms N             simulated DLMS/COSEM meters on one RS485 bus (HDLC, 9600 baud), named dlms1 … dlmsN, read in\n" +
        "                       turn by the scheduler every 2 s x N or the interval, if longer (default 2, 0 for none, at most 31; the first read of each meter also\n" +
        "                       learns its object list: ~9 s at 9600 baud, later reads ~1.3 s)\n";

    private readonly SimulatedHdlcBus? _bus;
    private readonly ScheduledPortRunner? _runner;
    private readonly CliConsole _console;

    public DlmsDemoMeters(ParsedArguments arguments, TimeSpan interval, string device, string prefix, IMessagePublisher publisher, CliConsole console)
    {
        _console = console;
        int count = arguments.Int("dlms", 2, 0, 31);
        if (count == 0)
        {
            return;
        }

        _bus = DlmsSimulation.CreateBus(count, Array.Empty<(HdlcFaultKind, double)>());
        _bus.Start(0);
        var configuration = new InventoryConfiguration { DeviceId = device, TopicPrefix = prefix };
        configuration.Scheduler.ReadBudgetMilliseconds = 20000;
        configuration.Scheduler.RetryFirstDelayMilliseconds = 1000;
        var meters = new MeterDefinition[count];
        // A read takes ~1.3 s at 9600 baud: the interval leaves the bus time for every meter.
        int seconds = Math.Max(Math.Max(1, (int)Math.Ceiling(interval.TotalSeconds)), 2 * count);
        for (int i = 0; i < count; i++)
        {
            string meterId = MeterId(i);
            meters[i] = new MeterDefinition
            {
                Id = meterId,
                Port = MeterPort.Rs485,
                Protocol = MeterProtocol.DlmsHdlc,
                Address = "127.0.0.1:" + _bus.Port.ToString(CultureInfo.InvariantCulture) + "/1/" + (DlmsSimulation.FirstPhysicalAddress + i).ToString(CultureInfo.InvariantCulture),
                IntervalSeconds = seconds,
            };
            configuration.Meters.Add(meters[i]);
            console.Error.WriteLine(meterId + ": simulated DLMS/COSEM meter at HDLC address 1/" + (DlmsSimulation.FirstPhysicalAddress + i).ToString(CultureInfo.InvariantCulture) +
                                    " on the RS485 bus at 127.0.0.1:" + _bus.Port + " (9600 8N1), every " + seconds + " s -> " + MqttTopicsOf(prefix, device, meterId));
        }

        _runner = new ScheduledPortRunner(MeterPort.Rs485, meters, configuration, publisher);
        _runner.Diagnostic += message => console.Error.WriteLine(message);
        _runner.Sink.Diagnostic += message => console.Error.WriteLine(message);
    }

    public void Start(List<Task> runs, CancellationToken cancellationToken)
    {
        if (_runner is not null)
        {
            runs.Add(_runner.RunAsync(cancellationToken));
        }
    }

    /// <summary>Stops the bus and prints each meter's scheduler and wire counters.</summary>
    public void Dispose()
    {
        _bus?.Dispose();
        if (_runner is null)
        {
            return;
        }

        for (int i = 0; i < _runner.Scheduler.Count; i++)
        {
            var meter = _runner.Scheduler[i];
            _console.Error.WriteLine(meter.Definition.Id + ": reads " + meter.Reads + ", failures " + meter.Failures + ", missed slots " + meter.MissedSlots + "; " + _runner.ReaderCounters(i));
        }

        _runner.Dispose();
    }

    private static string MeterId(int index) => "dlms" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string MqttTopicsOf(string prefix, string device, string meterId) => Core.Mqtt.MqttTopics.Readings(prefix, device, meterId);
}
