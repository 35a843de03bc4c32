namespace Concentrator.Host.Mqtt;

/// <summary>Outcome of <see cref="MqttClient.ConnectAsync"/>.</summary>
/// <param name="Status">How the attempt ended.</param>
/// <param name="ReturnCode">The CONNACK return code when one was received (Accepted or Refused).</param>
/// <param name="SessionPresent">CONNACK Session Present (3.2.2.2).</param>
/// <param name="Detail">A human-readable explanation for anything but Accepted.</param>
public sealed record MqttConnectResult(MqttConnectStatus Status, MqttConnectReturnCode ReturnCode, bool SessionPresent, string Detail)
{
    public bool IsAccepted => Status == MqttConnectStatus.Accepted;
}
