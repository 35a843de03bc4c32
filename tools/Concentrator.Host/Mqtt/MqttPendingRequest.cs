using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Concentrator.Host.Mqtt;

/// <summary>A request sent with a Packet Identifier and waiting for its acknowledgement.</summary>
internal sealed class MqttPendingRequest
{
    private readonly TaskCompletionSource<MqttRequestStatus> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously); // never run the owner's code on the receive loop

    public MqttPendingRequest(ushort packetIdentifier, MqttPacketType acknowledgementType, MqttApplicationMessage? message, long sequence)
    {
        PacketIdentifier = packetIdentifier;
        AcknowledgementType = acknowledgementType;
        Message = message;
        Sequence = sequence;
    }

    public ushort PacketIdentifier { get; }

    /// <summary>PUBACK, SUBACK or UNSUBACK.</summary>
    public MqttPacketType AcknowledgementType { get; }

    /// <summary>The QoS 1 message for a PUBLISH, kept so the owner can send it again; null otherwise.</summary>
    public MqttApplicationMessage? Message { get; }

    /// <summary>Order of sending, so unacknowledged messages come back in the order they were published.</summary>
    public long Sequence { get; }

    /// <summary>SUBACK return codes, set before completion with <see cref="MqttRequestStatus.Acknowledged"/>.</summary>
    public IReadOnlyList<MqttSubscribeReturnCode> ReturnCodes { get; private set; } = Array.Empty<MqttSubscribeReturnCode>();

    public Task<MqttRequestStatus> Completion => _completion.Task;

    public void Acknowledge(IReadOnlyList<MqttSubscribeReturnCode>? returnCodes)
    {
        if (returnCodes is not null)
        {
            ReturnCodes = returnCodes;
        }

        _completion.TrySetResult(MqttRequestStatus.Acknowledged);
    }

    public void Fail(MqttRequestStatus status) => _completion.TrySetResult(status);
}
