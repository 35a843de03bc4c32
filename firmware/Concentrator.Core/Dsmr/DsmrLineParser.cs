using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Text;

namespace Concentrator.Core.Dsmr
{
    /// <summary>
    /// Turns the lines of one complete telegram into readings. The line forms (DSMR 5.0.2 §6.4, DSMR 3/2.2 and the
    /// national variants):
    /// <list type="bullet">
    /// <item>value: <c>1-0:1.8.1(000687.138*kWh)</c>, <c>0-0:96.14.0(0001)</c>, <c>0-0:96.13.0()</c>, text identifiers;</item>
    /// <item>timestamp: <c>0-0:1.0.0(141227180323W)</c>;</item>
    /// <item>time and value: <c>0-1:24.2.1(141227170000W)(00435.247*m3)</c>, Belgian <c>1-0:1.6.0(200509134558S)(02.589*kW)</c>;</item>
    /// <item>log: <c>1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)…</c> and the Belgian monthly peaks
    ///   <c>0-0:98.1.0(n)(1-0:1.6.0)(1-0:1.6.0)(start)(time)(value)…</c>: one reading for the count, then one per entry
    ///   under the logged object's OBIS with the entry's time;</item>
    /// <item>DSMR 2.2/3 hourly M-Bus value: <c>0-1:24.3.0(121030140000)(00)(60)(1)(0-1:24.2.1)(m3)</c> with the
    ///   value <c>(00004.547)</c> on the next line.</item>
    /// </list>
    /// Any other multi-group line is kept whole as text. Allocation-free.
    /// </summary>
    internal sealed class DsmrLineParser
    {
        private readonly int[] _groupStart;
        private readonly int[] _groupLength;
        private readonly int _standardOffset;

        private byte[] _text;
        private ReadingSet _set;
        private DsmrError _error;
        private int _line;
        private int _lineStart;
        private int _groups;

        public DsmrLineParser(int maxGroupsPerLine, int standardUtcOffsetMinutes)
        {
            _groupStart = new int[maxGroupsPerLine];
            _groupLength = new int[maxGroupsPerLine];
            _standardOffset = standardUtcOffsetMinutes;
        }

        /// <summary>The DSMR version the telegram stated in 1-3:0.2.8 (40, 42, 50 …), or 0.</summary>
        public int Version;

        public DsmrStatus Parse(byte[] telegram, int length, ReadingSet set, DsmrError error)
        {
            _text = telegram;
            _set = set;
            _error = error;
            Version = 0;

            // Identification: after '/', up to the line end (DSMR 5.0.2 §6.4: "/XXXZ Ident CR LF CR LF").
            int end = length - 1; // index of '!'
            int pos = 1;
            while (pos < end && telegram[pos] != (byte)'\r' && telegram[pos] != (byte)'\n')
            {
                pos++;
            }

            _line = 1;
            _lineStart = 0;
            if (pos >= end)
            {
                return Malformed(DsmrLineProblem.UnterminatedIdentification, 0, end);
            }

            int identification = set.AppendText(telegram, 1, pos - 1);
            if (identification < 0)
            {
                return TextFull();
            }

            set.IdentificationStart = identification;
            set.IdentificationLength = pos - 1;

            while (true)
            {
                pos = SkipLineBreaks(pos, end);
                if (pos >= end)
                {
                    break;
                }

                DsmrStatus status = ParseRecord(ref pos, end);
                if (status != DsmrStatus.TelegramReady)
                {
                    return status;
                }
            }

            FindTelegramFacts();
            return DsmrStatus.TelegramReady;
        }

        private int SkipLineBreaks(int pos, int end)
        {
            while (pos < end)
            {
                byte b = _text[pos];
                if (b == (byte)'\n')
                {
                    _line++;
                    _lineStart = pos + 1;
                }
                else if (b != (byte)'\r' && b != (byte)' ' && b != (byte)'\t')
                {
                    break;
                }

                pos++;
            }

            return pos;
        }

