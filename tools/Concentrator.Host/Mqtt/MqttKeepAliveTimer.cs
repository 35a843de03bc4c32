using System;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// The keep-alive rule as a pure decision over millisecond timestamps, so it can be tested without waiting:
/// PINGREQ once about a keep-alive period has passed with nothing sent or nothing received (3.1.2-23 asks the
/// client to send something within each period), and the connection is dead when no PINGRESP follows within
/// the ping response timeout.
/// </summary>
internal sealed class MqttKeepAliveTimer
{
    private const long ShortestTickMilliseconds = 50;
    private const long LongestTickMilliseconds = 1000;

    private readonly long _pingResponseMilliseconds;
    private readonly long _idleThresholdMilliseconds;

    public MqttKeepAliveTimer(ushort keepAliveSeconds, TimeSpan pingResponseTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfZero(keepAliveSeconds);
        long keepAliveMilliseconds = keepAliveSeconds * 1000L;
        TickMilliseconds = Math.Clamp(keepAliveMilliseconds / 4, ShortestTickMilliseconds, LongestTickMilliseconds);

        // Ping one tick early so that, checked once per tick, a ping is never later than the period.
        _idleThresholdMilliseconds = keepAliveMilliseconds - TickMilliseconds;
        _pingResponseMilliseconds = (long)pingResponseTimeout.TotalMilliseconds;
    }

    /// <summary>How often <see cref="Evaluate"/> should be called.</summary>
    public long TickMilliseconds { get; }

    /// <param name="now">The current time.</param>
    /// <param name="lastSent">When a packet was last written.</param>
    /// <param name="lastReceived">When bytes last arrived.</param>
    /// <param name="pingSent">When the outstanding PINGREQ was sent, or 0 when none is outstanding.</param>
    public MqttKeepAliveAction Evaluate(long now, long lastSent, long lastReceived, long pingSent)
    {
        if (pingSent != 0)
        {
            return now - pingSent >= _pingResponseMilliseconds ? MqttKeepAliveAction.ConnectionDead : MqttKeepAliveAction.Wait;
        }

        bool idle = now - lastSent >= _idleThresholdMilliseconds || now - lastReceived >= _idleThresholdMilliseconds;
        return idle ? MqttKeepAliveAction.SendPingRequest : MqttKeepAliveAction.Wait;
    }
}
