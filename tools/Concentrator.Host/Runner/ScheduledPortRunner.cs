using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Io;
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
    private readonly Dictionary<string, CapturingByteLink> _capturingLinks = new(StringComparer.OrdinalIgnoreCase);
    private readonly FrameCapture? _capture;

    /// <param name="diagnostics">DIAG and CAPT of <c>run</c>: each meter's health is kept and its link captured; null: neither.</param>
    public ScheduledPortRunner(MeterPort port, MeterDefinition[] meters, InventoryConfiguration configuration, IMessagePublisher publisher, IScheduleClock? clock = null,
                               RunnerDiagnostics? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(publisher);
        clock ??= SystemScheduleClock.Instance;
        Port = port;
        _readers = new IMeterReader[meters.Length];
        _capture = diagnostics?.Capture;
        var scheduled = new IMeterReader[meters.Length];
        var health = new MeterHealth[meters.Length];
        var links = new string[meters.Length];
        TimeSpan connectTimeout = TimeSpan.FromMilliseconds(configuration.Scheduler.ReadBudgetMilliseconds);
        for (int i = 0; i < meters.Length; i++)
        {
            _readers[i] = CreateReader(meters[i], connectTimeout, clock, _sharedLinks, _capture, _capturingLinks, out CapturingByteLink? captured);
            scheduled[i] = captured is null || _capture is null ? _readers[i] : new CapturingMeterReader(_readers[i], _capture, captured);
            if (_readers[i] is IReaderCounters counted)
            {
                counted.Diagnostic += message => Diagnostic?.Invoke(message);
            }

            if (diagnostics is not null)
            {
                health[i] = diagnostics.Health.Add(meters[i].Id);
                links[i] = LinkText(meters[i]);
            }
        }

        Sink = new ScheduledPublishingSink(publisher, configuration.TopicPrefix, configuration.DeviceId, meters,
                                           new QualityChecker(meters.Length, configuration.RegistersPerMeter, configuration.Quality),
                                           configuration.Scheduler.OfflineProbeIntervalSeconds, 16384);
        IMeterReadSink sink = diagnostics is null ? Sink : new MeterHealthSink(Sink, health, links);
        Scheduler = new PortScheduler(meters, scheduled, clock, configuration.Scheduler, sink);
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
    public static IMeterReader CreateReader(MeterDefinition meter, TimeSpan connectTimeout, IScheduleClock clock, Dictionary<string, TcpByteLink> sharedLinks) =>
        CreateReader(meter, connectTimeout, clock, sharedLinks, null, null, out _);

    /// <summary>
    /// The reader, with <paramref name="capture"/> listening on the link its protocol speaks over (shared per endpoint like
    /// the link: <paramref name="capturingLinks"/>); <paramref name="captured"/> is that link, null without a capture.
    /// </summary>
    public static IMeterReader CreateReader(MeterDefinition meter, TimeSpan connectTimeout, IScheduleClock clock, Dictionary<string, TcpByteLink> sharedLinks,
                                            FrameCapture? capture, Dictionary<string, CapturingByteLink>? capturingLinks, out CapturingByteLink? captured)
    {
        captured = null;
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

            if (capture is not null && capturingLinks is not null)
            {
                if (!capturingLinks.TryGetValue(endpoint, out captured))
                {
                    captured = new CapturingByteLink(link, capture);
                    capturingLinks.Add(endpoint, captured);
                }
            }

            return new TcpDlmsMeterReader(meter, link, clock, captured);
        }

        if (meter.Protocol == MeterProtocol.Iec62056_21)
        {
            var iec = new TcpIecMeterReader(meter, host, tcpPort, connectTimeout, clock, capture);
            captured = iec.CapturingLink;
            return iec;
        }

        return meter.Protocol switch
        {
            MeterProtocol.Dsmr => new TcpP1MeterReader(host, tcpPort, connectTimeout, clock, new DsmrDecoderOptions()),
            MeterProtocol.Sml => new TcpSmlMeterReader(host, tcpPort, connectTimeout, clock),
            _ => throw new InventoryFileException("meter '" + meter.Id + "': protocol " + meter.Protocol + " has no reader in the host runner"),
        };
    }

    /// <summary>How a meter is reached, for DIAG's LINK when its reader does not say more (IEC readers do).</summary>
    public static string LinkText(MeterDefinition meter) => meter.Protocol switch
    {
        MeterProtocol.DlmsHdlc => "HDLC " + TcpDlmsMeterReader.TargetOf(meter.Address) + " client " + (meter.Password.Length > 0 ? Concentrator.Core.Hdlc.HdlcAddress.PasswordClient : Concentrator.Core.Hdlc.HdlcAddress.PublicClient) +
                                  " " + (meter.BaudCap > 0 ? meter.BaudCap : 9600) + " 8N1",
        MeterProtocol.DlmsWrapper => "wrapper " + TcpDlmsMeterReader.EndpointOf(meter.Address),
        _ => "TCP " + TcpDlmsMeterReader.EndpointOf(meter.Address),
    };

    /// <summary>Runs the port on a thread of its own until <paramref name="cancellationToken"/> fires.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        return Task.Factory.StartNew(() => Run(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Run(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            _capture?.Expire();
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