        // One object: OBIS code, then one or more "(…)" groups, possibly continued on following lines.
        private DsmrStatus ParseRecord(ref int pos, int end)
        {
            int obisStart = pos;
            while (pos < end && _text[pos] != (byte)'(' && _text[pos] != (byte)'\r' && _text[pos] != (byte)'\n')
            {
                pos++;
            }

            int obisLength = pos - obisStart;
            if (pos >= end || _text[pos] != (byte)'(')
            {
                return Malformed(DsmrLineProblem.MissingValue, obisStart, pos - obisStart);
            }

            ObisCode obis;
            if (!ObisCode.TryParse(_text, obisStart, obisLength, out obis))
            {
                return Malformed(DsmrLineProblem.BadObisCode, obisStart, obisLength);
            }

            _groups = 0;
            int recordLine = _line;
            int recordLineStart = _lineStart;
            while (true)
            {
                int open = pos;
                pos++;
                while (pos < end && _text[pos] != (byte)')' && _text[pos] != (byte)'(' && _text[pos] != (byte)'\r' && _text[pos] != (byte)'\n')
                {
                    pos++;
                }

                if (pos >= end || _text[pos] != (byte)')')
                {
                    return Malformed(DsmrLineProblem.UnclosedGroup, open, pos - open);
                }

                if (_groups == _groupStart.Length)
                {
                    return Malformed(DsmrLineProblem.TooManyGroups, obisStart, pos - obisStart, _groupStart.Length, _groups + 1);
                }

                _groupStart[_groups] = open + 1;
                _groupLength[_groups] = pos - open - 1;
                _groups++;
                pos++;

                // More groups follow directly, or on the next line (DSMR 3 hourly values).
                int next = pos;
                while (next < end && (_text[next] == (byte)'\r' || _text[next] == (byte)'\n'))
                {
                    next++;
                }

                if (next >= end || _text[next] != (byte)'(')
                {
                    break;
                }

                if (next != pos)
                {
                    pos = SkipLineBreaks(pos, end);
                }
            }

            int saveLine = _line;
            int saveLineStart = _lineStart;
            _line = recordLine;
            _lineStart = recordLineStart;
            DsmrStatus status = Interpret(obis, obisStart, pos);
            _line = saveLine;
            _lineStart = saveLineStart;
            return status;
        }

        private DsmrStatus Interpret(ObisCode obis, int recordStart, int recordEnd)
        {
            if (_groups >= 2 && IsLogCount(0) && IsObisGroup(1))
            {
                return InterpretLog(obis, recordStart, recordEnd);
            }

            if (_groups >= 7 && IsObisGroup(4) && IsTimestampGroup(0, true))
            {
                return InterpretHourlyValue(obis, recordStart, recordEnd);
            }

            Reading reading = _set.Add();
            if (reading == null)
            {
                return ReadingsFull();
            }

            reading.Obis = obis;
            if (_groups == 1)
            {
                return SetValue(reading, 0, IsTelegramClock(obis));
            }

            if (_groups == 2 && IsTimestampGroup(0, true))
            {
                DsmrStatus timeStatus = SetTime(reading, 0);
                return timeStatus != DsmrStatus.TelegramReady ? timeStatus : SetValue(reading, 1, false);
            }

            // An unknown form: keep every group, as sent, as one text value.
            int first = _groupStart[0] - 1;
            int last = _groupStart[_groups - 1] + _groupLength[_groups - 1] + 1;
            return SetText(reading, first, last - first);
        }

        // (count)(obis 1)…(obis k) then count rows of k timestamps… and one value; see the class summary.
        private DsmrStatus InterpretLog(ObisCode obis, int recordStart, int recordEnd)
        {
            int count;
            AsciiDecimal.TryParseInt(_text, _groupStart[0], _groupLength[0], out count);
            int columns = 1;
            while (columns + 1 < _groups && IsObisGroup(columns + 1))
            {
                columns++;
            }

            int rowSize = columns + 1;
            int entries = _groups - 1 - columns;
            if (entries % rowSize != 0 || entries / rowSize != count)
            {
                return Malformed(DsmrLineProblem.LogCountMismatch, recordStart, recordEnd - recordStart, count, entries / rowSize);
            }

            Reading total = _set.Add();
            if (total == null)
            {
                return ReadingsFull();
            }

            total.Obis = obis;
            DsmrStatus countStatus = SetValue(total, 0, false);
            if (countStatus != DsmrStatus.TelegramReady)
            {
                return countStatus;
            }

            ObisCode logged;
            ObisCode.TryParse(_text, _groupStart[columns], _groupLength[columns], out logged);
            for (int row = 0; row < count; row++)
            {
                int first = 1 + columns + row * rowSize;
                Reading entry = _set.Add();
                if (entry == null)
                {
                    return ReadingsFull();
                }

                entry.Obis = logged;
                DsmrStatus status = SetTime(entry, first + columns - 1);
                if (status == DsmrStatus.TelegramReady)
                {
                    status = SetValue(entry, first + columns, false);
                }

                if (status != DsmrStatus.TelegramReady)
                {
                    return status;
                }
            }

            return DsmrStatus.TelegramReady;
        }

