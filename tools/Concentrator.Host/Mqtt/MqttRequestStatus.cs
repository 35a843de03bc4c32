namespace Concentrator.Host.Mqtt;

/// <summary>How a publish, subscribe or unsubscribe request ended.</summary>
public enum MqttRequestStatus : byte
{
    /// <summary>QoS 0 PUBLISH written to the connection; nothing more is promised (4.3.1).</summary>
    Sent,

    /// <summary>The server acknowledged it (PUBACK, SUBACK or UNSUBACK with the request's Packet Identifier).</summary>
    Acknowledged,

    /// <summary>The client was not connected; nothing was sent.</summary>
    NotConnected,

    /// <summary>No acknowledgement within the acknowledge timeout. A QoS 1 message stays unacknowledged.</summary>
    TimedOut,

    /// <summary>The connection ended before the acknowledgement. A QoS 1 message stays unacknowledged.</summary>
    ConnectionLost,

    /// <summary>The owner took the message back with <see cref="MqttClient.TakeUnacknowledgedPublishes"/> while it was waiting.</summary>
    Withdrawn,
}
