using System;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Io;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Sml;
using Concentrator.Host.Links;
using Concentrator.Host.Publishing;

namespace Concentrator.Host.Runner;

/// <summary>
/// The host-side SML pipeline, the same Core code the firmware runs: a <see cref="TcpByteLink"/> to the meter, and
/// either Core's <see cref="SmlPushReader"/> (a meter pushing on its optical port, served by ser2net) or Core's
/// <see cref="SmlClientSession"/> pulling with GetList requests every interval (a meter or E750 module on TCP); files
/// become readings payloads and failures error messages (<see cref="SmlPublishingSink"/>). Reconnects like the P1
/// runner (<see cref="ReconnectingLinkLoop"/>).
/// </summary>
public sealed class SmlRunner : IDisposable
{
    private readonly P1RunnerOptions _options;
    private readonly SmlRunnerSettings _settings;
    private readonly TcpByteLink _link;
    private readonly P1PublishingSink _publisher;
    private readonly SmlPublishingSink _sink;
    private readonly SmlPushReader _reader;
    private readonly SmlClientSession _session;
    private readonly ReconnectBackoff _backoff;
    private int _running;

    /// <param name="options">Where the meter is and where to publish (host, port, topics, meter name, timeouts).</param>
    /// <param name="settings">Push or pull, and the SML options.</param>
    /// <param name="publisher">Where messages go.</param>
    public SmlRunner(P1RunnerOptions options, SmlRunnerSettings settings, IMessagePublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(publisher);
        options.Validate();
        settings.Validate();
        _options = options;
        _settings = settings;
        ReadingsTopic = MqttTopics.Readings(options.TopicPrefix, options.DeviceId, options.MeterId);
        ErrorTopic = MqttTopics.MeterError(options.TopicPrefix, options.DeviceId, options.MeterId);
        _link = new TcpByteLink(options.Host, options.Port, options.ConnectTimeout);
        _publisher = new P1PublishingSink(publisher, ReadingsTopic, ErrorTopic, options.MeterId, options.PayloadCapacity, Counters, Report);
        _sink = new SmlPublishingSink(_publisher, Counters);
        var decoder = new SmlFileDecoder(settings.Decoder);
        _reader = new SmlPushReader(_link, decoder, _sink, settings.Reader);
        _session = new SmlClientSession(_link, decoder, settings.Client);
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay);
    }

    public event Action<string>? Diagnostic;

    /// <summary>Link and publish counters ("telegrams" are files here).</summary>
    public P1RunnerCounters Counters { get; } = new();

    /// <summary>SML failure counts.</summary>
    public SmlPublishingSink Failures => _sink;

    public string ReadingsTopic { get; }

    public string ErrorTopic { get; }

    public Task RunAsync(CancellationToken cancellationToken)
    {
        return Task.Factory.StartNew(() => Run(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Run(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("the runner is already running");
        }

        try
        {
            var loop = new ReconnectingLinkLoop(_link, SmlLineSettings.Optical, _backoff, Counters, _publisher.PublishError, Report);
            if (_settings.Pull)
            {
                loop.Run(() => Pull(cancellationToken), cancellationToken);
            }
            else
            {
                loop.Run(_reader.Poll, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Exchange(ref _running, 0);
        }
    }

    public override string ToString()
    {
        string failures = _sink.Describe();
        return Counters + (failures.Length == 0 ? "" : "; " + failures);
    }

    public void Dispose()
    {
        _link.Dispose();
    }

    // One pull, then the wait until the next; the link's failure ends it early.
    private LinkStatus Pull(CancellationToken cancellationToken)
    {
        long started = Environment.TickCount64;
        SmlClientStatus status = _session.ReadList();
        switch (status)
        {
            case SmlClientStatus.Ok:
                _sink.OnFile(_session.Decoder.Readings, false);
                break;
            case SmlClientStatus.Partial:
                _sink.OnFailure(_session.Decoder.LastError);
                _sink.OnFile(_session.Decoder.Readings, true);
                break;
            case SmlClientStatus.LinkFailed:
                return _session.LastLinkStatus;
            case SmlClientStatus.Attention:
                SmlFileParser parser = _session.Decoder.Parser;
                _publisher.PublishError("attention: the meter answered " + Convert.ToHexString(parser.AttentionNumber, 0, parser.AttentionLength) + " instead of the list");
                break;
            case SmlClientStatus.Timeout:
                _publisher.PublishError("timeout: no answer to the GetList request within " + _settings.Client.SilenceTimeoutMilliseconds + " ms");
                break;
            default:
                _publisher.PublishError("no list: " + _session.Decoder.LastError);
                break;
        }

        TimeSpan wait = _settings.PullInterval - TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
        if (wait > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(wait);
        }

        return LinkStatus.Ok;
    }

    private void Report(string message)
    {
        Diagnostic?.Invoke(message);
    }
}
