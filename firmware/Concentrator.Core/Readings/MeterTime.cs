using System;

namespace Concentrator.Core.Readings
{
    /// <summary>
    /// A timestamp as the meter stated it: its local wall-clock time, the season flag it sent, and the UTC offset
    /// that follows from them when it can be known.
    /// </summary>
    public struct MeterTime
    {
        /// <summary>The meter's wall-clock time (no time zone).</summary>
        public DateTime Local;

        /// <summary>The season flag the meter sent with it, if any.</summary>
        public DaylightSaving Season;

        /// <summary>True when <see cref="UtcOffsetMinutes"/> is known.</summary>
        public bool HasOffset;

        /// <summary>Local minus UTC, in minutes (e.g. +60 for CET, +120 for CEST).</summary>
        public short UtcOffsetMinutes;

        public MeterTime(DateTime local, DaylightSaving season, bool hasOffset, short utcOffsetMinutes)
        {
            Local = local;
            Season = season;
            HasOffset = hasOffset;
            UtcOffsetMinutes = utcOffsetMinutes;
        }

        /// <summary>Longest text <see cref="FormatIso8601"/> writes: "2024-03-31T02:00:00+01:00".</summary>
        public const int MaxFormattedLength = 25;

        /// <summary>Writes ISO 8601 ("2014-12-27T18:03:23+01:00", or without offset when it is unknown); returns the length.</summary>
        public int FormatIso8601(byte[] buffer, int offset)
        {
            int i = offset;
            i = WriteDigits(buffer, i, Local.Year, 4);
            buffer[i++] = (byte)'-';
            i = WriteDigits(buffer, i, Local.Month, 2);
            buffer[i++] = (byte)'-';
            i = WriteDigits(buffer, i, Local.Day, 2);
            buffer[i++] = (byte)'T';
            i = WriteDigits(buffer, i, Local.Hour, 2);
            buffer[i++] = (byte)':';
            i = WriteDigits(buffer, i, Local.Minute, 2);
            buffer[i++] = (byte)':';
            i = WriteDigits(buffer, i, Local.Second, 2);
            if (HasOffset)
            {
                int minutes = UtcOffsetMinutes;
                if (minutes == 0)
                {
                    buffer[i++] = (byte)'Z';
                }
                else
                {
                    buffer[i++] = minutes < 0 ? (byte)'-' : (byte)'+';
                    if (minutes < 0)
                    {
                        minutes = -minutes;
                    }

                    i = WriteDigits(buffer, i, minutes / 60, 2);
                    buffer[i++] = (byte)':';
                    i = WriteDigits(buffer, i, minutes % 60, 2);
                }
            }

            return i - offset;
        }

        private static int WriteDigits(byte[] buffer, int i, int value, int width)
        {
            for (int p = width - 1; p >= 0; p--)
            {
                buffer[i + p] = (byte)('0' + value % 10);
                value /= 10;
            }

            return i + width;
        }

        /// <summary>True for a valid Gregorian date and time of day (second 0..59).</summary>
        public static bool IsValid(int year, int month, int day, int hour, int minute, int second)
        {
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0)
            {
                return false;
            }

            return day <= DaysInMonth(year, month);
        }

        public static int DaysInMonth(int year, int month)
        {
            switch (month)
            {
                case 2:
                    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                    return leap ? 29 : 28;
                case 4:
                case 6:
                case 9:
                case 11:
                    return 30;
                default:
                    return 31;
            }
        }
    }
}
