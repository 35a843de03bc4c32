using System;
using System.IO;
using Concentrator.Host.Publishing;

namespace Concentrator.Cli.Commands;

/// <summary>
/// Makes the publisher behind <c>demo --mqtt HOST:PORT</c>. Empty until an MQTT client is part of the build: then
/// <see cref="Create"/> is set to a function that connects to the broker (bounded by its own timeouts) and returns an
/// <see cref="IMessagePublisher"/> over it, plus an action that disconnects it.
/// </summary>
public static class MqttPublisherFactory
{
    /// <summary>(host, port, diagnostics) → the publisher and how to close it; throws with a clear message when the broker cannot be reached.</summary>
    public static Func<string, int, TextWriter, (IMessagePublisher Publisher, Action Close)>? Create { get; set; }
}
