using System;
using System.Collections.Generic;

namespace Concentrator.Host.Mqtt;

/// <summary>Outcome of <see cref="MqttClient.SubscribeAsync(IReadOnlyList{MqttSubscription}, System.Threading.CancellationToken)"/>.</summary>
/// <param name="Status">How the request ended.</param>
/// <param name="ReturnCodes">The SUBACK return codes, one per subscription in order (3.9.3); empty unless Acknowledged.</param>
public sealed record MqttSubscribeResult(MqttRequestStatus Status, IReadOnlyList<MqttSubscribeReturnCode> ReturnCodes)
{
    public static MqttSubscribeResult Failed(MqttRequestStatus status) => new(status, Array.Empty<MqttSubscribeReturnCode>());
}
