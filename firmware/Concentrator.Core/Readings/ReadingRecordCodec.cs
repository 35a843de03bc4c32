using System;
using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;

namespace Concentrator.Core.Readings
{
    /// <summary>
    /// The compact binary form of one meter's <see cref="ReadingSet"/> as the store-and-forward queue keeps it: everything
    /// the readings payload (<see cref="Json.ReadingJsonFormatter.WriteReadingsPayload"/>) shows, and nothing else, so that
    /// the JSON formatted from a decoded record is byte-identical to the JSON of the set it was encoded from. A
    /// 5-register reading takes about 60 bytes instead of about 350 bytes of JSON. One instance per thread (it keeps the
    /// last decode's facts); encoding and decoding allocate nothing.
    /// </summary>
    /// <remarks>
    /// <para>Layout, version 1 (varint = unsigned LEB128; zigzag = signed mapped to unsigned, 0,-1,1,-2 → 0,1,2,3):</para>
    /// <code>
    /// version (1) | meter id length (1..255) | meter id (printable ASCII) | protocol (0 none, 1 dsmr, 2 iec62056-21,
    /// 3 dlms, 4 sml, 255 = length + ASCII) | received: zigzag seconds since 2000-01-01 UTC | set bits (1 meter time,
    /// 2 second index, 4 serial, 8 identification, 16 signature) | set quality flags | [meter time] | [zigzag second index]
    /// | [serial] | [identification] | [signature] | reading count (varint) | readings
    ///
    /// reading: header (bits 0-1 kind, 4 unit, 8 flags, 16 time, 32 status, 64 extra, 128 short OBIS)
    ///          | OBIS: short = (A&lt;&lt;4|B), C, D, E with F = 255; else A B C D E F
    ///          | value: number = zigzag mantissa + exponent (signed byte); text/timestamp = text; empty = nothing
    ///          | [unit: 1..72 DLMS unit code (IEC 62056-62), 128.. the table below, 255 = length + bytes]
    ///          | [flags] | [time] | [varint status] | [extra bits (1 second index, 2 signature, 4 raw text of a number)
    ///          | zigzag second index | signature | text]
    /// text:    varint (length &lt;&lt; 2 | form) + bytes; form 0 = as is, 1 = hex digits 0-9A-F packed two to a byte (high
    ///          nibble first), 2 = the same for 0-9a-f, 3 = the same for "0123456789.-: SW" (timestamps, dates)
    /// time:    bits 0-1 season, 4 offset known | [zigzag offset minutes] | zigzag seconds from "received" to the time
    ///          (in UTC when the offset is known, else the wall-clock time as if it were UTC)
    /// </code>
    /// <para>What the payload does not show is not kept: fractions of seconds, the raw text of a number (except the
    /// invalid timestamp the payload prints), text the set holds but no reading uses.</para>
    /// </remarks>
    public sealed class ReadingRecordCodec
    {
        /// <summary>The first byte of every record this codec writes.</summary>
        public const byte FormatVersion = 1;

        /// <summary>Longest meter id (the topic's meter segment).</summary>
        public const int MaxMeterIdLength = 255;

        private const long TicksPerSecond = 10000000;

        // 2000-01-01T00:00:00 in seconds since 0001-01-01 (a received time takes 5 bytes; a board clock never set, 1970, still fits).
        private const long EpochSeconds = 63082281600;

        private const byte SetTime = 1;
        private const byte SetSecondIndex = 2;
        private const byte SetSerial = 4;
        private const byte SetIdentification = 8;
        private const byte SetSignature = 16;

        private const byte KindMask = 3;
        private const byte HasUnit = 4;
        private const byte HasFlags = 8;
        private const byte HasTime = 16;
        private const byte HasStatus = 32;
        private const byte HasExtra = 64;
        private const byte ShortObis = 128;

        private const byte ExtraSecondIndex = 1;
        private const byte ExtraSignature = 2;
        private const byte ExtraNumberText = 4;

        private const byte TimeOffset = 4;

        private const int TextRaw = 0;
        private const int TextUpperHex = 1;
        private const int TextLowerHex = 2;
        private const int TextNumeric = 3;

