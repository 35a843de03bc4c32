namespace Concentrator.Host.Mqtt;

/// <summary>How an attempt to connect ended.</summary>
public enum MqttConnectStatus : byte
{
    /// <summary>CONNACK with return code 0 (3.2.2.3).</summary>
    Accepted,

    /// <summary>CONNACK with a non-zero return code; see <see cref="MqttConnectResult.ReturnCode"/>.</summary>
    Refused,

    /// <summary>No CONNACK within the connect timeout (TCP connect, TLS handshake and CONNACK together).</summary>
    TimedOut,

    /// <summary>The TCP connection could not be opened or broke before CONNACK.</summary>
    NetworkFailure,

    /// <summary>The TLS handshake failed, for example because the server certificate is not signed by the configured CA.</summary>
    TlsFailure,

    /// <summary>The server answered with something other than a well-formed CONNACK (3.2.0-1).</summary>
    ProtocolViolation,
}
