using System;

namespace Concentrator.Host.Mqtt;

/// <summary>Raised once for each accepted connection when it ends, whatever the reason.</summary>
public sealed class MqttDisconnectedEventArgs : EventArgs
{
    public MqttDisconnectedEventArgs(MqttDisconnectReason reason, string detail, Exception? exception)
    {
        Reason = reason;
        Detail = detail;
        Exception = exception;
    }

    public MqttDisconnectReason Reason { get; }

    /// <summary>A human-readable explanation, for logs.</summary>
    public string Detail { get; }

    /// <summary>The exception behind a network error, if there was one.</summary>
    public Exception? Exception { get; }

    /// <summary>True when the owner ended the connection on purpose.</summary>
    public bool WasRequested => Reason == MqttDisconnectReason.ClientDisconnected || Reason == MqttDisconnectReason.ClientAborted;
}
