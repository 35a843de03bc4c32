namespace Concentrator.Host.Mqtt;

/// <summary>SUBACK return codes, one per requested Topic Filter (MQTT 3.1.1 3.9.3).</summary>
public enum MqttSubscribeReturnCode : byte
{
    GrantedAtMostOnce = 0x00,
    GrantedAtLeastOnce = 0x01,
    GrantedExactlyOnce = 0x02,
    Failure = 0x80,
}
