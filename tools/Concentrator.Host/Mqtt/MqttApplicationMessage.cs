using System;

namespace Concentrator.Host.Mqtt;

/// <summary>An Application Message: what is published to a topic, and what a subscriber receives (MQTT 3.1.1 1.2).</summary>
public sealed record MqttApplicationMessage
{
    public MqttApplicationMessage(string topic, byte[] payload, MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce, bool retain = false)
    {
        Topic = topic;
        Payload = payload;
        QualityOfService = qualityOfService;
        Retain = retain;
    }

    public string Topic { get; init; }

    public byte[] Payload { get; init; }

    public MqttQualityOfService QualityOfService { get; init; }

    /// <summary>On publish: the server keeps it for future subscribers (3.3.1.3). On receipt: it is a retained message sent because of a new subscription.</summary>
    public bool Retain { get; init; }
}
