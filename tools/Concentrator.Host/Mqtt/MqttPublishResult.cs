namespace Concentrator.Host.Mqtt;

/// <summary>Outcome of <see cref="MqttClient.PublishAsync(MqttApplicationMessage, System.Threading.CancellationToken)"/>.</summary>
/// <param name="Status">How the request ended.</param>
/// <param name="PacketIdentifier">The Packet Identifier used for QoS 1 (0 for QoS 0 or when nothing was sent).</param>
public readonly record struct MqttPublishResult(MqttRequestStatus Status, ushort PacketIdentifier);
