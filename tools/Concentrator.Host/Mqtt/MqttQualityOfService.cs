namespace Concentrator.Host.Mqtt;

/// <summary>Quality of Service levels (MQTT 3.1.1 4.3). The value 3 is reserved and malformed on the wire.</summary>
public enum MqttQualityOfService : byte
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}
