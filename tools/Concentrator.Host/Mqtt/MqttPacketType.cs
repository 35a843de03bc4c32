namespace Concentrator.Host.Mqtt;

/// <summary>MQTT Control Packet types, the high nibble of the fixed header's first byte (MQTT 3.1.1 2.2.1, Table 2.1).</summary>
public enum MqttPacketType : byte
{
    /// <summary>0 is reserved and never valid on the wire.</summary>
    Reserved = 0,
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    PubRec = 5,
    PubRel = 6,
    PubComp = 7,
    Subscribe = 8,
    SubAck = 9,
    Unsubscribe = 10,
    UnsubAck = 11,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,
}
