using System;
using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;
using static Concentrator.Core.Readings.ReadingRecordFormat;

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

        private readonly ReadingRecordDecoder _decoder = new ReadingRecordDecoder();
        private byte[] _buffer;
        private int _position;
        private int _end;
        private int _capacity;

        /// <summary>Why the last call failed; null after success.</summary>
        public string Problem { get; private set; }

        /// <summary>After a successful <see cref="Decode"/>: where the meter id is in the record.</summary>
        public int MeterIdOffset
        {
            get { return _decoder.MeterIdOffset; }
        }

        public int MeterIdLength
        {
            get { return _decoder.MeterIdLength; }
        }

        /// <summary>After a successful <see cref="Decode"/>: the concentrator's clock when the set was read (UTC, whole seconds).</summary>
        public DateTime ReceivedUtc
        {
            get { return _decoder.ReceivedUtc; }
        }

        /// <summary>
        /// Reads a record into <paramref name="set"/> (cleared first). On success <see cref="MeterIdOffset"/>,
        /// <see cref="MeterIdLength"/> and <see cref="ReceivedUtc"/> describe it; on failure <see cref="Problem"/> says
        /// which field failed where, and the set holds nothing to publish.
        /// </summary>
        public ReadingRecordStatus Decode(byte[] record, int offset, int length, ReadingSet set)
        {
            ReadingRecordStatus status = _decoder.Decode(record, offset, length, set);
            Problem = _decoder.Problem;
            return status;
        }

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

        private bool PutTime(MeterTime time, long received)
        {
            long seconds = Seconds(time.Local) - (time.HasOffset ? time.UtcOffsetMinutes * 60L : 0);
            return PutByte((byte)(((int)time.Season & 3) | (time.HasOffset ? TimeOffset : 0)))
                && (!time.HasOffset || PutSigned(time.UtcOffsetMinutes))
                && PutSigned(seconds - received);
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

        private ReadingRecordStatus TooSmall()
        {
            _buffer = null;
            Problem = "the reading record needs more than the " + _capacity.ToString() + " bytes given";
            return ReadingRecordStatus.BufferTooSmall;
        }
    }
}
