namespace Concentrator.Host.Mqtt;

/// <summary>
/// Outcome of decoding bytes received from the network. Everything but <see cref="Ok"/> and
/// <see cref="NeedMoreData"/> names why a packet is malformed; MQTT 3.1.1 4.8 requires the
/// connection to be closed after any of them.
/// </summary>
public enum MqttDecodeStatus : byte
{
    /// <summary>A whole packet was decoded.</summary>
    Ok = 0,

    /// <summary>All bytes given were taken; the packet is not complete yet.</summary>
    NeedMoreData,

    /// <summary>Packet type 0 or 15 (2.2.1, Table 2.1).</summary>
    ReservedPacketType,

    /// <summary>Fixed header flags other than those Table 2.2 allows for the type (2.2.2), or DUP set on QoS 0 (3.3.1.1).</summary>
    InvalidFlags,

    /// <summary>Both QoS bits set, in a PUBLISH, a will, a subscription or a SUBACK (3.3.1.2, 3.1.2.6, 3.8.3.1, 3.9.3).</summary>
    InvalidQualityOfService,

    /// <summary>Remaining Length continues past its fourth byte (2.2.3).</summary>
    RemainingLengthTooLong,

    /// <summary>Remaining Length is not the one the packet type fixes (for example 2 for PUBACK, 0 for PINGRESP).</summary>
    InvalidRemainingLength,

    /// <summary>The whole packet would exceed the decoder's configured maximum.</summary>
    PacketTooLarge,

    /// <summary>A field runs past the end of the packet given by its Remaining Length.</summary>
    Truncated,

    /// <summary>Bytes are left over after the last field of the packet.</summary>
    TrailingBytes,

    /// <summary>A UTF-8 encoded string is not well-formed UTF-8 or contains U+0000 (1.5.3).</summary>
    InvalidString,

    /// <summary>A Packet Identifier of zero where a non-zero one is required (2.3.1).</summary>
    InvalidPacketIdentifier,

    /// <summary>CONNECT protocol name is not "MQTT" (3.1.2.1).</summary>
    InvalidProtocolName,

    /// <summary>CONNECT protocol level is not 4 (3.1.2.2).</summary>
    UnsupportedProtocolLevel,

    /// <summary>CONNECT flags break 3.1.2.3 .. 3.1.2.9 (reserved bit set, will fields without the will flag, password without user name).</summary>
    InvalidConnectFlags,

    /// <summary>CONNACK acknowledge flags have reserved bits set, or Session Present with a refusal (3.2.2.1, 3.2.2.2).</summary>
    InvalidAcknowledgeFlags,

    /// <summary>A CONNACK or SUBACK return code outside the values the spec defines (3.2.2.3, 3.9.3).</summary>
    InvalidReturnCode,

    /// <summary>A PUBLISH topic name that is empty or contains wildcards (3.3.2.1, 4.7.3).</summary>
    InvalidTopicName,

    /// <summary>A SUBSCRIBE or UNSUBSCRIBE topic filter that is empty or uses wildcards wrongly (4.7.1, 4.7.3).</summary>
    InvalidTopicFilter,

    /// <summary>A SUBSCRIBE, SUBACK or UNSUBSCRIBE without a single entry in its payload (3.8.3, 3.9.3, 3.10.3).</summary>
    EmptyPayload,

    /// <summary>Reserved bits set in a SUBSCRIBE requested QoS byte (3.8.3.1).</summary>
    InvalidSubscriptionOptions,
}
