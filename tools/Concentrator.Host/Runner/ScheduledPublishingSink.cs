using System;
using System.Globalization;
using System.Text;
using System.Threading;
using Concentrator.Core.Json;
using Concentrator.Core.Meters;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Quality;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Host.Publishing;

namespace Concentrator.Host.Runner;

/// <summary>
/// The end of a scheduled port: each good read goes through the <see cref="QualityChecker"/> and becomes Core's readings
/// payload on the meter's readings topic; failed reads, missed slots and offline/online changes become one text line on
/// the meter's error topic (retained: the last word stays visible). Payloads go through buffers allocated once.
/// </summary>
public sealed class ScheduledPublishingSink : IMeterReadSink
{
    private readonly IMessagePublisher _publisher;
    private readonly QualityChecker _quality;
    private readonly string[] _readingsTopics;
    private readonly string[] _errorTopics;
    private readonly int _probeSeconds;
    private readonly JsonWriter _writer;
    private readonly ReadingJsonFormatter _formatter = new();
    private readonly byte[] _text = new byte[1024];
    private long _readings;
    private long _flagged;
    private long _failures;
    private long _publishFailures;

    public ScheduledPublishingSink(IMessagePublisher publisher, string prefix, string deviceId, MeterDefinition[] meters, QualityChecker quality,
                                   int probeIntervalSeconds, int payloadCapacity)
    {
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _quality = quality ?? throw new ArgumentNullException(nameof(quality));
        _probeSeconds = probeIntervalSeconds;
        _readingsTopics = new string[meters.Length];
        _errorTopics = new string[meters.Length];
        for (int i = 0; i < meters.Length; i++)
        {
            _readingsTopics[i] = MqttTopics.Readings(prefix, deviceId, meters[i].Id);
            _errorTopics[i] = MqttTopics.MeterError(prefix, deviceId, meters[i].Id);
        }

        _writer = new JsonWriter(payloadCapacity);
    }

    /// <summary>Connection changes, offline/online and publish failures, one line each.</summary>
    public event Action<string>? Diagnostic;

    public long Readings => Interlocked.Read(ref _readings);

    /// <summary>Readings payloads that carried at least one quality flag.</summary>
    public long Flagged => Interlocked.Read(ref _flagged);

    public long Failures => Interlocked.Read(ref _failures);

    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    public void OnReading(MeterSchedule meter, ReadingSet readings, long slotMilliseconds, long startedMilliseconds)
    {
        DateTime received = DateTime.UtcNow;
        if (_quality.Check(meter.Index, readings, received) != ReadingFlags.None)
        {
            Interlocked.Increment(ref _flagged);
        }

        _writer.Reset();
        _formatter.WriteReadingsPayload(_writer, meter.Definition.Id, readings, received);
        if (_writer.Overflowed)
        {
            PublishText(meter, "payload too large: the readings JSON needs more than the " + _writer.Buffer.Length + "-byte payload buffer; reading not published");
            return;
        }

        Interlocked.Increment(ref _readings);
        string topic = _readingsTopics[meter.Index];
        try
        {
            _publisher.PublishReadings(topic, meter.Definition.Id, readings, received, _writer.Buffer, _writer.Length);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _publishFailures);
            Diagnostic?.Invoke("publish to " + topic + " failed: " + exception.Message);
        }
    }

    public void OnReadFailed(MeterSchedule meter, MeterReadStatus status, string error, bool willRetry)
    {
        Interlocked.Increment(ref _failures);
        PublishText(meter, "read failed (" + status + "): " + error + (willRetry ? "; retrying in this slot" : meter.Offline ? "; offline" : "; next slot"));
    }

    public void OnMissedSlots(MeterSchedule meter, long count, long firstMissedSlotMilliseconds)
    {
        string first = new DateTime(firstMissedSlotMilliseconds * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        PublishText(meter, "missed " + count.ToString(CultureInfo.InvariantCulture) + " slot(s) from " + first + ": the port was busy with other reads or the clock jumped");
    }

    public void OnOffline(MeterSchedule meter)
    {
        string text = "offline after " + meter.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture) + " failed reads in a row; probed every " +
                      Math.Max(_probeSeconds, meter.Definition.IntervalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
        Diagnostic?.Invoke(meter.Definition.Id + ": " + text);
        PublishText(meter, text);
    }

    public void OnOnline(MeterSchedule meter)
    {
        Diagnostic?.Invoke(meter.Definition.Id + ": answers again");
        PublishText(meter, "online again");
    }

    private void PublishText(MeterSchedule meter, string message)
    {
        int length = Encoding.UTF8.GetByteCount(message) <= _text.Length
            ? Encoding.UTF8.GetBytes(message, 0, message.Length, _text, 0)
            : Encoding.UTF8.GetBytes(message, 0, _text.Length / 4, _text, 0);
        Publish(_errorTopics[meter.Index], _text, length, true);
    }

    private void Publish(string topic, byte[] payload, int length, bool retain)
    {
        try
        {
            _publisher.Publish(topic, payload, length, retain);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The publisher is outside the poll cycle: its failure is counted and reported, and the meters are still read on time.
            Interlocked.Increment(ref _publishFailures);
            Diagnostic?.Invoke("publish to " + topic + " failed: " + exception.Message);
        }
    }
}