        // Form 3: digits and the six other characters of meter timestamps, dates and numbers sent as text
        // ("190905214003S", "24-11-02 09:15"), one nibble each.
        private const string NumericSymbols = "0123456789.-: SW";

        private const byte ProtocolLiteral = 255;
        private const byte UnitLiteral = 255;
        private const byte UnitTableBase = 128;

        private static readonly string[] Protocols = { null, "dsmr", "iec62056-21", "dlms", "sml" };

        // Units meters send in text that the DLMS table spells only without a prefix.
        private static readonly string[] Units = { "kWh", "kW", "kvarh", "kvar", "kVAh", "kVA", "MWh", "MW", "Mvarh", "GJ", "MJ", "kJ", "GWh", "l/h", "m3/min" };

        private byte[] _buffer;
        private int _position;
        private int _end;
        private string _where;
        private string _literalProtocol;
        private int _recordStart;
        private int _reading;
        private int _capacity;
        private ReadingRecordStatus _failure;
        private readonly byte[] _scratch = new byte[64];

        /// <summary>Why the last call failed; null after success.</summary>
        public string Problem { get; private set; }

        /// <summary>After a successful decode: where the meter id is in the record.</summary>
        public int MeterIdOffset { get; private set; }

        public int MeterIdLength { get; private set; }

        /// <summary>After a successful decode: the concentrator's clock when the set was read (UTC, whole seconds).</summary>
        public DateTime ReceivedUtc { get; private set; }

