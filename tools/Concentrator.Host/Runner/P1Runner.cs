using System;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Io;
using Concentrator.Core.Mqtt;
using Concentrator.Core.P1;
using Concentrator.Host.Links;
using Concentrator.Host.Publishing;

namespace Concentrator.Host.Runner;

/// <summary>
/// The host-side P1 pipeline, the same Core code the firmware runs: a <see cref="TcpByteLink"/> to the P1 stream,
/// Core's <see cref="P1PortReader"/> and <see cref="DsmrTelegramDecoder"/>, and a <see cref="P1PublishingSink"/> that
/// publishes readings to <c>&lt;prefix&gt;/&lt;device&gt;/meters/&lt;meter&gt;/readings</c> and failures to
/// <c>…/error</c>. When the TCP server goes away (ser2net or the simulator restarts) it reconnects with a doubling
/// backoff. Every wait is bounded: a read by the reader's timeout, a connect by the connect timeout, a backoff by its
/// maximum; cancellation is noticed within one of them.
/// </summary>
public sealed class P1Runner : IDisposable
{
    private readonly P1RunnerOptions _options;
    private readonly TcpByteLink _link;
    private readonly P1PortReader _reader;
    private readonly P1PublishingSink _sink;
    private readonly ReconnectBackoff _backoff;
    private int _running;

    public P1Runner(P1RunnerOptions options, IMessagePublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(publisher);
        options.Validate();
        _options = options;
        ReadingsTopic = MqttTopics.Readings(options.TopicPrefix, options.DeviceId, options.MeterId);
        ErrorTopic = MqttTopics.MeterError(options.TopicPrefix, options.DeviceId, options.MeterId);
        _link = new TcpByteLink(options.Host, options.Port, options.ConnectTimeout);
        _sink = new P1PublishingSink(publisher, ReadingsTopic, ErrorTopic, options.MeterId, options.PayloadCapacity, Counters, Report, options.Quality)
        {
            ReadingsObserver = options.ReadingsObserver,
        };
        IP1TelegramSink sink = _sink;
        IByteLink wire = _link;
        if (options.Diagnostics is { } diagnostics)
        {
            // DIAG: each telegram is a good reading, silence past the alarm offline; CAPT: the next telegrams.
            sink = new PushMeterHealthSink(_sink, null, diagnostics.Health.Add(options.MeterId), diagnostics.Capture) { Link = "P1 TCP " + _link.Endpoint + " " + P1LineSettings.Dsmr4 };
            wire = new CapturingByteLink(_link, diagnostics.Capture) { ContinuousMeterId = options.MeterId };
        }

        _reader = new P1PortReader(wire, new DsmrTelegramDecoder(options.Decoder), sink, options.Reader);
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay);
    }

    /// <summary>Connection changes and publish failures, one line each (for a console's standard error).</summary>
    public event Action<string>? Diagnostic;

    public P1RunnerCounters Counters { get; } = new();

    public string ReadingsTopic { get; }

    public string ErrorTopic { get; }

    /// <summary>"host:port" of the P1 stream.</summary>
    public string Endpoint => _link.Endpoint;

    /// <summary>Runs on a thread of its own until <paramref name="cancellationToken"/> fires.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        return Task.Factory.StartNew(() => Run(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Reads, decodes and publishes until <paramref name="cancellationToken"/> fires; returns within a read or connect timeout of it.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("the runner is already running");
        }

        try
        {
            new ReconnectingLinkLoop(_link, P1LineSettings.Dsmr4, _backoff, Counters, _sink.PublishError, Report).Run(_reader.Poll, cancellationToken);
        }
        finally
        {
            Interlocked.Exchange(ref _running, 0);
        }
    }

    public void Dispose()
    {
        _link.Dispose();
    }

    private void Report(string message)
    {
        Diagnostic?.Invoke(message);
    }
}
