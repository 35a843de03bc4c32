using Concentrator.Host.Mqtt;

namespace Concentrator.Host.Publishing;

/// <summary>
/// Publishes to a real MQTT broker with the desktop <see cref="MqttClient"/>: readings at QoS 1, each waiting for its
/// PUBACK (bounded by the client's acknowledge timeout), so a message reported published is one the broker has.
/// </summary>
public sealed class MqttBrokerPublisher : IMessagePublisher, IDisposable
{
    private readonly MqttClient _client;
    private readonly TextWriter _diagnostics;

    private MqttBrokerPublisher(MqttClient client, TextWriter diagnostics)
    {
        _client = client;
        _diagnostics = diagnostics;
    }

    /// <summary>Messages the broker acknowledged.</summary>
    public int Acknowledged { get; private set; }

    /// <summary>Messages that were not acknowledged (the reason went to the diagnostics writer).</summary>
    public int Failed { get; private set; }

    /// <summary>Connects (bounded by the options' connect timeout); throws with the broker's answer when refused or unreachable.</summary>
    public static MqttBrokerPublisher Connect(MqttClientOptions options, TextWriter diagnostics)
    {
        var client = new MqttClient(options);
        MqttConnectResult result = client.ConnectAsync().GetAwaiter().GetResult();
        if (!result.IsAccepted)
        {
            throw new IOException("broker refused or unreachable: " + result.Status + ": " + result.Detail);
        }

        return new MqttBrokerPublisher(client, diagnostics);
    }

    public void Publish(string topic, byte[] payload, int length, bool retain)
    {
        byte[] copy = payload.AsSpan(0, length).ToArray(); // the buffer is reused for the next message
        MqttPublishResult result = _client.PublishAsync(topic, copy, MqttQualityOfService.AtLeastOnce, retain).GetAwaiter().GetResult();
        if (result.Status == MqttRequestStatus.Acknowledged)
        {
            Acknowledged++;
            return;
        }

        Failed++;
        _diagnostics.WriteLine("mqtt: " + topic + " not acknowledged: " + result.Status);
    }

    public void Dispose()
    {
        _client.DisconnectAsync().GetAwaiter().GetResult();
    }
}
