using System;

namespace Concentrator.Host.Simulation;

/// <summary>
/// Local time of a meter in the Netherlands (Europe/Amsterdam): CET (UTC+1) in winter, CEST (UTC+2) in summer.
/// EU rule (Directive 2000/84/EC): summer time runs from the last Sunday of March, 01:00 UTC, to the last Sunday of
/// October, 01:00 UTC. DSMR timestamps carry the result as the season flag: 'W' winter, 'S' summer.
/// </summary>
public static class EuropeanSummerTime
{
    /// <summary>True when summer time is in force at <paramref name="utc"/>.</summary>
    public static bool IsSummer(DateTime utc)
    {
        utc = AsUtc(utc);
        DateTime start = LastSunday(utc.Year, 3).AddHours(1);
        DateTime end = LastSunday(utc.Year, 10).AddHours(1);
        return utc >= start && utc < end;
    }

    /// <summary>The wall-clock time in Amsterdam at <paramref name="utc"/>, and whether it is summer time.</summary>
    public static DateTime ToLocal(DateTime utc, out bool summer)
    {
        utc = AsUtc(utc);
        summer = IsSummer(utc);
        return DateTime.SpecifyKind(utc.AddHours(summer ? 2 : 1), DateTimeKind.Unspecified);
    }

    /// <summary>Midnight UTC of the last Sunday of the month.</summary>
    public static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }

    private static DateTime AsUtc(DateTime time)
    {
        if (time.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("expected a UTC time, got a local one", nameof(time));
        }

        return DateTime.SpecifyKind(time, DateTimeKind.Utc);
    }
}
