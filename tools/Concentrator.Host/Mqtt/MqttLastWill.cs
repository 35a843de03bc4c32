using System;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// The Will Message a server publishes for a client whose network connection ends without a DISCONNECT
/// (MQTT 3.1.1 3.1.2.5 .. 3.1.2.7, 3.1.3.2, 3.1.3.3).
/// </summary>
public sealed record MqttLastWill
{
    public MqttLastWill(string topic, byte[] message, MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce, bool retain = false)
    {
        Topic = topic;
        Message = message;
        QualityOfService = qualityOfService;
        Retain = retain;
    }

    public string Topic { get; init; }

    public byte[] Message { get; init; }

    public MqttQualityOfService QualityOfService { get; init; }

    public bool Retain { get; init; }

    /// <summary>Throws when the will cannot be sent as it is (caller misuse).</summary>
    public void Validate()
    {
        if (!MqttTopic.IsValidTopicName(Topic))
        {
            throw new ArgumentException("The will topic must be a non-empty Topic Name without wildcards (MQTT 3.1.1 3.1.3.2, 4.7).", nameof(Topic));
        }

        ArgumentNullException.ThrowIfNull(Message, nameof(Message));
        if ((byte)QualityOfService > (byte)MqttQualityOfService.ExactlyOnce)
        {
            throw new ArgumentOutOfRangeException(nameof(QualityOfService), QualityOfService, "Will QoS is 0, 1 or 2 (MQTT 3.1.1 3.1.2-14).");
        }
    }
}
