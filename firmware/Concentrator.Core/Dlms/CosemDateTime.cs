using System;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// A COSEM date-time (Blue Book 4.1.6.1): 12 bytes = year (2, 0xFFFF not specified), month (0xFF not specified,
    /// 0xFD end / 0xFE begin of daylight saving), day of month (0xFF, 0xFD second last, 0xFE last day), day of week
    /// (1 = Monday, 0xFF), hour, minute, second, hundredths (each 0xFF not specified), deviation (signed minutes,
    /// 0x8000 not specified) and clock status (0xFF not specified). The date form is the first 5 bytes, the time form
    /// the 4 time bytes. Kept exactly as sent; <see cref="TryGetMeterTime"/> interprets it.
    /// </summary>
    public struct CosemDateTime
    {
        public const ushort YearNotSpecified = 0xFFFF;
        public const byte NotSpecified = 0xFF;
        public const short DeviationNotSpecified = unchecked((short)0x8000);
        public const int Length = 12;

        /// <summary>Clock status bits (Blue Book 4.1.6.1).</summary>
        public const byte StatusInvalid = 0x01;
        public const byte StatusDoubtful = 0x02;
        public const byte StatusDifferentClockBase = 0x04;
        public const byte StatusInvalidClockStatus = 0x08;
        public const byte StatusDaylightSavingActive = 0x80;

        public ushort Year;
        public byte Month;
        public byte Day;
        public byte DayOfWeek;
        public byte Hour;
        public byte Minute;
        public byte Second;
        public byte Hundredths;
        public short Deviation;
        public byte ClockStatus;

        /// <summary>A fully specified date-time with the given deviation and status.</summary>
        public static CosemDateTime From(DateTime local, short deviation, byte clockStatus)
        {
            CosemDateTime value = new CosemDateTime();
            value.Year = (ushort)local.Year;
            value.Month = (byte)local.Month;
            value.Day = (byte)local.Day;
            int dow = (int)local.DayOfWeek;
            value.DayOfWeek = (byte)(dow == 0 ? 7 : dow);
            value.Hour = (byte)local.Hour;
            value.Minute = (byte)local.Minute;
            value.Second = (byte)local.Second;
            value.Hundredths = 0;
            value.Deviation = deviation;
            value.ClockStatus = clockStatus;
            return value;
        }

        /// <summary>Every field "not specified" (a wildcard, e.g. an open end of a selective-access range).</summary>
        public static CosemDateTime Unspecified()
        {
            CosemDateTime value = new CosemDateTime();
            value.SetDateUnspecified();
            value.SetTimeUnspecified();
            value.Deviation = DeviationNotSpecified;
            value.ClockStatus = NotSpecified;
            return value;
        }

        internal void SetDateUnspecified()
        {
            Year = YearNotSpecified;
            Month = NotSpecified;
            Day = NotSpecified;
            DayOfWeek = NotSpecified;
        }

        internal void SetTimeUnspecified()
        {
            Hour = NotSpecified;
            Minute = NotSpecified;
            Second = NotSpecified;
            Hundredths = NotSpecified;
        }

        /// <summary>Reads the 12-byte form; the caller checked the length.</summary>
        public static CosemDateTime Parse(byte[] buffer, int offset)
        {
            CosemDateTime value = new CosemDateTime();
            value.ParseDate(buffer, offset);
            value.ParseTime(buffer, offset + 5);
            value.Deviation = (short)(buffer[offset + 9] << 8 | buffer[offset + 10]);
            value.ClockStatus = buffer[offset + 11];
            return value;
        }

        internal void ParseDate(byte[] buffer, int offset)
        {
            Year = (ushort)(buffer[offset] << 8 | buffer[offset + 1]);
            Month = buffer[offset + 2];
            Day = buffer[offset + 3];
            DayOfWeek = buffer[offset + 4];
        }

        internal void ParseTime(byte[] buffer, int offset)
        {
            Hour = buffer[offset];
            Minute = buffer[offset + 1];
            Second = buffer[offset + 2];
            Hundredths = buffer[offset + 3];
        }

        /// <summary>Writes the 12-byte form; returns 12.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            WriteDate(buffer, offset);
            WriteTime(buffer, offset + 5);
            buffer[offset + 9] = (byte)(Deviation >> 8);
            buffer[offset + 10] = (byte)Deviation;
            buffer[offset + 11] = ClockStatus;
            return Length;
        }

        internal void WriteDate(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)(Year >> 8);
            buffer[offset + 1] = (byte)Year;
            buffer[offset + 2] = Month;
            buffer[offset + 3] = Day;
            buffer[offset + 4] = DayOfWeek;
        }

        internal void WriteTime(byte[] buffer, int offset)
        {
            buffer[offset] = Hour;
            buffer[offset + 1] = Minute;
            buffer[offset + 2] = Second;
            buffer[offset + 3] = Hundredths;
        }

        public bool HasDeviation
        {
            get { return Deviation != DeviationNotSpecified; }
        }

        public bool HasClockStatus
        {
            get { return ClockStatus != NotSpecified; }
        }

        /// <summary>
        /// The point in time when year, month, day, hour and minute are specified and form a valid date (an
        /// unspecified second counts as 0). The UTC offset is -deviation: deviation is "minutes of local time to
        /// UTC", which meters in CET send as -60. The season follows the clock status' daylight-saving bit.
        /// False for wildcards and impossible dates (a value is still usable as raw bytes).
        /// </summary>
        public bool TryGetMeterTime(out MeterTime time)
        {
            time = new MeterTime();
            if (Year == YearNotSpecified || Month > 12 || Day > 31 || Hour == NotSpecified || Minute == NotSpecified)
            {
                return false;
            }

            int second = Second == NotSpecified ? 0 : Second;
            if (!MeterTime.IsValid(Year, Month, Day, Hour, Minute, second))
            {
                return false;
            }

            DaylightSaving season = DaylightSaving.Unknown;
            if (HasClockStatus)
            {
                season = (ClockStatus & StatusDaylightSavingActive) != 0 ? DaylightSaving.Summer : DaylightSaving.Standard;
            }

            bool hasOffset = HasDeviation && Deviation >= -720 && Deviation <= 720;
            time = new MeterTime(new DateTime(Year, Month, Day, Hour, Minute, second), season, hasOffset, hasOffset ? (short)(-Deviation) : (short)0);
            return true;
        }

        /// <summary>True when the meter flagged its clock as invalid or doubtful.</summary>
        public bool IsClockDoubtful
        {
            get { return HasClockStatus && (ClockStatus & (StatusInvalid | StatusDoubtful)) != 0; }
        }
    }
}
