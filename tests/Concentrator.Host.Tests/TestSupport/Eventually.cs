using System;
using System.Diagnostics;
using System.Threading;

namespace Concentrator.Host.Tests.TestSupport;

/// <summary>Bounded waits for something another thread does.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 10 ms; false when it is still false after <paramref name="limit"/>.</summary>
    public static bool True(Func<bool> condition, TimeSpan limit)
    {
        long start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) > limit)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }
}
