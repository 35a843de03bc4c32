using System;
using System.IO;
using Concentrator.Host.Publishing;

namespace Concentrator.Cli.Commands;

/// <summary>
/// Makes the publisher behind <c>demo --mqtt HOST:PORT</c>: connects the desktop MQTT client to the broker (bounded by
/// its own timeouts) and returns an <see cref="IMessagePublisher"/> over it (QoS 1, each message waits for its PUBACK),
/// plus an action that disconnects it. Replaceable in tests.
/// </summary>
public static class MqttPublisherFactory
{
    /// <summary>(host, port, diagnostics) → the publisher and how to close it; throws with a clear message when the broker cannot be reached.</summary>
    public static Func<string, int, TextWriter, (IMessagePublisher Publisher, Action Close)>? Create { get; set; } = ConnectToBroker;

    private static (IMessagePublisher Publisher, Action Close) ConnectToBroker(string host, int port, TextWriter diagnostics)
    {
        var options = new Concentrator.Host.Mqtt.MqttClientOptions
        {
            Host = host,
            Port = port,
            ClientIdentifier = "concentrator-demo-" + Environment.ProcessId,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        MqttBrokerPublisher publisher = MqttBrokerPublisher.Connect(options, diagnostics);
        diagnostics.WriteLine("demo: publishing to " + host + ":" + port + " (QoS 1)");
        return (publisher, publisher.Dispose);
    }
}
