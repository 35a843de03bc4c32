using System;

namespace Concentrator.Host.Links;

/// <summary>
/// Delays between reconnect attempts: the first after <see cref="Initial"/>, each next one twice as long, never more
/// than <see cref="Maximum"/>; <see cref="Reset"/> after a connection works. Deterministic (no jitter): one
/// concentrator reconnects to one meter, there is no herd to spread.
/// </summary>
public sealed class ReconnectBackoff
{
    private TimeSpan _next;

    public ReconnectBackoff(TimeSpan initial, TimeSpan maximum)
    {
        if (initial <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(initial), initial, "the first reconnect delay must be positive");
        }

        if (maximum < initial)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "the longest reconnect delay must not be shorter than the first");
        }

        Initial = initial;
        Maximum = maximum;
        _next = initial;
    }

    public TimeSpan Initial { get; }

    public TimeSpan Maximum { get; }

    /// <summary>The delay to wait now; the one after it doubles.</summary>
    public TimeSpan Next()
    {
        TimeSpan delay = _next;
        _next = _next.Ticks > Maximum.Ticks / 2 ? Maximum : _next + _next;
        return delay;
    }

    /// <summary>Starts again from <see cref="Initial"/>.</summary>
    public void Reset()
    {
        _next = Initial;
    }
}
