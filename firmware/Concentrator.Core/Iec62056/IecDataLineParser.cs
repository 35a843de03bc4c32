using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Text;

namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// Turns the data lines of one verified data block (IEC 62056-21, with IEC 62056-61 addresses) into readings. A data set is an
    /// address and one or more value groups: <c>1-0:1.8.1(001234.567*kWh)</c>, <c>1.8.1(001234.567)</c>,
    /// <c>F.F(00000000)</c>, <c>C.1.0(12345678)</c>, <c>0.0.0()</c>, a maximum demand with its time
    /// <c>1.6.1(0.584*kW)(24-03-01 09:15)</c>, several data sets on one line, and value groups that continue on the
    /// next line (profile rows, <c>(0.123)(1234.5)</c>), which belong to the data set before them.
    /// Each value group becomes a reading under the data set's address; a timestamp group is the time of the value
    /// beside it. Allocation-free.
    /// </summary>
    internal sealed class IecDataLineParser
    {
        private readonly int[] _groupStart;
        private readonly int[] _groupLength;
        private readonly int _utcOffset;

        private byte[] _text;
        private ReadingSet _set;
        private IecError _error;
        private int _line;
        private int _lineStart;
        private int _groups;

        public IecDataLineParser(int maxGroups, int utcOffsetMinutes)
        {
            _groupStart = new int[maxGroups];
            _groupLength = new int[maxGroups];
            _utcOffset = utcOffsetMinutes;
        }

        /// <summary>
        /// Parses [offset, offset+length), appending to <paramref name="set"/>. With <paramref name="requireEndLine"/> the
        /// block must carry the "!" line of a readout. With <paramref name="hasDefaultAddress"/> value groups before any
        /// address belong to <paramref name="defaultAddress"/> (a programming-mode answer "(0012345.6*kWh)").
        /// </summary>
        public IecStatus Parse(byte[] block, int offset, int length, bool requireEndLine, ReadingSet set, IecError error, bool hasDefaultAddress, ObisCode defaultAddress)
        {
            _text = block;
            _set = set;
            _error = error;
            _line = 1;
            _lineStart = offset;
            int end = offset + length;
            int pos = offset;
            bool haveAddress = hasDefaultAddress;
            bool endLine = false;
            ObisCode previous = defaultAddress;
            while (true)
            {
                pos = SkipLineSpace(pos, end);
                if (pos >= end)
                {
                    break;
                }

                if (_text[pos] == IecCharacters.End)
                {
                    endLine = true;
                    break;
                }

                ObisCode obis;
                if (_text[pos] == (byte)'(')
                {
                    if (!haveAddress)
                    {
                        return Malformed(IecLineProblem.NoAddress, pos, 1);
                    }

                    obis = previous;
                }
                else
                {
                    int addressStart = pos;
                    while (pos < end && _text[pos] != (byte)'(' && _text[pos] != IecCharacters.Cr && _text[pos] != IecCharacters.Lf)
                    {
                        pos++;
                    }

                    if (pos >= end || _text[pos] != (byte)'(')
                    {
                        return Malformed(IecLineProblem.MissingValue, addressStart, pos - addressStart);
                    }

                    if (!ObisCode.TryParse(_text, addressStart, pos - addressStart, out obis))
                    {
                        return Malformed(IecLineProblem.BadObisCode, addressStart, pos - addressStart);
                    }
                }

                IecStatus status = ReadGroups(ref pos, end);
                if (status == IecStatus.ReadoutReady)
                {
                    status = Interpret(obis);
                }

                if (status != IecStatus.ReadoutReady)
                {
                    return status;
                }

                previous = obis;
                haveAddress = true;
            }

            if (requireEndLine && !endLine)
            {
                return Malformed(IecLineProblem.MissingEndLine, end > offset ? end - 1 : offset, end > offset ? 1 : 0);
            }

            FindFacts();
            return IecStatus.ReadoutReady;
        }

        private int SkipLineSpace(int pos, int end)
        {
            while (pos < end)
            {
                byte b = _text[pos];
                if (b == IecCharacters.Lf)
                {
                    _line++;
                    _lineStart = pos + 1;
                }
                else if (b != IecCharacters.Cr && b != (byte)' ' && b != (byte)'\t')
                {
                    break;
                }

                pos++;
            }

            return pos;
        }

        // "(…)" groups directly after each other; stops before the next address, line end or end.
        private IecStatus ReadGroups(ref int pos, int end)
        {
            _groups = 0;
            while (pos < end && _text[pos] == (byte)'(')
            {
                int open = pos;
                pos++;
                while (pos < end && _text[pos] != (byte)')' && _text[pos] != (byte)'(' && _text[pos] != IecCharacters.Cr && _text[pos] != IecCharacters.Lf)
                {
                    pos++;
                }

                if (pos >= end || _text[pos] != (byte)')')
                {
                    return Malformed(IecLineProblem.UnclosedGroup, open, pos - open);
                }

                if (_groups == _groupStart.Length)
                {
                    return Malformed(IecLineProblem.TooManyGroups, open, pos - open, _groupStart.Length, _groups + 1);
                }

                _groupStart[_groups] = open + 1;
                _groupLength[_groups] = pos - open - 1;
                _groups++;
                pos++;
            }

            return IecStatus.ReadoutReady;
        }

        // One reading per value group; a timestamp group is the time of the value before it (IEC order, maximum
        // demand) or, when it comes first, of the value after it.
        private IecStatus Interpret(ObisCode obis)
        {
            bool timeObject = IsTimeObject(obis);
            Reading last = null;
            bool lastHasGroupTime = false;
            int g = 0;
            while (g < _groups)
            {
                if (!timeObject && g > 0 && last != null && !lastHasGroupTime && IsTimestamp(g, true))
                {
                    IecStatus timeStatus = SetTime(last, g);
                    if (timeStatus != IecStatus.ReadoutReady)
                    {
                        return timeStatus;
                    }

                    lastHasGroupTime = true;
                    g++;
                    continue;
                }

                Reading reading = _set.Add();
                if (reading == null)
                {
                    return ReadingsFull();
                }

                reading.Obis = obis;
                lastHasGroupTime = false;
                if (!timeObject && g + 1 < _groups && IsTimestamp(g, true) && !IsTimestamp(g + 1, true))
                {
                    IecStatus leading = SetTime(reading, g);
                    if (leading != IecStatus.ReadoutReady)
                    {
                        return leading;
                    }

                    lastHasGroupTime = true;
                    g++;
                }

                IecStatus status = SetValue(reading, g, timeObject);
                if (status != IecStatus.ReadoutReady)
                {
                    return status;
                }

                last = reading;
                g++;
            }

            if (_groups == 0)
            {
                Reading empty = _set.Add();
                if (empty == null)
                {
                    return ReadingsFull();
                }

                empty.Obis = obis;
                empty.Kind = ReadingKind.Empty;
            }

            return IecStatus.ReadoutReady;
        }

        private IecStatus SetValue(Reading reading, int group, bool timeObject)
        {
            int start = _groupStart[group];
            int length = _groupLength[group];
            if (length == 0)
            {
                reading.Kind = ReadingKind.Empty;
                return IecStatus.ReadoutReady;
            }

            if (timeObject || IsTextObject(reading.Obis))
            {
                return SetText(reading, start, length);
            }

            if (IsTimestamp(group, false))
            {
                IecStatus status = SetText(reading, start, length);
                if (status == IecStatus.ReadoutReady)
                {
                    MeterTime timestamp;
                    bool parsed = ParseTimestamp(start, length, out timestamp);
                    reading.Time = timestamp;
                    if (parsed)
                    {
                        reading.Kind = ReadingKind.Timestamp;
                        reading.HasTime = true;
                    }
                    else
                    {
                        reading.Flags |= ReadingFlags.InvalidTimestamp;
                    }
                }

                return status;
            }

            return ReadingText.SetValueAndUnit(_set, reading, _text, start, length) ? IecStatus.ReadoutReady : TextFull();
        }

        private IecStatus SetText(Reading reading, int start, int length)
        {
            return ReadingText.SetText(_set, reading, _text, start, length) ? IecStatus.ReadoutReady : TextFull();
        }

        // The time attached to a value; an impossible date keeps the value, flagged, with the raw time as its text.
        private IecStatus SetTime(Reading reading, int group)
        {
            int start = _groupStart[group];
            int length = _groupLength[group];
            MeterTime time;
            bool parsed = ParseTimestamp(start, length, out time);
            reading.Time = time;
            if (parsed)
            {
                reading.HasTime = true;
                return IecStatus.ReadoutReady;
            }

            reading.Flags |= ReadingFlags.InvalidTimestamp;
            if (reading.Kind == ReadingKind.Number || reading.TextLength == 0)
            {
                int at = _set.AppendText(_text, start, length);
                if (at < 0)
                {
                    return TextFull();
                }

                reading.TextStart = at;
                reading.TextLength = length;
            }

            return IecStatus.ReadoutReady;
        }

        // Timestamp forms of IEC meters: "YY-MM-DD hh:mm[:ss]" anywhere; bare digits "YYMMDDhhmm[ss]" (with an
        // optional season letter W/S) only beside a value, where a number of that length would make no sense.
        private bool IsTimestamp(int group, bool bareAllowed)
        {
            int start = _groupStart[group];
            int length = _groupLength[group];
            if (length == 14 || length == 17)
            {
                return Digit(start) && Digit(start + 1) && _text[start + 2] == (byte)'-' && _text[start + 5] == (byte)'-' &&
                       _text[start + 8] == (byte)' ' && _text[start + 11] == (byte)':' && (length == 14 || _text[start + 14] == (byte)':');
            }

            if (!bareAllowed)
            {
                return false;
            }

            int digits = length;
            if (length == 11 || length == 13)
            {
                byte season = _text[start + length - 1];
                if (season != (byte)'W' && season != (byte)'S')
                {
                    return false;
                }

                digits--;
            }

            if (digits != 10 && digits != 12)
            {
                return false;
            }

            for (int i = start; i < start + digits; i++)
            {
                if (!Digit(i))
                {
                    return false;
                }
            }

            return true;
        }

        private bool ParseTimestamp(int start, int length, out MeterTime time)
        {
            time = new MeterTime();
            int year, month, day, hour, minute, second = 0;
            DaylightSaving season = DaylightSaving.Unknown;
            if (length == 14 || length == 17)
            {
                if (!Two(start, out year) || !Two(start + 3, out month) || !Two(start + 6, out day) || !Two(start + 9, out hour) ||
                    !Two(start + 12, out minute) || (length == 17 && !Two(start + 15, out second)))
                {
                    return false;
                }
            }
            else
            {
                int digits = length == 11 || length == 13 ? length - 1 : length;
                if (digits != length)
                {
                    season = _text[start + digits] == (byte)'S' ? DaylightSaving.Summer : DaylightSaving.Standard;
                }

                if (!Two(start, out year) || !Two(start + 2, out month) || !Two(start + 4, out day) || !Two(start + 6, out hour) ||
                    !Two(start + 8, out minute) || (digits == 12 && !Two(start + 10, out second)))
                {
                    return false;
                }
            }

            return MakeTime(2000 + year, month, day, hour, minute, second, season, out time);
        }

        private bool MakeTime(int year, int month, int day, int hour, int minute, int second, DaylightSaving season, out MeterTime time)
        {
            time = new MeterTime();
            if (!MeterTime.IsValid(year, month, day, hour, minute, second))
            {
                return false;
            }

            bool hasOffset = _utcOffset != IecDecoderOptions.UnknownOffset;
            int offset = hasOffset ? _utcOffset + (season == DaylightSaving.Summer ? 60 : 0) : 0;
            time = new MeterTime(new System.DateTime(year, month, day, hour, minute, second), season, hasOffset, (short)offset);
            return true;
        }

        private bool Digit(int at)
        {
            return _text[at] >= (byte)'0' && _text[at] <= (byte)'9';
        }

        private bool Two(int at, out int value)
        {
            value = (_text[at] - (byte)'0') * 10 + (_text[at + 1] - (byte)'0');
            return Digit(at) && Digit(at + 1);
        }

        // 0.9.1 time of day, 0.9.2 date (IEC 62056-61 C.0.9): kept as text, combined into the readout's clock.
        private static bool IsTimeObject(ObisCode obis)
        {
            return obis.C == 0 && obis.D == 9 && (obis.E == 1 || obis.E == 2);
        }

        // Identifiers and status words whose digits are not a quantity (leading zeros and length matter).
        private static bool IsTextObject(ObisCode obis)
        {
            return (obis.C == 96 && (obis.D == 1 || obis.D == 13)) // equipment identifiers, messages (C.1.x)
                || obis.C == 97                                     // error registers (F.F)
                || (obis.C == 0 && obis.D == 0)                     // device address / identification (0.0.0 …)
                || (obis.C == 0 && obis.D == 2)                     // firmware and parameter versions (0.2.x)
                || (obis.C == 42 && obis.D == 0);                   // logical device name
        }

        private void FindFacts()
        {
            int idRank = 0;
            Reading date = null;
            Reading timeOfDay = null;
            for (int i = 0; i < _set.Count; i++)
            {
                Reading reading = _set[i];
                ObisCode obis = reading.Obis;
                if (IsTimeObject(obis) && reading.Kind == ReadingKind.Text)
                {
                    if (obis.E == 2 && date == null)
                    {
                        date = reading;
                    }
                    else if (obis.E == 1 && timeOfDay == null)
                    {
                        timeOfDay = reading;
                    }

                    continue;
                }

                if (reading.Kind != ReadingKind.Text || obis.F != 255)
                {
                    continue;
                }

                // The meter's own number: C.1.0 (serial), else 0.0.0 (device address), else 42.0.0.
                int rank = obis.HasCde(96, 1, 0) ? 3 : obis.HasCde(0, 0, 0) ? 2 : obis.HasCde(42, 0, 0) ? 1 : 0;
                if (rank > idRank)
                {
                    idRank = rank;
                    _set.MeterIdStart = reading.TextStart;
                    _set.MeterIdLength = reading.TextLength;
                }
            }

            if (date != null && timeOfDay != null)
            {
                SetClock(date, timeOfDay);
            }
        }

        // Date "YYMMDD", "YY-MM-DD" or the Landis+Gyr "1YYMMDD" (century digit); time "hhmmss" or "hh:mm:ss".
        private void SetClock(Reading date, Reading timeOfDay)
        {
            byte[] t = _set.Text;
            int d = date.TextStart;
            int year, month, day, hour, minute, second;
            byte[] saved = _text;
            _text = t;
            bool ok;
            if (date.TextLength == 6)
            {
                ok = Two(d, out year) & Two(d + 2, out month) & Two(d + 4, out day);
                year += 2000;
            }
            else if (date.TextLength == 7 && (t[d] == (byte)'0' || t[d] == (byte)'1'))
            {
                ok = Two(d + 1, out year) & Two(d + 3, out month) & Two(d + 5, out day);
                year += t[d] == (byte)'1' ? 2000 : 1900;
            }
            else if (date.TextLength == 8 && t[d + 2] == (byte)'-' && t[d + 5] == (byte)'-')
            {
                ok = Two(d, out year) & Two(d + 3, out month) & Two(d + 6, out day);
                year += 2000;
            }
            else
            {
                ok = false;
                year = month = day = 0;
            }

            int h = timeOfDay.TextStart;
            if (timeOfDay.TextLength == 6)
            {
                ok &= Two(h, out hour) & Two(h + 2, out minute) & Two(h + 4, out second);
            }
            else if (timeOfDay.TextLength == 8 && t[h + 2] == (byte)':' && t[h + 5] == (byte)':')
            {
                ok &= Two(h, out hour) & Two(h + 3, out minute) & Two(h + 6, out second);
            }
            else
            {
                ok = false;
                hour = minute = second = 0;
            }

            MeterTime clock;
            if (ok && MakeTime(year, month, day, hour, minute, second, DaylightSaving.Unknown, out clock))
            {
                _set.HasTime = true;
                _set.Time = clock;
            }

            _text = saved;
        }

        private IecStatus Malformed(IecLineProblem problem, int snippetStart, int snippetLength)
        {
            return Malformed(problem, snippetStart, snippetLength, 0, 0);
        }

        private IecStatus Malformed(IecLineProblem problem, int snippetStart, int snippetLength, int expected, int actual)
        {
            _error.Set(IecStatus.MalformedLine, _line, expected, actual);
            _error.Problem = problem;
            int start = _lineStart < snippetStart ? _lineStart : snippetStart;
            _error.SetSnippet(_text, start, snippetStart + snippetLength - start);
            return IecStatus.MalformedLine;
        }

        private IecStatus TextFull()
        {
            _error.Set(IecStatus.CapacityExceeded, _line, 0, _set.TextCapacity);
            _error.Problem = IecLineProblem.TextFull;
            return IecStatus.CapacityExceeded;
        }

        private IecStatus ReadingsFull()
        {
            _error.Set(IecStatus.CapacityExceeded, _line, 0, _set.Capacity);
            _error.Problem = IecLineProblem.ReadingsFull;
            return IecStatus.CapacityExceeded;
        }
    }
}
