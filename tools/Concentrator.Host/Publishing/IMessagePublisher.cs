using System;
using Concentrator.Core.Readings;

namespace Concentrator.Host.Publishing;

/// <summary>
/// Where the runner sends what it would publish over MQTT: a console, a test's recorder, an MQTT client. The payload
/// lives in a reused buffer and is valid only during the call: copy what must outlive it.
/// </summary>
public interface IMessagePublisher
{
    /// <param name="topic">The MQTT topic (from Core's <c>MqttTopics</c>).</param>
    /// <param name="payload">Buffer holding the payload (UTF-8: JSON for readings, text for errors).</param>
    /// <param name="length">Payload bytes, from index 0.</param>
    /// <param name="retain">Whether a broker should keep it as the topic's last value.</param>
    void Publish(string topic, byte[] payload, int length, bool retain);

    /// <summary>
    /// One meter's readings (not retained). <paramref name="payload"/> already holds their JSON (Core's readings payload
    /// of <paramref name="readings"/> for <paramref name="meterId"/> at <paramref name="receivedUtc"/>); a publisher that
    /// stores messages may keep the set in compact form instead and make the same JSON when it sends it
    /// (<see cref="Forwarding.MqttForwarder"/>). By default the JSON is published.
    /// </summary>
    void PublishReadings(string topic, string meterId, ReadingSet readings, DateTime receivedUtc, byte[] payload, int length)
    {
        Publish(topic, payload, length, false);
    }
}
