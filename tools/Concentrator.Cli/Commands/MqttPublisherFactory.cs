using System;
using System.IO;
using Concentrator.Core.Forwarding;
using Concentrator.Host.Forwarding;
using Concentrator.Host.Publishing;
using Concentrator.Host.Mqtt;

namespace Concentrator.Cli.Commands;

/// <summary>
/// Makes the output behind <c>demo --mqtt HOST:PORT</c> and <c>run --mqtt HOST:PORT</c>: Core's persistent queue in a file (<c>--queue</c>, else a
/// temporary file, deleted at exit) and an <see cref="MqttForwarder"/> that sends it to the broker at QoS 1, reconnecting with
/// backoff, with TLS when a CA file is given. Replaceable in tests.
/// </summary>
public static class MqttPublisherFactory
{
    public static Func<MqttOutputSettings, TextWriter, MqttOutput>? Create { get; set; } = Forward;

    /// <summary>
    /// The publisher a command prints or publishes through: the console, or with <c>--mqtt</c> (settings not null) the
    /// broker through the store-and-forward queue. False (the reason written to standard error, prefixed with
    /// <paramref name="command"/>) when the queue or the client cannot be set up.
    /// </summary>
    public static bool TryOpen(string command, MqttOutputSettings? settings, CommandLine.CliConsole console, out IMessagePublisher publisher, out MqttOutput? output)
    {
        publisher = new ConsoleMessagePublisher(console.Out);
        output = null;
        if (settings is null)
        {
            return true;
        }

        if (Create is null)
        {
            throw new CommandLine.UsageException("--mqtt: no MQTT publisher is configured; run without --mqtt to print the messages instead");
        }

        try
        {
            output = Create(settings with { Command = command }, console.Error);
            publisher = output.Publisher;
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            console.Error.WriteLine(command + ": cannot publish to " + settings.Host + ":" + settings.Port + ": " + exception.Message);
            return false;
        }
    }

    private static MqttOutput Forward(MqttOutputSettings settings, TextWriter diagnostics)
    {
        bool temporary = settings.QueueFile is null;
        string path = settings.QueueFile ?? Path.Combine(Path.GetTempPath(), "concentrator-" + settings.Command + "-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N") + ".queue");
        var store = new FileBlockStore(path, settings.QueueBytes);
        MqttForwarder forwarder;
        try
        {
            forwarder = new MqttForwarder(new MqttForwarderOptions
            {
                Client = new MqttClientOptions
                {
                    Host = settings.Host,
                    Port = settings.Port,
                    ClientIdentifier = "concentrator-" + settings.Command + "-" + Environment.ProcessId,
                    ConnectTimeout = TimeSpan.FromSeconds(5),
                    UserName = settings.UserName,
                    Password = settings.Password,
                    UseTls = settings.CaFile is not null,
                    CaCertificateFile = settings.CaFile,
                },
                TopicPrefix = settings.Prefix,
                DeviceId = settings.DeviceId,
                QueueBytes = settings.QueueBytes,
                MeterIds = settings.MeterIds,
                ReconnectMaxDelay = TimeSpan.FromSeconds(5),
                CommandHandler = settings.Commands,
            }, store);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        forwarder.Diagnostic += message => diagnostics.WriteLine(settings.Command + ": " + message);
        diagnostics.WriteLine(settings.Command + ": queue " + path + ": " + forwarder.OpenResult + (forwarder.OpenProblem is null ? "" : " (" + forwarder.OpenProblem + ")") +
                              ", " + forwarder.QueueDepth + " message(s) waiting, " + forwarder.Dropped + " dropped so far");
        diagnostics.WriteLine(settings.Command + ": publishing to " + settings.Host + ":" + settings.Port + (settings.CaFile is null ? "" : " over TLS") + " (QoS 1, store-and-forward)");
        var announcer = new HomeAssistantAnnouncer(forwarder, settings.Prefix, settings.DeviceId);
        forwarder.HomeAssistantOnline += announcer.AnnounceAgain;
        forwarder.Start();
        return new MqttOutput(forwarder, announcer.Announce, timeout =>
        {
            if (forwarder.WaitUntilDelivered(timeout))
            {
                return null;
            }

            return "cannot publish to " + settings.Host + ":" + settings.Port + " now: " + forwarder.QueueDepth + " message(s) " +
                   (temporary ? "not delivered (without --queue the temporary queue is discarded)" : "still queued in " + path + " (sent on the next run with this --queue)");
        }, () =>
        {
            forwarder.Dispose();
            store.Dispose();
            if (temporary)
            {
                File.Delete(path);
            }
        })
        {
            QueueDepth = () => forwarder.QueueDepth,
            QueueDropped = () => forwarder.Dropped,
            BrokerConnected = () => forwarder.IsConnected,
        };
    }
}
