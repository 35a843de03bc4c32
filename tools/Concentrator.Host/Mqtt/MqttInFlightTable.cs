using System;
using System.Collections.Generic;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// Packet Identifiers in use and the requests waiting on them. Identifiers count up, wrap from 65535 to 1,
/// never use 0 (2.3.1-1) and skip any still in use (2.3.1-2 .. 2.3.1-4). A QoS 1 PUBLISH stays here until
/// its PUBACK arrives or the owner takes it back, across connection losses; SUBSCRIBE and UNSUBSCRIBE
/// entries end with their connection.
/// </summary>
internal sealed class MqttInFlightTable
{
    private readonly object _lock = new();
    private readonly Dictionary<ushort, MqttPendingRequest> _requests = new();
    private ushort _lastPacketIdentifier;
    private long _sequence;

    public MqttInFlightTable(ushort lastPacketIdentifier = 0)
    {
        _lastPacketIdentifier = lastPacketIdentifier;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Reserves the next free Packet Identifier for a request that expects <paramref name="acknowledgementType"/>.</summary>
    public MqttPendingRequest Add(MqttPacketType acknowledgementType, MqttApplicationMessage? message)
    {
        lock (_lock)
        {
            if (_requests.Count >= ushort.MaxValue)
            {
                throw new InvalidOperationException("All 65535 Packet Identifiers are in flight (MQTT 3.1.1 2.3.1).");
            }

            ushort candidate = _lastPacketIdentifier;
            do
            {
                candidate = candidate == ushort.MaxValue ? (ushort)1 : (ushort)(candidate + 1);
            }
            while (_requests.ContainsKey(candidate));

            _lastPacketIdentifier = candidate;
            MqttPendingRequest request = new(candidate, acknowledgementType, message, ++_sequence);
            _requests.Add(candidate, request);
            return request;
        }
    }

    /// <summary>
    /// Completes the request with <paramref name="packetIdentifier"/> if it expects <paramref name="acknowledgementType"/>
    /// and frees the identifier. An acknowledgement nobody waits for (for example after the owner took the
    /// message back) is ignored and returns false.
    /// </summary>
    public bool TryAcknowledge(ushort packetIdentifier, MqttPacketType acknowledgementType, IReadOnlyList<MqttSubscribeReturnCode>? returnCodes = null)
    {
        MqttPendingRequest? request;
        lock (_lock)
        {
            if (!_requests.TryGetValue(packetIdentifier, out request) || request.AcknowledgementType != acknowledgementType)
            {
                return false;
            }

            _requests.Remove(packetIdentifier);
        }

        request.Acknowledge(returnCodes);
        return true;
    }

    /// <summary>Frees the identifier of a request that will not be waited for any more (a timed-out SUBSCRIBE or UNSUBSCRIBE).</summary>
    public void Remove(MqttPendingRequest request)
    {
        lock (_lock)
        {
            if (_requests.TryGetValue(request.PacketIdentifier, out MqttPendingRequest? current) && ReferenceEquals(current, request))
            {
                _requests.Remove(request.PacketIdentifier);
            }
        }

        request.Fail(MqttRequestStatus.TimedOut);
    }

    /// <summary>
    /// The connection ended: every waiter learns it; SUBSCRIBE and UNSUBSCRIBE entries are dropped,
    /// QoS 1 messages stay as unacknowledged.
    /// </summary>
    public void FailConnection()
    {
        List<MqttPendingRequest> failed = new();
        lock (_lock)
        {
            foreach (MqttPendingRequest request in _requests.Values)
            {
                failed.Add(request);
            }

            foreach (MqttPendingRequest request in failed)
            {
                if (request.Message is null)
                {
                    _requests.Remove(request.PacketIdentifier);
                }
            }
        }

        foreach (MqttPendingRequest request in failed)
        {
            request.Fail(MqttRequestStatus.ConnectionLost);
        }
    }

    /// <summary>QoS 1 messages without a PUBACK, oldest first, without removing them.</summary>
    public IReadOnlyList<MqttApplicationMessage> PeekUnacknowledged() => CollectUnacknowledged(remove: false);

    /// <summary>Removes the QoS 1 messages without a PUBACK and returns them oldest first; a later PUBACK for them is ignored.</summary>
    public IReadOnlyList<MqttApplicationMessage> TakeUnacknowledged() => CollectUnacknowledged(remove: true);

    private IReadOnlyList<MqttApplicationMessage> CollectUnacknowledged(bool remove)
    {
        List<MqttPendingRequest> publishes = new();
        lock (_lock)
        {
            foreach (MqttPendingRequest request in _requests.Values)
            {
                if (request.Message is not null)
                {
                    publishes.Add(request);
                }
            }

            if (remove)
            {
                foreach (MqttPendingRequest request in publishes)
                {
                    _requests.Remove(request.PacketIdentifier);
                }
            }
        }

        publishes.Sort(static (left, right) => left.Sequence.CompareTo(right.Sequence));
        MqttApplicationMessage[] messages = new MqttApplicationMessage[publishes.Count];
        for (int i = 0; i < publishes.Count; i++)
        {
            messages[i] = publishes[i].Message!;
            if (remove)
            {
                publishes[i].Fail(MqttRequestStatus.Withdrawn);
            }
        }

        return messages;
    }
}