        // DSMR 2.2/3: (time)(status)(period)(count)(obis)(unit)(value)…
        private DsmrStatus InterpretHourlyValue(ObisCode obis, int recordStart, int recordEnd)
        {
            int count;
            if (!AsciiDecimal.TryParseInt(_text, _groupStart[3], _groupLength[3], out count) || count < 1 || 6 + count != _groups)
            {
                return Malformed(DsmrLineProblem.BadProfile, recordStart, recordEnd - recordStart);
            }

            int unit = _set.AppendText(_text, _groupStart[5], _groupLength[5]);
            if (unit < 0)
            {
                return TextFull();
            }

            for (int v = 0; v < count; v++)
            {
                Reading reading = _set.Add();
                if (reading == null)
                {
                    return ReadingsFull();
                }

                reading.Obis = obis;
                DsmrStatus status = SetTime(reading, 0);
                if (status == DsmrStatus.TelegramReady)
                {
                    status = SetValue(reading, 6 + v, false);
                }

                if (status != DsmrStatus.TelegramReady)
                {
                    return status;
                }

                if (reading.UnitLength == 0)
                {
                    reading.UnitStart = unit;
                    reading.UnitLength = _groupLength[5];
                }
            }

            return DsmrStatus.TelegramReady;
        }

        private DsmrStatus SetValue(Reading reading, int group, bool bareTimestamp)
        {
            int start = _groupStart[group];
            int length = _groupLength[group];
            if (length == 0)
            {
                reading.Kind = ReadingKind.Empty;
                return DsmrStatus.TelegramReady;
            }

            if (IsTextObject(reading.Obis))
            {
                return SetText(reading, start, length);
            }

            if (IsTimestampGroup(group, bareTimestamp))
            {
                DsmrStatus status = SetText(reading, start, length);
                if (status != DsmrStatus.TelegramReady)
                {
                    return status;
                }

                MeterTime timestamp;
                bool parsed = ParseTime(start, length, out timestamp);
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

                return DsmrStatus.TelegramReady;
            }

            return ReadingText.SetValueAndUnit(_set, reading, _text, start, length) ? DsmrStatus.TelegramReady : TextFull();
        }

        private DsmrStatus SetText(Reading reading, int start, int length)
        {
            return ReadingText.SetText(_set, reading, _text, start, length) ? DsmrStatus.TelegramReady : TextFull();
        }

        // The time attached to a value (gas capture time, log entry time). An impossible date keeps the value,
        // flagged, with the raw time as its text.
        private DsmrStatus SetTime(Reading reading, int group)
        {
            int start = _groupStart[group];
            int length = _groupLength[group];
            MeterTime time;
            bool parsed = ParseTime(start, length, out time);
            reading.Time = time;
            if (parsed)
            {
                reading.HasTime = true;
                return DsmrStatus.TelegramReady;
            }

            reading.Flags |= ReadingFlags.InvalidTimestamp;
            int at = _set.AppendText(_text, start, length);
            if (at < 0)
            {
                return TextFull();
            }

            reading.TextStart = at;
            reading.TextLength = length;
            return DsmrStatus.TelegramReady;
        }

        // YYMMDDhhmmss, then W (standard time) or S (summer time) from DSMR 4 on.
        private bool ParseTime(int start, int length, out MeterTime time)
        {
            time = new MeterTime();
            int year, month, day, hour, minute, second;
            if (!TwoDigits(start, out year) || !TwoDigits(start + 2, out month) || !TwoDigits(start + 4, out day) ||
                !TwoDigits(start + 6, out hour) || !TwoDigits(start + 8, out minute) || !TwoDigits(start + 10, out second))
            {
                return false;
            }

            year += 2000;
            if (!MeterTime.IsValid(year, month, day, hour, minute, second))
            {
                return false;
            }

            DaylightSaving season = DaylightSaving.Unknown;
            if (length == 13)
            {
                season = _text[start + 12] == (byte)'S' ? DaylightSaving.Summer : DaylightSaving.Standard;
            }

            bool hasOffset = season != DaylightSaving.Unknown;
            int offset = season == DaylightSaving.Summer ? _standardOffset + 60 : _standardOffset;
            time = new MeterTime(new System.DateTime(year, month, day, hour, minute, second), season, hasOffset, hasOffset ? (short)offset : (short)0);
            return true;
        }

        private bool TwoDigits(int at, out int value)
        {
            byte high = _text[at];
            byte low = _text[at + 1];
            value = (high - (byte)'0') * 10 + (low - (byte)'0');
            return high >= (byte)'0' && high <= (byte)'9' && low >= (byte)'0' && low <= (byte)'9';
        }

