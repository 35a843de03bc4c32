namespace Concentrator.Host.Mqtt;

/// <summary>One Topic Filter of a SUBSCRIBE with the highest QoS the client wants for it (MQTT 3.1.1 3.8.3).</summary>
public readonly record struct MqttSubscription(string TopicFilter, MqttQualityOfService MaximumQualityOfService);