        /// <summary>
        /// Writes the record of <paramref name="set"/> read from meter <paramref name="meterId"/> at <paramref name="receivedUtc"/>
        /// into <paramref name="buffer"/> from <paramref name="offset"/>, at most <paramref name="capacity"/> bytes.
        /// </summary>
        public ReadingRecordStatus Encode(string meterId, ReadingSet set, DateTime receivedUtc, byte[] buffer, int offset, int capacity, out int length)
        {
            if (set == null)
            {
                throw new ArgumentNullException("set");
            }

            if (buffer == null || offset < 0 || capacity < 0 || offset + capacity > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            length = 0;
            Problem = null;
            if (!IsMeterId(meterId))
            {
                Problem = "meter id must be 1.." + MaxMeterIdLength.ToString() + " printable ASCII characters";
                return ReadingRecordStatus.BadMeterId;
            }

            _buffer = buffer;
            _position = offset;
            _end = offset + capacity;
            _capacity = capacity;
            long received = Seconds(receivedUtc);
            byte[] text = set.Text;

            if (!PutByte(FormatVersion) || !PutByte((byte)meterId.Length))
            {
                return TooSmall();
            }

            for (int i = 0; i < meterId.Length; i++)
            {
                if (!PutByte((byte)meterId[i]))
                {
                    return TooSmall();
                }
            }

            int protocol = ProtocolCode(set.Protocol);
            if (!PutByte((byte)protocol))
            {
                return TooSmall();
            }

            if (protocol == ProtocolLiteral && !PutAscii(set.Protocol))
            {
                return TooSmall();
            }

            int bits = (set.HasTime ? SetTime : 0) | (set.HasSecondIndex ? SetSecondIndex : 0) | (set.MeterIdLength > 0 ? SetSerial : 0)
                | (set.IdentificationLength > 0 ? SetIdentification : 0) | (set.SignatureLength > 0 ? SetSignature : 0);
            if (!PutSigned(received) || !PutByte((byte)bits) || !PutByte((byte)set.Flags)
                || (set.HasTime && !PutTime(set.Time, received))
                || (set.HasSecondIndex && !PutSigned(set.SecondIndex))
                || (set.MeterIdLength > 0 && !PutText(text, set.MeterIdStart, set.MeterIdLength))
                || (set.IdentificationLength > 0 && !PutText(text, set.IdentificationStart, set.IdentificationLength))
                || (set.SignatureLength > 0 && !PutText(text, set.SignatureStart, set.SignatureLength))
                || !PutUnsigned((ulong)set.Count))
            {
                return TooSmall();
            }

            for (int i = 0; i < set.Count; i++)
            {
                if (!PutReading(set, set[i], received))
                {
                    return TooSmall();
                }
            }

            length = _position - offset;
            _buffer = null;
            return ReadingRecordStatus.Ok;
        }

        /// <summary>
        /// Reads a record into <paramref name="set"/> (cleared first). On success <see cref="MeterIdOffset"/>,
        /// <see cref="MeterIdLength"/> and <see cref="ReceivedUtc"/> describe it; on failure <see cref="Problem"/> says
        /// which field failed where, and the set holds nothing to publish.
        /// </summary>
        public ReadingRecordStatus Decode(byte[] record, int offset, int length, ReadingSet set)
        {
            if (record == null || offset < 0 || length < 0 || offset + length > record.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            if (set == null)
            {
                throw new ArgumentNullException("set");
            }

            set.Clear();
            Problem = null;
            _buffer = record;
            _position = offset;
            _end = offset + length;
            ReadingRecordStatus status = DecodeSet(set, offset);
            _buffer = null;
            if (status != ReadingRecordStatus.Ok)
            {
                set.Clear();
            }

            return status;
        }

        private ReadingRecordStatus DecodeSet(ReadingSet set, int start)
        {
            _recordStart = start;
            _reading = -1;
            _where = "version";
            int version = TakeByte();
            if (version < 0)
            {
                return Truncated(start);
            }

            if (version != FormatVersion)
            {
                Problem = "reading record version " + version.ToString() + " is not known (this firmware reads version " + FormatVersion.ToString() + ")";
                return ReadingRecordStatus.UnsupportedVersion;
            }

            _where = "meter id";
            int idLength = TakeByte();
            if (idLength < 0 || _end - _position < idLength)
            {
                return Truncated(start);
            }

            if (idLength == 0)
            {
                return Malformed(start, "empty");
            }

            for (int i = 0; i < idLength; i++)
            {
                byte c = _buffer[_position + i];
                if (c <= 0x20 || c >= 0x7F)
                {
                    return Malformed(start, "byte 0x" + c.ToString("X2") + " is not printable ASCII");
                }
            }

            MeterIdOffset = _position;
            MeterIdLength = idLength;
            _position += idLength;

            _where = "protocol";
            int protocol = TakeByte();
            if (protocol < 0)
            {
                return Truncated(start);
            }

            if (protocol == ProtocolLiteral)
            {
                int protocolLength = TakeByte();
                if (protocolLength < 0 || _end - _position < protocolLength)
                {
                    return Truncated(start);
                }

                set.Protocol = LiteralProtocol(_position, protocolLength);
                _position += protocolLength;
            }
            else if (protocol < Protocols.Length)
            {
                set.Protocol = Protocols[protocol];
            }
            else
            {
                return Malformed(start, "code " + protocol.ToString() + " is not known");
            }

            _where = "received time";
            long received;
            if (!TakeSigned(out received))
            {
                return Failed(start);
            }

            if (!TryTicks(received, 0, out long receivedTicks))
            {
                return Malformed(start, "out of range");
            }

            ReceivedUtc = new DateTime(receivedTicks);

            _where = "set header";
            int bits = TakeByte();
            int flags = TakeByte();
            if (flags < 0)
            {
                return Truncated(start);
            }

            if ((bits & 0xE0) != 0)
            {
                return Malformed(start, "reserved bits 0x" + bits.ToString("X2"));
            }

            set.Flags = (ReadingFlags)flags;
            if ((bits & SetTime) != 0)
            {
                _where = "meter time";
                MeterTime time;
                ReadingRecordStatus timeStatus = TakeTime(received, start, out time);
                if (timeStatus != ReadingRecordStatus.Ok)
                {
                    return timeStatus;
                }

                set.HasTime = true;
                set.Time = time;
            }

            if ((bits & SetSecondIndex) != 0)
            {
                _where = "second index";
                long index;
                if (!TakeSigned(out index))
                {
                    return Failed(start);
                }

                set.HasSecondIndex = true;
                set.SecondIndex = index;
            }

            int textStart;
            int textLength;
            ReadingRecordStatus textStatus;
            if ((bits & SetSerial) != 0)
            {
                _where = "serial";
                textStatus = TakeText(set, start, out textStart, out textLength);
                if (textStatus != ReadingRecordStatus.Ok)
                {
                    return textStatus;
                }

                set.MeterIdStart = textStart;
                set.MeterIdLength = textLength;
            }

            if ((bits & SetIdentification) != 0)
            {
                _where = "identification";
                textStatus = TakeText(set, start, out textStart, out textLength);
                if (textStatus != ReadingRecordStatus.Ok)
                {
                    return textStatus;
                }

                set.IdentificationStart = textStart;
                set.IdentificationLength = textLength;
            }

            if ((bits & SetSignature) != 0)
            {
                _where = "signature";
                textStatus = TakeText(set, start, out textStart, out textLength);
                if (textStatus != ReadingRecordStatus.Ok)
                {
                    return textStatus;
                }

                set.SignatureStart = textStart;
                set.SignatureLength = textLength;
            }

            _where = "reading count";
            ulong count;
            if (!TakeUnsigned(out count))
            {
                return Failed(start);
            }

            if (count > (ulong)set.Capacity)
            {
                Problem = "reading record holds " + count.ToString() + " readings; the set decoded into holds " + set.Capacity.ToString();
                return ReadingRecordStatus.CapacityExceeded;
            }

            for (int i = 0; i < (int)count; i++)
            {
                ReadingRecordStatus readingStatus = TakeReading(set, set.Add(), i, received, start);
                if (readingStatus != ReadingRecordStatus.Ok)
                {
                    return readingStatus;
                }
            }

            if (_position != _end)
            {
                Problem = "reading record has " + (_end - _position).ToString() + " byte(s) after its last reading (at byte " + (_position - start).ToString() + ")";
                return ReadingRecordStatus.TrailingBytes;
            }

            return ReadingRecordStatus.Ok;
        }

        private ReadingRecordStatus TakeReading(ReadingSet set, Reading reading, int index, long received, int start)
        {
            _reading = index;
            _where = "header";
            int header = TakeByte();
            if (header < 0)
            {
                return Truncated(start);
            }

            reading.Kind = (ReadingKind)(header & KindMask);

            _where = "OBIS code";
            if ((header & ShortObis) != 0)
            {
                if (_end - _position < 4)
                {
                    return Truncated(start);
                }

                byte ab = _buffer[_position];
                reading.Obis = new ObisCode((byte)(ab >> 4), (byte)(ab & 0x0F), _buffer[_position + 1], _buffer[_position + 2], _buffer[_position + 3], 255);
                _position += 4;
            }
            else
            {
                if (_end - _position < 6)
                {
                    return Truncated(start);
                }

                reading.Obis = new ObisCode(_buffer[_position], _buffer[_position + 1], _buffer[_position + 2], _buffer[_position + 3], _buffer[_position + 4], _buffer[_position + 5]);
                _position += 6;
            }

            _where = "value";
            int textStart;
            int textLength;
            ReadingRecordStatus status;
            if (reading.Kind == ReadingKind.Number)
            {
                long mantissa;
                if (!TakeSigned(out mantissa))
                {
                    return Failed(start);
                }

                int exponent = TakeByte();
                if (exponent < 0)
                {
                    return Truncated(start);
                }

                reading.Mantissa = mantissa;
                reading.Exponent = (sbyte)exponent;
            }
            else if (reading.Kind != ReadingKind.Empty)
            {
                status = TakeText(set, start, out textStart, out textLength);
                if (status != ReadingRecordStatus.Ok)
                {
                    return status;
                }

                reading.TextStart = textStart;
                reading.TextLength = textLength;
            }

            if ((header & HasUnit) != 0)
            {
                _where = "unit";
                status = TakeUnit(set, reading, start);
                if (status != ReadingRecordStatus.Ok)
                {
                    return status;
                }
            }

            if ((header & HasFlags) != 0)
            {
                _where = "flags";
                int flags = TakeByte();
                if (flags < 0)
                {
                    return Truncated(start);
                }

                reading.Flags = (ReadingFlags)flags;
            }

            if ((header & HasTime) != 0)
            {
                _where = "time";
                MeterTime time;
                status = TakeTime(received, start, out time);
                if (status != ReadingRecordStatus.Ok)
                {
                    return status;
                }

                reading.HasTime = true;
                reading.Time = time;
            }

            if ((header & HasStatus) != 0)
            {
                _where = "status";
                ulong value;
                if (!TakeUnsigned(out value))
                {
                    return Failed(start);
                }

                reading.HasStatus = true;
                reading.Status = value;
            }

            if ((header & HasExtra) != 0)
            {
                _where = "extra fields";
                int extra = TakeByte();
                if (extra < 0)
                {
                    return Truncated(start);
                }

                if ((extra & 0xF8) != 0 || extra == 0)
                {
                    return Malformed(start, "bits 0x" + extra.ToString("X2"));
                }

                if ((extra & ExtraSecondIndex) != 0)
                {
                    long secondIndex;
                    if (!TakeSigned(out secondIndex))
                    {
                        return Failed(start);
                    }

                    reading.HasSecondIndex = true;
                    reading.SecondIndex = secondIndex;
                }

                if ((extra & ExtraSignature) != 0)
                {
                    status = TakeText(set, start, out textStart, out textLength);
                    if (status != ReadingRecordStatus.Ok)
                    {
                        return status;
                    }

                    reading.SignatureStart = textStart;
                    reading.SignatureLength = textLength;
                }

                if ((extra & ExtraNumberText) != 0)
                {
                    status = TakeText(set, start, out textStart, out textLength);
                    if (status != ReadingRecordStatus.Ok)
                    {
                        return status;
                    }

                    reading.TextStart = textStart;
                    reading.TextLength = textLength;
                }
            }

            return ReadingRecordStatus.Ok;
        }

        private bool PutReading(ReadingSet set, Reading reading, long received)
        {
            ObisCode obis = reading.Obis;
            bool shortObis = obis.F == 255 && obis.A < 16 && obis.B < 16;
            bool numberText = reading.Kind == ReadingKind.Number && !reading.HasTime && (reading.Flags & ReadingFlags.InvalidTimestamp) != 0 && reading.TextLength > 0;
            int extra = (reading.HasSecondIndex ? ExtraSecondIndex : 0) | (reading.SignatureLength > 0 ? ExtraSignature : 0) | (numberText ? ExtraNumberText : 0);
            int header = ((int)reading.Kind & KindMask) | (reading.UnitLength > 0 ? HasUnit : 0) | (reading.Flags != ReadingFlags.None ? HasFlags : 0)
                | (reading.HasTime ? HasTime : 0) | (reading.HasStatus ? HasStatus : 0) | (extra != 0 ? HasExtra : 0) | (shortObis ? ShortObis : 0);
            if (!PutByte((byte)header))
            {
                return false;
            }

            if (shortObis)
            {
                if (!PutByte((byte)((obis.A << 4) | obis.B)) || !PutByte(obis.C) || !PutByte(obis.D) || !PutByte(obis.E))
                {
                    return false;
                }
            }
            else if (!PutByte(obis.A) || !PutByte(obis.B) || !PutByte(obis.C) || !PutByte(obis.D) || !PutByte(obis.E) || !PutByte(obis.F))
            {
                return false;
            }

            byte[] text = set.Text;
            if (reading.Kind == ReadingKind.Number)
            {
                if (!PutSigned(reading.Mantissa) || !PutByte((byte)reading.Exponent))
                {
                    return false;
                }
            }
            else if (reading.Kind != ReadingKind.Empty && !PutText(text, reading.TextStart, reading.TextLength))
            {
                return false;
            }

            if (reading.UnitLength > 0 && !PutUnit(set, reading))
            {
                return false;
            }

            if ((reading.Flags != ReadingFlags.None && !PutByte((byte)reading.Flags))
                || (reading.HasTime && !PutTime(reading.Time, received))
                || (reading.HasStatus && !PutUnsigned(reading.Status)))
            {
                return false;
            }

            if (extra == 0)
            {
                return true;
            }

            return PutByte((byte)extra)
                && (!reading.HasSecondIndex || PutSigned(reading.SecondIndex))
                && (reading.SignatureLength == 0 || PutText(text, reading.SignatureStart, reading.SignatureLength))
                && (!numberText || PutText(text, reading.TextStart, reading.TextLength));
        }

        private bool PutUnit(ReadingSet set, Reading reading)
        {
            for (int code = 1; code < UnitTableBase; code++)
            {
                string name = DlmsUnit.Name(code);
                if (name != null && set.TextEquals(reading.UnitStart, reading.UnitLength, name))
                {
                    return PutByte((byte)code);
                }
            }

            for (int i = 0; i < Units.Length; i++)
            {
                if (set.TextEquals(reading.UnitStart, reading.UnitLength, Units[i]))
                {
                    return PutByte((byte)(UnitTableBase + i));
                }
            }

            return reading.UnitLength <= 255 && PutByte(UnitLiteral) && PutByte((byte)reading.UnitLength)
                && PutBytes(set.Text, reading.UnitStart, reading.UnitLength);
        }

        private ReadingRecordStatus TakeUnit(ReadingSet set, Reading reading, int start)
        {
            int code = TakeByte();
            if (code < 0)
            {
                return Truncated(start);
            }

            int unitStart;
            int unitLength;
            if (code == UnitLiteral)
            {
                unitLength = TakeByte();
                if (unitLength < 0 || _end - _position < unitLength)
                {
                    return Truncated(start);
                }

                unitStart = set.AppendText(_buffer, _position, unitLength);
                _position += unitLength;
            }
            else
            {
                string name = code < UnitTableBase ? DlmsUnit.Name(code) : code - UnitTableBase < Units.Length ? Units[code - UnitTableBase] : null;
                if (name == null)
                {
                    return Malformed(start, "code " + code.ToString() + " is not known");
                }

                unitLength = name.Length;
                unitStart = set.AppendAscii(name);
            }

            if (unitStart < 0)
            {
                return TextFull(set, start);
            }

            reading.UnitStart = unitStart;
            reading.UnitLength = unitLength;
            return ReadingRecordStatus.Ok;
        }

        private bool PutTime(MeterTime time, long received)
        {
            long seconds = Seconds(time.Local) - (time.HasOffset ? time.UtcOffsetMinutes * 60L : 0);
            return PutByte((byte)(((int)time.Season & 3) | (time.HasOffset ? TimeOffset : 0)))
                && (!time.HasOffset || PutSigned(time.UtcOffsetMinutes))
                && PutSigned(seconds - received);
        }

        private ReadingRecordStatus TakeTime(long received, int start, out MeterTime time)
        {
            time = new MeterTime();
            int bits = TakeByte();
            if (bits < 0)
            {
                return Truncated(start);
            }

            if ((bits & ~(TimeOffset | 3)) != 0 || (bits & 3) == 3)
            {
                return Malformed(start, "bits 0x" + bits.ToString("X2"));
            }

            long offset = 0;
            if ((bits & TimeOffset) != 0 && !TakeSigned(out offset))
            {
                return Failed(start);
            }

            if (offset < short.MinValue || offset > short.MaxValue)
            {
                return Malformed(start, "UTC offset " + offset.ToString() + " minutes");
            }

            long delta;
            if (!TakeSigned(out delta))
            {
                return Failed(start);
            }

            long ticks;
            if (!TryTicks(received + delta, offset * 60, out ticks))
            {
                return Malformed(start, "out of range");
            }

            time = new MeterTime(new DateTime(ticks), (DaylightSaving)(bits & 3), (bits & TimeOffset) != 0, (short)offset);
            return ReadingRecordStatus.Ok;
        }

        private ReadingRecordStatus TakeText(ReadingSet set, int start, out int textStart, out int textLength)
        {
            textStart = 0;
            textLength = 0;
            ulong header;
            if (!TakeUnsigned(out header))
            {
                return Failed(start);
            }

            int form = (int)(header & 3);
            ulong length = header >> 2;

            ulong stored = form == TextRaw ? length : (length + 1) / 2;
            if (stored > (ulong)(_end - _position))
            {
                return Truncated(start);
            }

            textLength = (int)length;
            if (form == TextRaw)
            {
                textStart = set.AppendText(_buffer, _position, textLength);
                if (textStart < 0)
                {
                    return TextFull(set, start);
                }

                _position += textLength;
                return ReadingRecordStatus.Ok;
            }

            // Packed nibbles, two to a byte (high nibble first), unpacked in pieces through the scratch buffer.
            textStart = set.TextLength;
            string symbols = form == TextNumeric ? NumericSymbols : null;
            char ten = form == TextUpperHex ? 'A' : 'a';
            for (int done = 0; done < textLength; done += _scratch.Length)
            {
                int count = textLength - done < _scratch.Length ? textLength - done : _scratch.Length;
                for (int i = 0; i < count; i++)
                {
                    int index = done + i;
                    int nibble = (index & 1) == 0 ? _buffer[_position + index / 2] >> 4 : _buffer[_position + index / 2] & 0x0F;
                    _scratch[i] = (byte)(symbols != null ? symbols[nibble] : nibble < 10 ? '0' + nibble : ten + nibble - 10);
                }

                if (set.AppendText(_scratch, 0, count) < 0)
                {
                    return TextFull(set, start);
                }
            }

            _position += (int)stored;
            return ReadingRecordStatus.Ok;
        }

        private string LiteralProtocol(int offset, int length)
        {
            string last = _literalProtocol;
            if (last != null && last.Length == length)
            {
                bool same = true;
                for (int i = 0; i < length && same; i++)
                {
                    same = last[i] == _buffer[offset + i];
                }

                if (same)
                {
                    return last;
                }
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)_buffer[offset + i];
            }

            _literalProtocol = new string(chars);
            return _literalProtocol;
        }

        private static int ProtocolCode(string protocol)
        {
            if (protocol == null)
            {
                return 0;
            }

            for (int i = 1; i < Protocols.Length; i++)
            {
                if (protocol == Protocols[i])
                {
                    return i;
                }
            }

            return ProtocolLiteral;
        }

        private static bool IsMeterId(string meterId)
        {
            if (meterId == null || meterId.Length == 0 || meterId.Length > MaxMeterIdLength)
            {
                return false;
            }

            for (int i = 0; i < meterId.Length; i++)
            {
                char c = meterId[i];
                if (c <= ' ' || c >= (char)0x7F)
                {
                    return false;
                }
            }

            return true;
        }

        private static long Seconds(DateTime time)
        {
            return time.Ticks / TicksPerSecond - EpochSeconds;
        }

        // seconds since 2000 (+ the offset back to local time) → ticks, when DateTime can hold them.
        private static bool TryTicks(long seconds, long offsetSeconds, out long ticks)
        {
            ticks = 0;
            long total = seconds + offsetSeconds + EpochSeconds;
            if (total < DateTime.MinValue.Ticks / TicksPerSecond || total > DateTime.MaxValue.Ticks / TicksPerSecond)
            {
                return false;
            }

            ticks = total * TicksPerSecond;
            return true;
        }

        private bool PutByte(byte value)
        {
            if (_position >= _end)
            {
                return false;
            }

            _buffer[_position++] = value;
            return true;
        }

        private bool PutBytes(byte[] source, int offset, int count)
        {
            if (_end - _position < count)
            {
                return false;
            }

            Array.Copy(source, offset, _buffer, _position, count);
            _position += count;
            return true;
        }

        private bool PutAscii(string text)
        {
            if (text.Length > 255 || _end - _position < text.Length + 1)
            {
                return false;
            }

            _buffer[_position++] = (byte)text.Length;
            for (int i = 0; i < text.Length; i++)
            {
                _buffer[_position++] = (byte)text[i];
            }

            return true;
        }

        // Text: varint (length << 2 | form), then the bytes; hex digits of one case (serial numbers, signatures) packed two
        // to a byte.
        private bool PutText(byte[] text, int start, int length)
        {
            int form = length >= 4 ? HexForm(text, start, length) : TextRaw;
            if (!PutUnsigned((ulong)((length << 2) | form)))
            {
                return false;
            }

            if (form == TextRaw)
            {
                return PutBytes(text, start, length);
            }

            for (int i = 0; i < length; i += 2)
            {
                int high = Nibble(form, text[start + i]);
                int low = i + 1 < length ? Nibble(form, text[start + i + 1]) : 0;
                if (!PutByte((byte)((high << 4) | low)))
                {
                    return false;
                }
            }

            return true;
        }

        // TextUpperHex when every byte is 0-9 or A-F, TextLowerHex for 0-9 and a-f (digits alone count as upper),
        // TextNumeric for digits with the other numeric symbols, else TextRaw.
        private static int HexForm(byte[] text, int start, int length)
        {
            bool upper = false;
            bool lower = false;
            bool other = false;
            for (int i = start; i < start + length; i++)
            {
                byte c = text[i];
                if (c >= 'A' && c <= 'F')
                {
                    upper = true;
                }
                else if (c >= 'a' && c <= 'f')
                {
                    lower = true;
                }
                else if (c < '0' || c > '9')
                {
                    if (NumericSymbols.IndexOf((char)c) < 0)
                    {
                        return TextRaw;
                    }

                    other = true;
                }
            }

            if (other)
            {
                return upper || lower ? TextRaw : TextNumeric;
            }

            return upper && lower ? TextRaw : lower ? TextLowerHex : TextUpperHex;
        }

        private static int Nibble(int form, byte c)
        {
            if (form == TextNumeric)
            {
                return NumericSymbols.IndexOf((char)c);
            }

            return c <= '9' ? c - '0' : c >= 'a' ? c - 'a' + 10 : c - 'A' + 10;
        }

        private bool PutSigned(long value)
        {
            return PutUnsigned((ulong)((value << 1) ^ (value >> 63)));
        }

        private bool PutUnsigned(ulong value)
        {
            while (value >= 0x80)
            {
                if (!PutByte((byte)(value | 0x80)))
                {
                    return false;
                }

                value >>= 7;
            }

            return PutByte((byte)value);
        }

        private int TakeByte()
        {
            return _position < _end ? _buffer[_position++] : -1;
        }

        private bool TakeSigned(out long value)
        {
            ulong raw;
            bool ok = TakeUnsigned(out raw);
            value = (long)(raw >> 1) ^ -(long)(raw & 1);
            return ok;
        }

        // Sets Problem (truncated, or longer than 10 bytes) when it fails.
        private bool TakeUnsigned(out ulong value)
        {
            value = 0;
            int start = _position;
            for (int shift = 0; shift < 70; shift += 7)
            {
                if (_position >= _end)
                {
                    _failure = Truncated(_recordStart);
                    return false;
                }

                byte b = _buffer[_position++];
                if (shift == 63 && b > 1)
                {
                    break;
                }

                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return true;
                }
            }

            _failure = Malformed(_recordStart, "a number longer than 64 bits");
            return false;
        }

        private ReadingRecordStatus Failed(int start)
        {
            return _failure;
        }

        private ReadingRecordStatus Truncated(int start)
        {
            Problem = "reading record truncated: it ends inside the " + Where() + " (" + (_end - start).ToString() + " bytes)";
            return ReadingRecordStatus.Truncated;
        }

        private ReadingRecordStatus Malformed(int start, string what)
        {
            Problem = "reading record malformed: " + Where() + ": " + what + " (at byte " + (_position - start).ToString() + ")";
            return ReadingRecordStatus.Malformed;
        }

        private ReadingRecordStatus TextFull(ReadingSet set, int start)
        {
            Problem = "reading record's text does not fit the set decoded into (" + set.TextCapacity.ToString() + " bytes), at the " + Where();
            return ReadingRecordStatus.CapacityExceeded;
        }

        private ReadingRecordStatus TooSmall()
        {
            _buffer = null;
            Problem = "the reading record needs more than the " + _capacity.ToString() + " bytes given";
            return ReadingRecordStatus.BufferTooSmall;
        }

        // Only on failure: which field, in which reading.
        private string Where()
        {
            return _reading < 0 ? _where : "reading " + _reading.ToString() + " " + _where;
        }
    }
}
