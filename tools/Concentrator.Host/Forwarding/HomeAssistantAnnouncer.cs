using System;
using System.Collections.Generic;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Readings;
using Concentrator.Host.Publishing;

namespace Concentrator.Host.Forwarding;

/// <summary>
/// Publishes Home Assistant discovery configs (retained) for every sensor of a meter the first time its readings are
/// seen in this process, through the same publisher as the readings (so, with an <see cref="MqttForwarder"/>, through
/// the queue and ahead of the first readings). OBIS codes that occur more than once in a set (log entries) get none.
/// </summary>
public sealed class HomeAssistantAnnouncer
{
    private readonly IMessagePublisher _publisher;
    private readonly string _discoveryPrefix;
    private readonly string _deviceId;
    private readonly string _statusTopic;
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly HomeAssistantDiscoveryFormatter _formatter = new();
    private readonly JsonWriter _writer = new(2048);
    private readonly object _lock = new();

    public HomeAssistantAnnouncer(IMessagePublisher publisher, string topicPrefix, string deviceId, string discoveryPrefix = MqttTopics.HomeAssistantPrefix)
    {
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _deviceId = deviceId ?? throw new ArgumentNullException(nameof(deviceId));
        _discoveryPrefix = discoveryPrefix ?? throw new ArgumentNullException(nameof(discoveryPrefix));
        _statusTopic = MqttTopics.Status(topicPrefix, deviceId);
    }

    /// <summary>Discovery configs published so far.</summary>
    public int Configs { get; private set; }

    public void Announce(string meterId, string readingsTopic, ReadingSet set)
    {
        lock (_lock)
        {
            if (!_announced.Add(meterId))
            {
                return;
            }

            for (int i = 0; i < set.Count; i++)
            {
                Reading reading = set[i];
                if (Occurs(set, i) > 1)
                {
                    continue;
                }

                _writer.Reset();
                HomeAssistantSensorKind kind = _formatter.Write(_writer, _deviceId, meterId, readingsTopic, _statusTopic, set, reading);
                if (kind == HomeAssistantSensorKind.None || _writer.Overflowed)
                {
                    continue;
                }

                _publisher.Publish(MqttTopics.DiscoveryConfig(_discoveryPrefix, _deviceId, meterId, reading.Obis), _writer.Buffer, _writer.Length, true);
                Configs++;
            }
        }
    }

    private static int Occurs(ReadingSet set, int index)
    {
        int count = 0;
        for (int j = 0; j < set.Count; j++)
        {
            if (set[j].Obis == set[index].Obis)
            {
                count++;
            }
        }

        return count;
    }
}
