namespace Concentrator.Host.Mqtt;

/// <summary>Why a connection that had been accepted ended.</summary>
public enum MqttDisconnectReason : byte
{
    /// <summary>The owner called <see cref="MqttClient.DisconnectAsync"/>: DISCONNECT was sent, the will is discarded (3.14.4).</summary>
    ClientDisconnected,

    /// <summary>The owner called <see cref="MqttClient.Abort"/> or disposed the client: the socket was closed without DISCONNECT, so the server publishes the will (3.1.2.5).</summary>
    ClientAborted,

    /// <summary>The server closed the TCP connection.</summary>
    ClosedByServer,

    /// <summary>No PINGRESP arrived within the ping response timeout after a PINGREQ (3.1.2.10).</summary>
    NoPingResponse,

    /// <summary>A read or write on the connection failed.</summary>
    NetworkError,

    /// <summary>A write did not complete within the write timeout.</summary>
    WriteTimedOut,

    /// <summary>The server sent a malformed or unexpected packet; 4.8 requires closing the connection.</summary>
    ProtocolViolation,
}
