using System;
using Concentrator.Core.Checksums;
using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Sml
{
    /// <summary>
    /// Turns the payload of one SML file (escapes and fill bytes removed) into readings: every message is checked
    /// against its own CRC and parsed by its tag (SML 1.04 §7: SML_PublicOpen.Res, SML_GetList.Res,
    /// SML_PublicClose.Res, SML_Attention.Res; other messages are skipped whole). A message that fails its CRC
    /// contributes nothing but does not stop the next one; a structural error stops the file, keeping the messages
    /// before it. Allocation-free after construction.
    /// </summary>
    public sealed class SmlFileParser
    {
        /// <summary>Longest attention number kept (SML attention numbers are 6 bytes).</summary>
        public const int MaxAttentionLength = 8;

        private readonly SmlReader _reader = new SmlReader();
        private readonly byte[] _attention = new byte[MaxAttentionLength];
        private ReadingSet _set;
        private SmlError _error;
        private bool _failed;
        private int _message;

        // The last SML_Time read: 0 none, 1 second index, 2 UTC timestamp (with offset when local).
        private int _timeKind;
        private long _timeValue;
        private int _timeOffsetMinutes;

        /// <summary>Accept message CRCs in CRC-16/KERMIT (see <see cref="SmlDecoderOptions.AcceptKermit"/>).</summary>
        public bool AcceptKermit = true;

        /// <summary>Messages whose CRC was CRC-16/KERMIT in the last file (0 for a standard meter).</summary>
        public int KermitMessages { get; private set; }

        /// <summary>Messages in the last file that passed their CRC.</summary>
        public int GoodMessages { get; private set; }

        /// <summary>Messages seen in the last file, by tag.</summary>
        public int OpenResponses { get; private set; }
        public int GetListResponses { get; private set; }
        public int CloseResponses { get; private set; }
        public int OtherMessages { get; private set; }

        /// <summary>True when the last file held an SML_Attention.Res; its number is <see cref="AttentionNumber"/>.</summary>
        public bool HasAttention { get; private set; }

        /// <summary>The attention number's bytes (e.g. 81 81 C7 C7 FE 00), valid for <see cref="AttentionLength"/> bytes.</summary>
        public byte[] AttentionNumber
        {
            get { return _attention; }
        }

        public int AttentionLength { get; private set; }

        /// <summary>The transaction id of the last good message (for a client matching responses).</summary>
        public int LastTransactionIdStart { get; private set; }
        public int LastTransactionIdLength { get; private set; }

        /// <summary>The transaction id of the last good SML_GetList.Res (or .Req, for a meter reading requests) in <see cref="SmlReader.Data"/> (the payload); length 0 when none.</summary>
        public int GetListTransactionIdStart { get; private set; }
        public int GetListTransactionIdLength { get; private set; }

        /// <summary>
        /// Parses <c>payload[0 .. length)</c> into <paramref name="set"/> (cleared first). Returns true when every
        /// message passed; otherwise <paramref name="error"/> holds the first failure and the set keeps the readings
        /// of the messages that passed their CRC.
        /// </summary>
        public bool Parse(byte[] payload, int length, ReadingSet set, SmlError error)
        {
            _set = set;
            _error = error;
            _failed = false;
            _message = 0;
            KermitMessages = 0;
            GoodMessages = 0;
            OpenResponses = 0;
            GetListResponses = 0;
            CloseResponses = 0;
            OtherMessages = 0;
            HasAttention = false;
            AttentionLength = 0;
            LastTransactionIdStart = 0;
            LastTransactionIdLength = 0;
            GetListTransactionIdStart = 0;
            GetListTransactionIdLength = 0;
            set.Clear();
            set.Protocol = "sml";

            _reader.Reset(payload, 0, length);
            while (_reader.Position < length)
            {
                if (payload[_reader.Position] == 0x00)
                {
                    _reader.ReadByte(out _); // stray fill between or after messages
                    continue;
                }

                _message++;
                if (!ParseMessage())
                {
                    return false; // structure broken: the next message cannot be found
                }
            }

            if (_message == 0)
            {
                Record(SmlStatus.Malformed, SmlProblem.NoMessage, 0, 1, 0);
                return false;
            }

            return !_failed;
        }

        private bool ParseMessage()
        {
            int start = _reader.Position;
            int count = _set.Count;
            int textLength = _set.TextLength;
            int transactionStart;
            int transactionLength;
            ulong ignored;
            ulong tag;
            if (!_reader.ReadList(6) || !_reader.ReadOctets(out transactionStart, out transactionLength)
                || !ReadOptionalUnsigned(out ignored) || !ReadOptionalUnsigned(out ignored)
                || !_reader.ReadList(2) || !_reader.ReadUnsigned(out tag))
            {
                return Malformed();
            }

            bool bodyOk;
            switch ((uint)tag)
            {
                case SmlMessageTag.OpenResponse:
                    OpenResponses++;
                    bodyOk = ParseOpenResponse();
                    break;
                case SmlMessageTag.GetListResponse:
                    GetListResponses++;
                    bodyOk = ParseGetListResponse();
                    break;
                case SmlMessageTag.CloseResponse:
                    CloseResponses++;
                    bodyOk = ParseCloseResponse();
                    break;
                case SmlMessageTag.AttentionResponse:
                    bodyOk = ParseAttentionResponse();
                    break;
                default:
                    OtherMessages++;
                    bodyOk = _reader.Skip();
                    break;
            }

            if (!bodyOk)
            {
                _set.RollBack(count, textLength); // not covered by a checked CRC
                if (_reader.Problem == SmlProblem.None)
                {
                    return false; // capacity: recorded already
                }

                return Malformed();
            }

            int crcEnd = _reader.Position;
            ulong stated;
            byte endOfMessage;
            if (!_reader.ReadUnsigned(out stated) || !_reader.ReadByte(out endOfMessage))
            {
                _set.RollBack(count, textLength);
                return Malformed();
            }

            if (endOfMessage != 0x00)
            {
                _set.RollBack(count, textLength);
                _reader.Fail(SmlProblem.MissingEndOfMessage, _reader.Position - 1, 0, endOfMessage);
                return Malformed();
            }

            // SML 1.04 §7.1: CRC-16/X-25 over the message up to its crc16 field, sent least significant byte first,
            // so the big-endian Unsigned16 reads as the byte-swapped CRC. KERMIT meters send theirs as is.
            byte[] data = _reader.Data;
            ushort x25 = Crc16.X25(data, start, crcEnd - start);
            ushort swapped = (ushort)((x25 >> 8) | (x25 << 8));
            if (stated != swapped)
            {
                if (AcceptKermit && stated == Crc16.Kermit(data, start, crcEnd - start))
                {
                    KermitMessages++;
                }
                else
                {
                    _set.RollBack(count, textLength);
                    if (tag == SmlMessageTag.AttentionResponse)
                    {
                        HasAttention = false;
                    }

                    Record(SmlStatus.BadMessageCrc, SmlProblem.None, start, (long)((stated >> 8) | ((stated & 0xFF) << 8)), x25);
                    return true; // the structure held: go on with the next message
                }
            }

            GoodMessages++;
            LastTransactionIdStart = transactionStart;
            LastTransactionIdLength = transactionLength;
            if (tag == SmlMessageTag.GetListResponse || tag == SmlMessageTag.GetListRequest)
            {
                GetListTransactionIdStart = transactionStart;
                GetListTransactionIdLength = transactionLength;
            }
            return true;
        }

        // SML_PublicOpen.Res: codepage, clientId, reqFileId, serverId, refTime, smlVersion.
        private bool ParseOpenResponse()
        {
            int start;
            int length;
            ulong ignored;
            if (!_reader.ReadList(6) || !_reader.ReadOctets(out start, out length) || !_reader.ReadOctets(out start, out length)
                || !_reader.ReadOctets(out start, out length) || !_reader.ReadOctets(out start, out length))
            {
                return false;
            }

            SetMeterId(start, length);
            if (!ReadTime() || !ReadOptionalUnsigned(out ignored))
            {
                return false;
            }

            ApplyTimeToSet();
            return true;
        }

        // SML_GetList.Res: clientId, serverId, listName, actSensorTime, valList, listSignature, actGatewayTime.
        private bool ParseGetListResponse()
        {
            int start;
            int length;
            if (!_reader.ReadList(7) || !_reader.ReadOctets(out start, out length) || !_reader.ReadOctets(out start, out length))
            {
                return false;
            }

            SetMeterId(start, length);
            if (!_reader.ReadOctets(out start, out length) || !ReadTime())
            {
                return false;
            }

            ApplyTimeToSet();
            int listStart = _reader.Position;
            SmlType type;
            int entries;
            if (!_reader.ReadTl(out type, out entries))
            {
                return false;
            }

            if (type != SmlType.List)
            {
                return _reader.Fail(SmlProblem.UnexpectedType, listStart, (long)SmlType.List, (long)type);
            }

            for (int i = 0; i < entries; i++)
            {
                if (!ParseListEntry())
                {
                    return false;
                }
            }

            if (!_reader.ReadOctets(out start, out length))
            {
                return false;
            }

            return KeepSetSignature(start, length) && ReadTime(); // actGatewayTime: not a reading
        }

        // SML_ListEntry: objName, status, valTime, unit, scaler, value, valueSignature.
        private bool ParseListEntry()
        {
            int start;
            int length;
            int obisAt;
            if (!_reader.ReadList(7))
            {
                return false;
            }

            obisAt = _reader.Position;
            if (!_reader.ReadOctets(out start, out length))
            {
                return false;
            }

            if (length != 6)
            {
                return _reader.Fail(SmlProblem.BadObisLength, obisAt, 6, length);
            }

            Reading reading = _set.Add();
            if (reading == null)
            {
                return Capacity();
            }

            byte[] data = _reader.Data;
            reading.Obis = new ObisCode(data[start], data[start + 1], data[start + 2], data[start + 3], data[start + 4], data[start + 5]);

            ulong status;
            if (!_reader.SkipIfAbsent())
            {
                if (!_reader.ReadUnsigned(out status))
                {
                    return false;
                }

                reading.HasStatus = true;
                reading.Status = status;
            }

            if (!ReadTime())
            {
                return false;
            }

            if (_timeKind == 1)
            {
                reading.HasSecondIndex = true;
                reading.SecondIndex = _timeValue;
            }
            else if (_timeKind == 2)
            {
                reading.HasTime = true;
                reading.Time = ToMeterTime();
            }

            ulong unit;
            if (!ReadOptionalUnsigned(out unit))
            {
                return false;
            }

            string unitName = DlmsUnit.Name((int)unit);
            if (unitName != null)
            {
                int text = _set.AppendAscii(unitName);
                if (text < 0)
                {
                    return Capacity();
                }

                reading.UnitStart = text;
                reading.UnitLength = unitName.Length;
            }

            long scaler = 0;
            if (!_reader.SkipIfAbsent() && !_reader.ReadSigned(out scaler))
            {
                return false;
            }

            if (!ParseValue(reading, (sbyte)scaler))
            {
                return false;
            }

            if (!_reader.ReadOctets(out start, out length))
            {
                return false;
            }

            if (length > 0)
            {
                int text = _set.AppendHex(data, start, length);
                if (text < 0)
                {
                    return Capacity();
                }

                reading.SignatureStart = text;
                reading.SignatureLength = 2 * length;
            }

            return true;
        }

        // SML_Value: any type. Numbers become Mantissa × 10^scaler; octet strings text (hex unless printable).
        private bool ParseValue(Reading reading, sbyte scaler)
        {
            int tl = _reader.Position;
            SmlType type;
            int length;
            if (!_reader.ReadTl(out type, out length))
            {
                return false;
            }

            switch (type)
            {
                case SmlType.OctetString:
                    return StoreOctets(reading, _reader.Position, length);
                case SmlType.Boolean:
                    bool flag;
                    _reader.ReadBooleanData(length, out flag);
                    reading.Kind = ReadingKind.Number;
                    reading.Mantissa = flag ? 1 : 0;
                    return true;
                case SmlType.Integer:
                case SmlType.Unsigned:
                    ulong raw;
                    if (!_reader.ReadNumberData(tl, length, type == SmlType.Integer, out raw))
                    {
                        return false;
                    }

                    reading.Kind = ReadingKind.Number;
                    if (type == SmlType.Unsigned && raw > long.MaxValue)
                    {
                        // Above 2^63-1: exact as decimal text, as no long holds it.
                        return StoreDecimal(reading, raw, scaler);
                    }

                    reading.Mantissa = (long)raw;
                    reading.Exponent = scaler;
                    return true;
                default:
                    // A list value (SML_ListType, e.g. a time): kept as an empty reading, its contents skipped.
                    reading.Kind = ReadingKind.Empty;
                    return _reader.SkipElements(length);
            }
        }

        private bool StoreOctets(Reading reading, int start, int length)
        {
            byte[] data = _reader.Data;
            bool printable = length > 0;
            for (int i = 0; i < length; i++)
            {
                byte b = data[start + i];
                if (b < 0x20 || b > 0x7E)
                {
                    printable = false;
                    break;
                }
            }

            int text = printable ? _set.AppendText(data, start, length) : _set.AppendHex(data, start, length);
            if (text < 0)
            {
                return Capacity();
            }

            reading.Kind = length == 0 ? ReadingKind.Empty : ReadingKind.Text;
            reading.TextStart = text;
            reading.TextLength = printable ? length : 2 * length;
            _reader.SkipData(length);
            return true;
        }

        private bool StoreDecimal(Reading reading, ulong value, sbyte scaler)
        {
            // Reading keeps Mantissa/Exponent as long: drop trailing zeros into the exponent when that makes it fit.
            int exponent = scaler;
            while (value > long.MaxValue && value % 10 == 0)
            {
                value /= 10;
                exponent++;
            }

            if (value <= long.MaxValue)
            {
                reading.Mantissa = (long)value;
                reading.Exponent = (sbyte)exponent;
                return true;
            }

            // Lose the last digit(s) rather than the value: rounded, exponent adjusted.
            ulong remainder = value % 10;
            value = value / 10 + (remainder >= 5 ? 1UL : 0UL);
            reading.Mantissa = (long)value;
            reading.Exponent = (sbyte)(exponent + 1);
            return true;
        }

        // SML_CloseRes: globalSignature.
        private bool ParseCloseResponse()
        {
            int start;
            int length;
            if (!_reader.ReadList(1) || !_reader.ReadOctets(out start, out length))
            {
                return false;
            }

            return KeepSetSignature(start, length);
        }

        // A listSignature or globalSignature (the first one of the file) as hex on the set.
        private bool KeepSetSignature(int start, int length)
        {
            if (length == 0 || _set.SignatureLength > 0)
            {
                return true;
            }

            int text = _set.AppendHex(_reader.Data, start, length);
            if (text < 0)
            {
                return Capacity();
            }

            _set.SignatureStart = text;
            _set.SignatureLength = 2 * length;
            return true;
        }

        // SML_Attention.Res: serverId, attentionNo, attentionMsg, attentionDetails.
        private bool ParseAttentionResponse()
        {
            int start;
            int length;
            if (!_reader.ReadList(4) || !_reader.ReadOctets(out start, out length))
            {
                return false;
            }

            SetMeterId(start, length);
            if (!_reader.ReadOctets(out start, out length))
            {
                return false;
            }

            HasAttention = true;
            AttentionLength = length < MaxAttentionLength ? length : MaxAttentionLength;
            Array.Copy(_reader.Data, start, _attention, 0, AttentionLength);
            return _reader.SkipElements(2);
        }

        // SML_Time (optional): list of 2 (choice, value). Some meters send a bare Unsigned32 second index; accepted.
        private bool ReadTime()
        {
            _timeKind = 0;
            _timeOffsetMinutes = 0;
            if (_reader.SkipIfAbsent())
            {
                return true;
            }

            int tl = _reader.Position;
            SmlType type;
            int length;
            if (!_reader.ReadTl(out type, out length))
            {
                return false;
            }

            ulong value;
            if (type == SmlType.Unsigned)
            {
                if (!_reader.ReadNumberData(tl, length, false, out value))
                {
                    return false;
                }

                _timeKind = 1;
                _timeValue = (long)value;
                return true;
            }

            if (type != SmlType.List)
            {
                return _reader.Fail(SmlProblem.UnexpectedType, tl, (long)SmlType.List, (long)type);
            }

            if (length != 2)
            {
                return _reader.Fail(SmlProblem.WrongElementCount, tl, 2, length);
            }

            int choiceAt = _reader.Position;
            ulong choice;
            if (!_reader.ReadUnsigned(out choice))
            {
                return false;
            }

            switch ((int)choice)
            {
                case 1:
                case 2:
                    if (!_reader.ReadUnsigned(out value))
                    {
                        return false;
                    }

                    _timeKind = (int)choice;
                    _timeValue = (long)value;
                    return true;
                case 3:
                    // SML_TimestampLocal: timestamp (UTC), localOffset and seasonTimeOffset in minutes.
                    long localOffset;
                    long seasonOffset;
                    if (!_reader.ReadList(3) || !_reader.ReadUnsigned(out value) || !_reader.ReadSigned(out localOffset) || !_reader.ReadSigned(out seasonOffset))
                    {
                        return false;
                    }

                    _timeKind = 2;
                    _timeValue = (long)value;
                    _timeOffsetMinutes = (int)(localOffset + seasonOffset);
                    return true;
                default:
                    return _reader.Fail(SmlProblem.BadTimeChoice, choiceAt, 1, (long)choice);
            }
        }

        private void ApplyTimeToSet()
        {
            if (_timeKind == 1)
            {
                _set.HasSecondIndex = true;
                _set.SecondIndex = _timeValue;
            }
            else if (_timeKind == 2)
            {
                _set.HasTime = true;
                _set.Time = ToMeterTime();
            }
        }

        // A UTC timestamp (seconds since 1970) as the meter's wall-clock time: UTC plus the offset it stated (0 if none).
        private MeterTime ToMeterTime()
        {
            long seconds = _timeValue + _timeOffsetMinutes * 60L;
            DateTime local = new DateTime(1970, 1, 1).AddTicks(seconds * 10000000L);
            DaylightSaving season = DaylightSaving.Unknown;
            return new MeterTime(local, season, true, (short)_timeOffsetMinutes);
        }

        private void SetMeterId(int start, int length)
        {
            if (length == 0 || _set.MeterIdLength > 0)
            {
                return;
            }

            // The server id (e.g. 0A 01 45 4D 48 00 00 xx xx xx: DIN 43863-5 device id) as hex.
            int text = _set.AppendHex(_reader.Data, start, length);
            if (text >= 0)
            {
                _set.MeterIdStart = text;
                _set.MeterIdLength = 2 * length;
            }
        }

        private bool ReadOptionalUnsigned(out ulong value)
        {
            value = 0;
            return _reader.SkipIfAbsent() || _reader.ReadUnsigned(out value);
        }

        private bool Malformed()
        {
            Record(SmlStatus.Malformed, _reader.Problem, _reader.ProblemOffset, _reader.Expected, _reader.Actual);
            return false;
        }

        private bool Capacity()
        {
            _reader.Problem = SmlProblem.None;
            Record(SmlStatus.CapacityExceeded, SmlProblem.None, _reader.Position, _set.Capacity, _set.Count);
            return false;
        }

        private void Record(SmlStatus kind, SmlProblem problem, int offset, long expected, long actual)
        {
            if (_failed)
            {
                return; // the first failure is the one reported
            }

            _failed = true;
            _error.Set(kind, problem, offset, _message, expected, actual);
        }
    }
}
