using System;
using System.Text;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Json;
using Concentrator.Core.P1;
using Concentrator.Core.Quality;
using Concentrator.Core.Readings;
using Concentrator.Host.Publishing;

namespace Concentrator.Host.Runner;

/// <summary>
/// The end of the P1 pipeline: each telegram becomes Core's readings payload (<see cref="ReadingJsonFormatter.WriteReadingsPayload"/>)
/// on the readings topic; each failure and silence becomes a text message on the meter's error topic (retained: the
/// last failure stays visible). Payloads are written into buffers allocated once.
/// </summary>
public sealed class P1PublishingSink : IP1TelegramSink
{
    private readonly IMessagePublisher _publisher;
    private readonly string _readingsTopic;
    private readonly string _errorTopic;
    private readonly string _meterId;
    private readonly P1RunnerCounters _counters;
    private readonly Action<string>? _diagnostic;
    private readonly JsonWriter _writer;
    private readonly ReadingJsonFormatter _formatter = new();
    private readonly byte[] _text = new byte[1024];
    private readonly QualityChecker? _quality;

    /// <summary>Told of each telegram's readings before they are published (see <see cref="P1RunnerOptions.ReadingsObserver"/>).</summary>
    public Action<string, string, ReadingSet>? ReadingsObserver { get; init; }

    public P1PublishingSink(IMessagePublisher publisher, string readingsTopic, string errorTopic, string meterId, int payloadCapacity,
                            P1RunnerCounters counters, Action<string>? diagnostic, QualityChecker? quality = null)
    {
        _quality = quality;
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _readingsTopic = readingsTopic ?? throw new ArgumentNullException(nameof(readingsTopic));
        _errorTopic = errorTopic ?? throw new ArgumentNullException(nameof(errorTopic));
        _meterId = meterId ?? throw new ArgumentNullException(nameof(meterId));
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
        _diagnostic = diagnostic;
        _writer = new JsonWriter(payloadCapacity);
    }

    public void OnTelegram(ReadingSet readings)
    {
        DateTime received = DateTime.UtcNow;
        _quality?.Check(0, readings, received);
        _writer.Reset();
        _formatter.WriteReadingsPayload(_writer, _meterId, readings, received);
        if (_writer.Overflowed)
        {
            _counters.CountPayloadOverflow();
            PublishError("payload too large: the readings JSON needs more than the " + _writer.Buffer.Length + "-byte payload buffer; telegram not published");
            return;
        }

        _counters.CountTelegram();
        if (ReadingsObserver is not null)
        {
            try
            {
                ReadingsObserver(_meterId, _readingsTopic, readings);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _diagnostic?.Invoke("readings observer failed: " + exception.Message);
            }
        }

        try
        {
            _publisher.PublishReadings(_readingsTopic, _meterId, readings, received, _writer.Buffer, _writer.Length);
            _counters.CountPublished();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _counters.CountPublishFailure();
            _diagnostic?.Invoke("publish to " + _readingsTopic + " failed: " + exception.Message);
        }
    }

    public void OnFailure(DsmrError error)
    {
        _counters.CountFailure(error.Kind);
        PublishError(error.ToString());
    }

    public void OnSilence(int silentMilliseconds)
    {
        _counters.CountSilence();
        PublishError("silent meter: no byte received for " + silentMilliseconds + " ms (check the data-request line and the cable)");
    }

    /// <summary>A text message on the error topic (link problems as well as decoder failures).</summary>
    public void PublishError(string message)
    {
        int length = Encoding.UTF8.GetByteCount(message) <= _text.Length
            ? Encoding.UTF8.GetBytes(message, 0, message.Length, _text, 0)
            : Encoding.UTF8.GetBytes(message, 0, _text.Length / 4, _text, 0);
        Publish(_errorTopic, _text, length, true);
    }

    private void Publish(string topic, byte[] payload, int length, bool retain)
    {
        try
        {
            _publisher.Publish(topic, payload, length, retain);
            _counters.CountPublished();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The publisher is outside the pipeline (a console, a broker): its failure is counted and reported, and
            // reading the meter goes on.
            _counters.CountPublishFailure();
            _diagnostic?.Invoke("publish to " + topic + " failed: " + exception.Message);
        }
    }
}
