using System;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Host.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Support;

/// <summary>Client settings with short, bounded timeouts for tests on loopback.</summary>
public static class TestClients
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public static MqttClientOptions Options(int port, string clientIdentifier) => new()
    {
        Host = MosquittoBroker.Host,
        Port = port,
        ClientIdentifier = clientIdentifier,
        KeepAliveSeconds = 30,
        ConnectTimeout = Wait,
        AcknowledgeTimeout = Wait,
        PingResponseTimeout = Wait,
        WriteTimeout = Wait,
    };

    /// <summary>A connected client, or a failed test naming why it could not connect.</summary>
    public static async Task<MqttClient> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken)
    {
        MqttClient client = new(options);
        MqttConnectResult result = await client.ConnectAsync(cancellationToken);
        if (!result.IsAccepted)
        {
            client.Dispose();
            Assert.Fail($"{options.ClientIdentifier} could not connect: {result.Status} {result.ReturnCode}: {result.Detail}");
        }

        return client;
    }

    public static Task<MqttClient> ConnectAsync(MosquittoBroker broker, string clientIdentifier, CancellationToken cancellationToken) =>
        ConnectAsync(Options(broker.Port, clientIdentifier), cancellationToken);
}
