using System;

namespace Concentrator.Host.Mqtt;

/// <summary>Everything an <see cref="MqttClient"/> needs to know, checked once by <see cref="Validate"/>.</summary>
public sealed record MqttClientOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    /// <summary>1 to 23 characters is what every server must accept (3.1.3-5); empty asks the server to assign one (needs <see cref="CleanSession"/>).</summary>
    public string ClientIdentifier { get; init; } = string.Empty;

    public bool CleanSession { get; init; } = true;

    /// <summary>Seconds between control packets; 0 turns keep-alive and dead-connection detection off (3.1.2.10).</summary>
    public ushort KeepAliveSeconds { get; init; } = 30;

    public string? UserName { get; init; }

    /// <summary>Sent as UTF-8 bytes; needs <see cref="UserName"/> (3.1.2-22).</summary>
    public string? Password { get; init; }

    public MqttLastWill? LastWill { get; init; }

    public bool UseTls { get; init; }

    /// <summary>PEM or DER file of the CA that signed the server certificate. When null, the system's trusted roots are used.</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>Name the server certificate must carry; defaults to <see cref="Host"/>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Bound on TCP connect, TLS handshake and CONNACK together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on waiting for PUBACK, SUBACK and UNSUBACK.</summary>
    public TimeSpan AcknowledgeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on waiting for PINGRESP after PINGREQ; past it the connection is taken as dead.</summary>
    public TimeSpan PingResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on writing one packet to the connection (waiting for the write lock included).</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest packet accepted from the server, fixed header included.</summary>
    public int MaximumPacketSize { get; init; } = 1024 * 1024;

    /// <summary>Throws with a message naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("Host is required.", nameof(Host));
        }

        if (Port < 1 || Port > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be 1 .. 65535.");
        }

        ArgumentNullException.ThrowIfNull(ClientIdentifier, nameof(ClientIdentifier));
        if (ClientIdentifier.Length == 0 && !CleanSession)
        {
            throw new ArgumentException("An empty client identifier needs CleanSession (MQTT 3.1.1 3.1.3-7).", nameof(ClientIdentifier));
        }

        MqttPacketWriter.GetStringSize(ClientIdentifier);
        if (UserName is not null)
        {
            MqttPacketWriter.GetStringSize(UserName);
        }

        if (Password is not null && UserName is null)
        {
            throw new ArgumentException("A password needs a user name (MQTT 3.1.1 3.1.2-22).", nameof(Password));
        }

        LastWill?.Validate();
        if (CaCertificateFile is not null && !UseTls)
        {
            throw new ArgumentException("CaCertificateFile is set but UseTls is not.", nameof(CaCertificateFile));
        }

        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequirePositive(AcknowledgeTimeout, nameof(AcknowledgeTimeout));
        RequirePositive(PingResponseTimeout, nameof(PingResponseTimeout));
        RequirePositive(WriteTimeout, nameof(WriteTimeout));
        if (MaximumPacketSize < 16 || MaximumPacketSize > MqttPacketDecoder.LargestPossiblePacketSize)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumPacketSize), MaximumPacketSize, "MaximumPacketSize must be 16 .. 268435460 bytes.");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, name + " must be positive and below 24 days.");
        }
    }
}
