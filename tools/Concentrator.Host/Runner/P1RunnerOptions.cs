using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Mqtt;
using Concentrator.Core.P1;
using Concentrator.Core.Quality;

namespace Concentrator.Host.Runner;

/// <summary>What a <see cref="P1Runner"/> reads and where it publishes. <see cref="Validate"/> checks it once, with a clear message.</summary>
public sealed class P1RunnerOptions
{
    /// <summary>DIAG and CAPT of <c>run</c> (the meter's health, the frame capture); null: neither.</summary>
    public RunnerDiagnostics? Diagnostics { get; init; }

    /// <summary>Host of the TCP server carrying the P1 stream (ser2net, an adapter, the simulator).</summary>
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; }

    /// <summary>First level(s) of every topic.</summary>
    public string TopicPrefix { get; init; } = MqttTopics.DefaultPrefix;

    /// <summary>This concentrator's name in the topics.</summary>
    public string DeviceId { get; init; } = "host";

    /// <summary>The meter's name in the topics and payloads.</summary>
    public string MeterId { get; init; } = "p1";

    /// <summary>Bound on one connect attempt.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Wait before the first reconnect attempt; it doubles after each failed attempt …</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>… up to this.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    public P1ReaderOptions Reader { get; init; } = new P1ReaderOptions();

    public DsmrDecoderOptions Decoder { get; init; } = new DsmrDecoderOptions();

    /// <summary>Flags implausible readings before they are published (meter index 0 of the checker); null: no checks.</summary>
    public QualityChecker? Quality { get; init; }
    /// <summary>
    /// Told of every telegram's readings (meter id, readings topic, readings) before they are published, e.g. to announce
    /// Home Assistant discovery configs; null for none.
    /// </summary>
    public Action<string, string, Concentrator.Core.Readings.ReadingSet>? ReadingsObserver { get; init; }

    /// <summary>Size of the reused payload buffer; a telegram whose JSON does not fit is reported, not sent.</summary>
    public int PayloadCapacity { get; init; } = 16384;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("the host of the P1 stream is required", nameof(Host));
        }

        if (Port < 1 || Port > 65535)
        {
            throw new ArgumentException("the port of the P1 stream must be 1 .. 65535, got " + Port, nameof(Port));
        }

        RequireTopicLevels(TopicPrefix, nameof(TopicPrefix), true);
        RequireTopicLevels(DeviceId, nameof(DeviceId), false);
        RequireTopicLevels(MeterId, nameof(MeterId), false);
        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequirePositive(ReconnectInitialDelay, nameof(ReconnectInitialDelay));
        RequirePositive(ReconnectMaxDelay, nameof(ReconnectMaxDelay));
        if (ReconnectMaxDelay < ReconnectInitialDelay)
        {
            throw new ArgumentException("the longest reconnect delay must not be shorter than the first", nameof(ReconnectMaxDelay));
        }

        if (Reader is null || Reader.ReadTimeoutMilliseconds < 1 || Reader.ReadTimeoutMilliseconds > 10000)
        {
            throw new ArgumentException("the reader's read timeout must be 1 .. 10000 ms", nameof(Reader));
        }

        if (Decoder is null)
        {
            throw new ArgumentException("decoder options are required", nameof(Decoder));
        }

        if (PayloadCapacity < 256)
        {
            throw new ArgumentException("the payload buffer needs at least 256 bytes", nameof(PayloadCapacity));
        }
    }

    // MQTT 3.1.1 §4.7: '+' and '#' are wildcards (not allowed in a published topic), '/' separates levels.
    private static void RequireTopicLevels(string value, string name, bool mayHaveLevels)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException(name + " must not be empty", name);
        }

        foreach (char ch in value)
        {
            if (ch == '+' || ch == '#' || ch == '\0' || (ch == '/' && !mayHaveLevels))
            {
                throw new ArgumentException(name + " '" + value + "' contains '" + (ch == '\0' ? "\\0" : ch.ToString()) + "', which cannot be part of " +
                                            (mayHaveLevels ? "an MQTT topic" : "one MQTT topic level"), name);
            }
        }

        if (value.StartsWith('/') || value.EndsWith('/') || value.Contains("//", StringComparison.Ordinal))
        {
            throw new ArgumentException(name + " '" + value + "' has an empty topic level", name);
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
        {
            throw new ArgumentException(name + " must be above 0 and at most an hour", name);
        }
    }
}
