using System;
using Concentrator.Core.Readings;
using Concentrator.Host.Publishing;

namespace Concentrator.Cli.Commands;

/// <summary>
/// The output of <c>demo --mqtt</c> and <c>run --mqtt</c>: where messages go, who is told of each telegram's readings (discovery), how to wait
/// for delivery (null when everything was delivered, else what is left) and how to close.
/// </summary>
public sealed record MqttOutput(IMessagePublisher Publisher, Action<string, string, ReadingSet>? ReadingsObserver,
                                    Func<TimeSpan, string?> Drain, Action Close)
{
    /// <summary>Messages waiting in the queue, and whether the broker is connected (for DIAG); null where unknown.</summary>
    public Func<int>? QueueDepth { get; init; }

    public Func<long>? QueueDropped { get; init; }

    public Func<bool>? BrokerConnected { get; init; }
}
