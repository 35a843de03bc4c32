using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Meters;
using Concentrator.Core.Quality;
using Concentrator.Core.Scheduling;
using Concentrator.Host.Inventory;
using Concentrator.Host.Links;
using Concentrator.Host.Publishing;

namespace Concentrator.Host.Runner;

/// <summary>
/// One port of the inventory on a thread of its own, as on the board: Core's <see cref="PortScheduler"/> over the
/// port's polled meters (each behind TCP), a <see cref="QualityChecker"/> and a <see cref="ScheduledPublishingSink"/>.
/// The thread ticks the scheduler and sleeps as long as it says (at most <see cref="MaxSleep"/>, to notice a stop).
/// </summary>
public sealed class ScheduledPortRunner : IDisposable
{
    /// <summary>Longest single sleep between ticks: how fast a stop is noticed.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMilliseconds(250);

    private readonly IMeterReader[] _readers;
    private readonly Dictionary<string, TcpByteLink> _sharedLinks = new(StringComparer.OrdinalIgnoreCase);

    public ScheduledPortRunner(MeterPort port, MeterDefinition[] meters, InventoryConfiguration configuration, IMessagePublisher publisher, IScheduleClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(publisher);
        clock ??= SystemScheduleClock.Instance;
        Port = port;
        _readers = new IMeterReader[meters.Length];
        TimeSpan connectTimeout = TimeSpan.FromMilliseconds(configuration.Scheduler.ReadBudgetMilliseconds);
        for (int i = 0; i < meters.Length; i++)
        {
            _readers[i] = CreateReader(meters[i], connectTimeout, clock, _sharedLinks);
            if (_readers[i] is IReaderCounters counted)
            {
                counted.Diagnostic += message => Diagnostic?.Invoke(message);
            }
        }

        Sink = new ScheduledPublishingSink(publisher, configuration.TopicPrefix, configuration.DeviceId, meters,
                                           new QualityChecker(meters.Length, configuration.RegistersPerMeter, configuration.Quality),
                                           configuration.Scheduler.OfflineProbeIntervalSeconds, 16384);
        Scheduler = new PortScheduler(meters, _readers, clock, configuration.Scheduler, Sink);
    }

    public MeterPort Port { get; }

    /// <summary>Per-read lines of readers that report them (DLMS: round trips and bytes of each read).</summary>
    public event Action<string>? Diagnostic;

    /// <summary>The counters of the reader of meter <paramref name="index"/>, or null when it keeps none worth printing.</summary>
    public string? ReaderCounters(int index) => (_readers[index] as IReaderCounters)?.Counters;

    public PortScheduler Scheduler { get; }

    public ScheduledPublishingSink Sink { get; }

    /// <summary>
    /// The reader for a meter's protocol. DLMS meters with the same HOST:PORT share one TCP link (<paramref name="sharedLinks"/>,
    /// keyed by endpoint): the meters of one RS485 bus behind one serial-to-TCP converter, read one at a time.
    /// </summary>
    public static IMeterReader CreateReader(MeterDefinition meter, TimeSpan connectTimeout, IScheduleClock clock, Dictionary<string, TcpByteLink> sharedLinks)
    {
        bool dlms = meter.Protocol is MeterProtocol.DlmsHdlc or MeterProtocol.DlmsWrapper;
        // DLMS and IEC addresses may name the meter after HOST:PORT ("/1/1001", "/11620371").
        string endpoint = dlms || meter.Protocol == MeterProtocol.Iec62056_21 ? TcpDlmsMeterReader.EndpointOf(meter.Address) : meter.Address;
        if (!HostPort.TryParse(endpoint, out string host, out int tcpPort))
        {
            throw new InventoryFileException("meter '" + meter.Id + "': address '" + meter.Address + "' is not HOST:PORT (this runner reaches every meter over TCP)");
        }

        if (dlms)
        {
            if (!sharedLinks.TryGetValue(endpoint, out TcpByteLink? link))
            {
                link = new TcpByteLink(host, tcpPort, connectTimeout);
                sharedLinks.Add(endpoint, link);
            }

            return new TcpDlmsMeterReader(meter, link, clock);
        }

        return meter.Protocol switch
        {
            MeterProtocol.Dsmr => new TcpP1MeterReader(host, tcpPort, connectTimeout, clock, new DsmrDecoderOptions()),
            MeterProtocol.Iec62056_21 => new TcpIecMeterReader(meter, host, tcpPort, connectTimeout, clock),
            MeterProtocol.Sml => new TcpSmlMeterReader(host, tcpPort, connectTimeout, clock),
            _ => throw new InventoryFileException("meter '" + meter.Id + "': protocol " + meter.Protocol + " has no reader in the host runner"),
        };
    }

    /// <summary>Runs the port on a thread of its own until <paramref name="cancellationToken"/> fires.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        return Task.Factory.StartNew(() => Run(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Run(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            long wait = Scheduler.Tick();
            if (wait > 0)
            {
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(Math.Min(wait, (long)MaxSleep.TotalMilliseconds)));
            }
        }
    }

    public void Dispose()
    {
        foreach (IMeterReader reader in _readers)
        {
            (reader as IDisposable)?.Dispose();
        }

        foreach (TcpByteLink link in _sharedLinks.Values)
        {
            link.Dispose();
        }
    }
}
