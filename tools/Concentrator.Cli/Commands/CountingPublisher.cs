using System;
using System.Diagnostics;
using System.Threading;
using Concentrator.Host.Publishing;

namespace Concentrator.Cli.Commands;

/// <summary>
/// Passes messages on and counts the readings messages among them; after the limit it passes no more readings and
/// signals <see cref="Done"/>. Remembers when the last readings message went out (for the demo's stall guard).
/// </summary>
internal sealed class CountingPublisher : IMessagePublisher
{
    private readonly IMessagePublisher _inner;
    private readonly long _limit;
    private readonly object _lock = new();
    private long _readings;
    private long _lastReadingTimestamp;

    /// <param name="limit">Readings messages to pass; 0 for no limit.</param>
    public CountingPublisher(IMessagePublisher inner, long limit)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _limit = limit;
        _lastReadingTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>Set when the limit is reached.</summary>
    public ManualResetEventSlim Done { get; } = new(false);

    public long Readings => Interlocked.Read(ref _readings);

    /// <summary>Time since the last readings message (or since construction).</summary>
    public TimeSpan SinceLastReading => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastReadingTimestamp));

    public void Publish(string topic, byte[] payload, int length, bool retain)
    {
        Pass(topic, () => _inner.Publish(topic, payload, length, retain));
    }

    public void PublishReadings(string topic, string meterId, Concentrator.Core.Readings.ReadingSet readings, DateTime receivedUtc, byte[] payload, int length)
    {
        Pass(topic, () => _inner.PublishReadings(topic, meterId, readings, receivedUtc, payload, length));
    }

    private void Pass(string topic, Action publish)
    {
        bool reading = topic.EndsWith("/readings", StringComparison.Ordinal);
        lock (_lock)
        {
            // Several runners publish concurrently: the check and the publish go together, so the limit is exact.
            if (reading && _limit > 0 && _readings >= _limit)
            {
                return;
            }

            publish();
            if (!reading)
            {
                return;
            }

            Interlocked.Increment(ref _readings);
            Interlocked.Exchange(ref _lastReadingTimestamp, Stopwatch.GetTimestamp());
            if (_limit > 0 && _readings >= _limit)
            {
                Done.Set();
            }
        }
    }
}
