using System;
using Concentrator.Core.Scheduling;

namespace Concentrator.Host.Runner;

/// <summary>The machine's UTC clock for Core's scheduler (the board uses the same expression).</summary>
public sealed class SystemScheduleClock : IScheduleClock
{
    public static readonly SystemScheduleClock Instance = new();

    public long UtcMilliseconds => DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;
}
