namespace Concentrator.Host.Mqtt;

/// <summary>Where <see cref="MqttPacketDecoder"/> is inside the packet it is assembling.</summary>
internal enum MqttPacketDecoderStage : byte
{
    FirstByte,
    RemainingLength,
    Body,
    Complete,
    Failed,
}
