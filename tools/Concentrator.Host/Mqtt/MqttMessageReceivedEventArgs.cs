using System;

namespace Concentrator.Host.Mqtt;

/// <summary>An Application Message that arrived for one of the client's subscriptions.</summary>
public sealed class MqttMessageReceivedEventArgs : EventArgs
{
    public MqttMessageReceivedEventArgs(MqttApplicationMessage message, bool duplicate)
    {
        Message = message;
        Duplicate = duplicate;
    }

    public MqttApplicationMessage Message { get; }

    /// <summary>DUP: the server may have sent this message before (3.3.1.1).</summary>
    public bool Duplicate { get; }
}
