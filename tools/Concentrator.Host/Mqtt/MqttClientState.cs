namespace Concentrator.Host.Mqtt;

/// <summary>Where an <see cref="MqttClient"/> is in its connection lifecycle.</summary>
public enum MqttClientState : byte
{
    /// <summary>No network connection; <see cref="MqttClient.ConnectAsync"/> may be called.</summary>
    Disconnected,

    /// <summary>Opening the network connection, TLS handshake, or waiting for CONNACK.</summary>
    Connecting,

    /// <summary>CONNACK accepted; publish, subscribe and keep-alive are running.</summary>
    Connected,
}
