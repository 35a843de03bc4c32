using System;
using Concentrator.Core.Commands;
using Concentrator.Core.Mqtt;
using Concentrator.Host.Mqtt;

namespace Concentrator.Host.Forwarding;

/// <summary>Settings of an <see cref="MqttForwarder"/>; checked once by <see cref="Validate"/>.</summary>
public sealed class MqttForwarderOptions
{
    /// <summary>Broker, TLS (CA file), user name and password; the will and client id are filled in by the forwarder.</summary>
    public MqttClientOptions Client { get; init; } = new();

    public string TopicPrefix { get; init; } = MqttTopics.DefaultPrefix;

    public string DeviceId { get; init; } = "host";

    /// <summary>The queue file's size; the ring is 64 bytes less.</summary>
    public int QueueBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest queued message (topic + payload + 14 bytes).</summary>
    public int MaxRecordBytes { get; init; } = 16 * 1024;

    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Backlog drain rate (messages per second) and burst.</summary>
    public int ReplayPerSecond { get; init; } = 200;

    public int ReplayBurst { get; init; } = 20;

    /// <summary>How often the retained status (queue depth, drops) is refreshed while connected.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Subscribed to the command topic when set; its replies go to the reply topic.</summary>
    public ICommandHandler? CommandHandler { get; init; }

    /// <summary>Meter ids named in the retained device information.</summary>
    public string[] MeterIds { get; init; } = Array.Empty<string>();

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Client, nameof(Client));
        if (string.IsNullOrEmpty(TopicPrefix) || string.IsNullOrEmpty(DeviceId) || DeviceId.Contains('/') || DeviceId.IndexOfAny(['+', '#']) >= 0)
        {
            throw new ArgumentException("the topic prefix and a device id without '/', '+', '#' are required", nameof(DeviceId));
        }

        if (MaxRecordBytes < 256 || MaxRecordBytes > 65535 || QueueBytes - 64 < 4 * MaxRecordBytes)
        {
            throw new ArgumentException("the queue needs room for four of its largest records (records 256 .. 65535 bytes); got " + QueueBytes + " bytes for " + MaxRecordBytes + "-byte records", nameof(QueueBytes));
        }

        if (ReconnectInitialDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectInitialDelay)
        {
            throw new ArgumentException("reconnect delays must be positive, the longest not below the first", nameof(ReconnectMaxDelay));
        }

        if (StatusInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("the status interval must be positive", nameof(StatusInterval));
        }
    }
}
