using System.Diagnostics;
using System.Text;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Host.Publishing;
using Concentrator.Host.Simulation.Iec;

namespace Concentrator.Host.Runner;

/// <summary>
/// Reads a simulated optical IEC 62056-21 meter with Core's <see cref="IecSession"/> over the simulated line in real
/// time, one session per interval, and publishes each readout as Core's readings payload (the same JSON as DSMR) or
/// the session's failure as a text message on the meter's error topic. For the demo: what the firmware's optical
/// port thread will do, on the desktop.
/// </summary>
public sealed class IecOpticalRunner
{
    private readonly IecMeterProfile _profile;
    private readonly IecSessionOptions _options;
    private readonly IMessagePublisher _publisher;
    private readonly string _meterId;
    private readonly TimeSpan _interval;
    private readonly JsonWriter _writer = new(16384);
    private readonly ReadingJsonFormatter _formatter = new();

    public IecOpticalRunner(IecMeterProfile profile, IecSessionOptions options, IMessagePublisher publisher, string prefix, string deviceId, string meterId, TimeSpan interval)
    {
        _profile = profile ?? throw new ArgumentNullException(nameof(profile));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _meterId = meterId ?? throw new ArgumentNullException(nameof(meterId));
        _interval = interval;
        ReadingsTopic = MqttTopics.Readings(prefix, deviceId, meterId);
        ErrorTopic = MqttTopics.MeterError(prefix, deviceId, meterId);
    }

    public string ReadingsTopic { get; }

    public string ErrorTopic { get; }

    public int Readouts { get; private set; }

    public int Failures { get; private set; }

    /// <summary>One line per session (outcome, baud, time), for a console.</summary>
    public event Action<string>? Diagnostic;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        return Task.Factory.StartNew(() => Run(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Run(CancellationToken cancellationToken)
    {
        var clock = new RealTimeClock(cancellationToken);
        var meter = new SimulatedIecMeter(_profile, DateTime.UtcNow);
        var line = new SimulatedIecLine(meter, clock, _profile.Seed);
        var session = new IecSession(line, clock, new IecMessageDecoder(new IecDecoderOptions()), new IecBaudMemory(4));
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                long started = Stopwatch.GetTimestamp();
                IecSessionOutcome outcome = session.Run(_options);
                if (outcome == IecSessionOutcome.ReadoutComplete)
                {
                    Readouts++;
                    _writer.Reset();
                    DateTime received = DateTime.UtcNow;
                    _formatter.WriteReadingsPayload(_writer, _meterId, session.Readings, received);
                    _publisher.PublishReadings(ReadingsTopic, _meterId, session.Readings, received, _writer.Buffer, _writer.Length);
                    Diagnostic?.Invoke("readout of " + session.ReadoutBytes + " bytes at " + session.NegotiatedBaud + " baud in " +
                                       session.ElapsedMilliseconds + " ms (attempts " + session.Attempts + ", " + session.Readings.Count + " readings)");
                }
                else
                {
                    Failures++;
                    string message = outcome + ": " + (session.LastProblem ?? "no detail");
                    byte[] text = Encoding.UTF8.GetBytes(message);
                    _publisher.Publish(ErrorTopic, text, text.Length, true);
                    Diagnostic?.Invoke(message);
                }

                TimeSpan wait = _interval - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(wait))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped in the middle of a session: nothing half-read is published.
        }
    }
}