        // 12 digits followed by W or S; 12 bare digits only where the line form says it is a time.
        private bool IsTimestampGroup(int group, bool bareAllowed)
        {
            int start = _groupStart[group];
            int length = _groupLength[group];
            if (length == 13)
            {
                byte season = _text[start + 12];
                if (season != (byte)'W' && season != (byte)'S')
                {
                    return false;
                }
            }
            else if (length != 12 || !bareAllowed)
            {
                return false;
            }

            for (int i = start; i < start + 12; i++)
            {
                if (_text[i] < (byte)'0' || _text[i] > (byte)'9')
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsObisGroup(int group)
        {
            ObisCode ignored;
            int length = _groupLength[group];
            // A-B:C.D.E form only: a bare "1.8.1" inside a value group is not an object reference.
            return length >= 9 && IndexOf(_groupStart[group], length, (byte)':') >= 0 &&
                   ObisCode.TryParse(_text, _groupStart[group], length, out ignored);
        }

        private bool IsLogCount(int group)
        {
            int ignored;
            return AsciiDecimal.TryParseInt(_text, _groupStart[group], _groupLength[group], out ignored);
        }

        private int IndexOf(int start, int length, byte value)
        {
            for (int i = start; i < start + length; i++)
            {
                if (_text[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        // Objects whose digits are identifiers or encoded text, never numbers (leading zeros and length matter).
        private static bool IsTextObject(ObisCode obis)
        {
            return (obis.C == 96 && (obis.D == 1 || obis.D == 13)) // equipment identifiers, text messages
                || (obis.C == 0 && obis.D == 2 && obis.E == 8)     // DSMR version
                || (obis.C == 42 && obis.D == 0);                  // logical device name (Luxembourg)
        }

        // 0-0:1.0.0, the telegram's clock; in DSMR 2.2 it may lack the season letter.
        private static bool IsTelegramClock(ObisCode obis)
        {
            return obis.A == 0 && obis.C == 1 && obis.D == 0 && obis.E == 0;
        }

        private void FindTelegramFacts()
        {
            int meterIdRank = 0;
            for (int i = 0; i < _set.Count; i++)
            {
                Reading reading = _set[i];
                ObisCode obis = reading.Obis;
                if (obis.A != 0 && obis.A != 1)
                {
                    continue;
                }

                if (obis.A == 0 && obis.B == 0 && IsTelegramClock(obis) && reading.HasTime && !_set.HasTime)
                {
                    _set.HasTime = true;
                    _set.Time = reading.Time;
                }
                else if (obis.A == 1 && obis.B == 3 && obis.C == 0 && obis.D == 2 && obis.E == 8)
                {
                    int version;
                    if (AsciiDecimal.TryParseInt(_set.Text, reading.TextStart, reading.TextLength, out version))
                    {
                        Version = version;
                    }
                }
                else if (obis.A == 0 && obis.B == 0 && reading.Kind == ReadingKind.Text)
                {
                    // Electricity equipment identifier: 96.1.1 (DSMR), else 96.1.0, else 42.0.0 (Luxembourg).
                    int rank = obis.HasCde(96, 1, 1) ? 3 : obis.HasCde(96, 1, 0) ? 2 : obis.HasCde(42, 0, 0) ? 1 : 0;
                    if (rank > meterIdRank)
                    {
                        meterIdRank = rank;
                        _set.MeterIdStart = reading.TextStart;
                        _set.MeterIdLength = reading.TextLength;
                    }
                }
            }
        }

        private DsmrStatus Malformed(DsmrLineProblem problem, int snippetStart, int snippetLength)
        {
            return Malformed(problem, snippetStart, snippetLength, 0, 0);
        }

        private DsmrStatus Malformed(DsmrLineProblem problem, int snippetStart, int snippetLength, int expected, int actual)
        {
            _error.Set(DsmrStatus.MalformedLine, _line, expected, actual);
            _error.Problem = problem;
            // Show the line from its start, so the message points at the place.
            int start = _lineStart < snippetStart ? _lineStart : snippetStart;
            _error.SetSnippet(_text, start, snippetStart + snippetLength - start);
            return DsmrStatus.MalformedLine;
        }

        private DsmrStatus TextFull()
        {
            _error.Set(DsmrStatus.CapacityExceeded, _line, 0, _set.TextCapacity);
            _error.Problem = DsmrLineProblem.TextFull;
            return DsmrStatus.CapacityExceeded;
        }

        private DsmrStatus ReadingsFull()
        {
            _error.Set(DsmrStatus.CapacityExceeded, _line, 0, _set.Capacity);
            _error.Problem = DsmrLineProblem.ReadingsFull;
            return DsmrStatus.CapacityExceeded;
        }
    }
}
