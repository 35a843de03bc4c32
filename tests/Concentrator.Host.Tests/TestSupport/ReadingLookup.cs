using System;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;

namespace Concentrator.Host.Tests.TestSupport;

/// <summary>Finds readings in a decoded set by OBIS code.</summary>
public static class ReadingLookup
{
    /// <summary>The first reading with this OBIS code; fails the test when there is none.</summary>
    public static Reading Find(ReadingSet set, string obis)
    {
        if (!ObisCode.TryParse(obis, out ObisCode code))
        {
            throw new ArgumentException("bad OBIS code in a test: " + obis);
        }

        for (int i = 0; i < set.Count; i++)
        {
            if (set[i].Obis == code)
            {
                return set[i];
            }
        }

        throw new InvalidOperationException("no reading " + obis + " in the telegram");
    }

    /// <summary>"2019-09-05T21:40:03+02:00".</summary>
    public static string Iso(MeterTime time)
    {
        byte[] buffer = new byte[MeterTime.MaxFormattedLength];
        int length = time.FormatIso8601(buffer, 0);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, length);
    }

    /// <summary>The instant of a meter time (its local time less its offset).</summary>
    public static DateTime Utc(MeterTime time) => DateTime.SpecifyKind(time.Local.AddMinutes(-time.UtcOffsetMinutes), DateTimeKind.Utc);
}
