using System;
using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;
using static Concentrator.Core.Readings.ReadingRecordFormat;

namespace Concentrator.Core.Readings
{
    /// <summary>The reading side of <see cref="ReadingRecordCodec"/>: checks every field of a record and fills a <see cref="ReadingSet"/>; allocates nothing unless a record fails.</summary>
    internal sealed class ReadingRecordDecoder
    {
        private byte[] _buffer;
        private int _position;
        private int _end;
        private string _where;
        private string _literalProtocol;
        private int _recordStart;
        private int _reading;
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

            if (version != ReadingRecordCodec.FormatVersion)
            {
                Problem = "reading record version " + version.ToString() + " is not known (this firmware reads version " + ReadingRecordCodec.FormatVersion.ToString() + ")";
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

        // Only on failure: which field, in which reading.
        private string Where()
        {
            return _reading < 0 ? _where : "reading " + _reading.ToString() + " " + _where;
        }
    }
}
