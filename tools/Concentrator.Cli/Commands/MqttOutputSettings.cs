namespace Concentrator.Cli.Commands;

/// <summary>What <c>demo --mqtt</c> or <c>run --mqtt</c> was told: broker, credentials, CA file for TLS, queue file, topics.</summary>
public sealed record MqttOutputSettings(string Host, int Port, string? QueueFile, string? UserName, string? Password, string? CaFile,
                                      string DeviceId, string Prefix, string[] MeterIds)
{
    /// <summary>Size of the queue file (1 MiB, about 2,000 demo telegrams).</summary>
    public int QueueBytes { get; init; } = 1024 * 1024;

    /// <summary>Answers text commands on the command topic (replies on …/command/reply); null: the topic is not subscribed.</summary>
    public Concentrator.Core.Commands.ICommandHandler? Commands { get; init; }

    /// <summary>The command that publishes ("demo", "run"): the prefix of its diagnostics and of its MQTT client id.</summary>
    public string Command { get; init; } = "demo";
}
