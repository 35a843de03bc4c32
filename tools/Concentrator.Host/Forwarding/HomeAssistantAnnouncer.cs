using System;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Readings;
using Concentrator.Host.Publishing;

namespace Concentrator.Host.Forwarding;

/// <summary>
/// Publishes Home Assistant discovery configs (retained) through the same publisher as the readings (so, with an
/// <see cref="MqttForwarder"/>, through the queue and ahead of the readings that follow): Core's
/// <see cref="HomeAssistantAnnouncements"/> decides when (a meter's first readings, again when its sensors change, and
/// on <see cref="AnnounceAgain"/> when Home Assistant comes online) and writes them, the same bytes the board publishes. OBIS codes that occur more than once in a set (log entries) get none.
/// </summary>
public sealed class HomeAssistantAnnouncer
{
    private readonly IMessagePublisher _publisher;
    private readonly HomeAssistantAnnouncements _announcements;
    private readonly JsonWriter _writer = new(2048);
    private readonly object _lock = new();

    public HomeAssistantAnnouncer(IMessagePublisher publisher, string topicPrefix, string deviceId, string discoveryPrefix = MqttTopics.HomeAssistantPrefix)
    {
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(discoveryPrefix);
        _announcements = new HomeAssistantAnnouncements(discoveryPrefix, deviceId, MqttTopics.Status(topicPrefix, deviceId), 256);
    }

    /// <summary>Discovery configs published so far.</summary>
    public int Configs { get; private set; }

    public void Announce(string meterId, string readingsTopic, ReadingSet set)
    {
        lock (_lock)
        {
            if (_announcements.Observe(meterId, readingsTopic, set))
            {
                PublishDue();
            }
        }
    }

    /// <summary>Every meter seen so far, again, from the records (Home Assistant came online: <see cref="MqttForwarder.HomeAssistantOnline"/>).</summary>
    public void AnnounceAgain()
    {
        lock (_lock)
        {
            _announcements.RequestAll();
            PublishDue();
        }
    }

    private void PublishDue()
    {
        while (_announcements.TryNext(_writer, out string topic))
        {
            _publisher.Publish(topic, _writer.Buffer, _writer.Length, true);
            Configs++;
        }
    }
}
