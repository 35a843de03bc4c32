using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Meters;
using Concentrator.Core.Quality;
using Concentrator.Core.Scheduling;
using Concentrator.Host.Inventory;
using Concentrator.Host.Links;
using Concentrator.Host.Publishing;

namespace Concentrator.Host.Runner;

/// <summary>
/// Runs a whole inventory (<c>concentrator run --config FILE</c>): one <see cref="ScheduledPortRunner"/> thread per port
/// with polled meters (interval above 0), and one continuous <see cref="P1Runner"/> per meter that pushes (interval 0:
/// every telegram published, with the same quality checks). Ports run concurrently; meters of one port one at a time.
/// </summary>
public sealed class InventoryRunner : IDisposable
{
    private readonly List<ScheduledPortRunner> _ports = new();
    private readonly List<P1Runner> _continuous = new();

    /// <param name="diagnostics">DIAG and CAPT (each meter's health, the frame capture); null: neither.</param>
    public InventoryRunner(InventoryConfiguration configuration, IMessagePublisher publisher, IScheduleClock? clock = null, RunnerDiagnostics? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(publisher);
        Configuration = configuration;
        try
        {
            foreach (MeterPort port in Enum.GetValues<MeterPort>())
            {
                var polled = new List<MeterDefinition>();
                foreach (MeterDefinition meter in configuration.Meters)
                {
                    if (meter.Port == port && meter.IntervalSeconds > 0)
                    {
                        polled.Add(meter);
                    }
                }

                if (polled.Count > 0)
                {
                    var runner = new ScheduledPortRunner(port, polled.ToArray(), configuration, publisher, clock, diagnostics);
                    runner.Sink.Diagnostic += message => Diagnostic?.Invoke(message);
                    runner.Diagnostic += message => Diagnostic?.Invoke(message);
                    _ports.Add(runner);
                }
            }

            foreach (MeterDefinition meter in configuration.Meters)
            {
                if (meter.IntervalSeconds == 0)
                {
                    _continuous.Add(CreateContinuous(meter, configuration, publisher, diagnostics));
                }
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public event Action<string>? Diagnostic;

    public InventoryConfiguration Configuration { get; }

    public IReadOnlyList<ScheduledPortRunner> Ports => _ports;

    public IReadOnlyList<P1Runner> ContinuousMeters => _continuous;

    /// <summary>The schedule state of a polled meter, or null.</summary>
    public MeterSchedule? FindScheduled(string meterId)
    {
        foreach (ScheduledPortRunner port in _ports)
        {
            for (int i = 0; i < port.Scheduler.Count; i++)
            {
                if (port.Scheduler[i].Definition.Id == meterId)
                {
                    return port.Scheduler[i];
                }
            }
        }

        return null;
    }

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var runs = new List<Task>();
        foreach (ScheduledPortRunner port in _ports)
        {
            runs.Add(port.RunAsync(cancellationToken));
        }

        foreach (P1Runner runner in _continuous)
        {
            runs.Add(runner.RunAsync(cancellationToken));
        }

        return Task.WhenAll(runs);
    }

    public void Dispose()
    {
        foreach (ScheduledPortRunner port in _ports)
        {
            port.Dispose();
        }

        foreach (P1Runner runner in _continuous)
        {
            runner.Dispose();
        }
    }

    private P1Runner CreateContinuous(MeterDefinition meter, InventoryConfiguration configuration, IMessagePublisher publisher, RunnerDiagnostics? diagnostics)
    {
        if (meter.Protocol != MeterProtocol.Dsmr)
        {
            throw new InventoryFileException("meter '" + meter.Id + "': interval 0 (a meter that pushes) is supported for dsmr only in the host runner");
        }

        if (!HostPort.TryParse(meter.Address, out string host, out int port))
        {
            throw new InventoryFileException("meter '" + meter.Id + "': address '" + meter.Address + "' is not HOST:PORT (this runner reaches every meter over TCP)");
        }

        var runner = new P1Runner(new P1RunnerOptions
        {
            Host = host,
            Port = port,
            MeterId = meter.Id,
            DeviceId = configuration.DeviceId,
            TopicPrefix = configuration.TopicPrefix,
            Quality = new QualityChecker(1, configuration.RegistersPerMeter, configuration.Quality),
            Diagnostics = diagnostics,
        }, publisher);
        runner.Diagnostic += message => Diagnostic?.Invoke(meter.Id + ": " + message);
        return runner;
    }
}
