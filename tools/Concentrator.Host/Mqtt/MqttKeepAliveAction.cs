namespace Concentrator.Host.Mqtt;

/// <summary>What <see cref="MqttKeepAliveTimer"/> says to do at a tick.</summary>
internal enum MqttKeepAliveAction : byte
{
    /// <summary>Nothing yet.</summary>
    Wait,

    /// <summary>Send PINGREQ now (3.1.2.10, 3.12.4).</summary>
    SendPingRequest,

    /// <summary>A PINGREQ went unanswered for the ping response timeout: the connection is dead.</summary>
    ConnectionDead,
}
