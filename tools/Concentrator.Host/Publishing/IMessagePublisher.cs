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
}
