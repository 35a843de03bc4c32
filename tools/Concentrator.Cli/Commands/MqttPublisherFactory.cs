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

    /// <summary>
    /// The publisher a command prints or publishes through: the console, or with <c>--mqtt</c> the broker. False (the
    /// reason written to standard error, prefixed with <paramref name="command"/>) when the broker cannot be reached.
    /// </summary>
    public static bool TryOpen(string command, (string Host, int Port)? broker, CommandLine.CliConsole console, out IMessagePublisher publisher, out Action close)
    {
        publisher = new ConsoleMessagePublisher(console.Out);
        close = () => { };
        if (broker is null)
        {
            return true;
        }

        if (Create is null)
        {
            throw new CommandLine.UsageException("--mqtt: no MQTT publisher is configured; run without --mqtt to print the messages instead");
        }

        try
        {
            (publisher, close) = Create(broker.Value.Host, broker.Value.Port, console.Error);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            console.Error.WriteLine(command + ": cannot publish to " + broker.Value.Host + ":" + broker.Value.Port + ": " + exception.Message);
            return false;
        }
    }

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
