using System;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Writes A-XDR data and APDU bytes into a buffer given to it (reused for every request). Never throws on a full
    /// buffer: it stops writing and sets <see cref="Overflowed"/>, which the caller checks once at the end.
    /// </summary>
    public sealed class AxdrWriter
    {
        private byte[] _buffer;
        private int _start;
        private int _position;
        private int _end;

        public AxdrWriter()
        {
        }

        public AxdrWriter(byte[] buffer)
        {
            Reset(buffer, 0, buffer.Length);
        }

        /// <summary>Writes from <paramref name="offset"/>, at most <paramref name="capacity"/> bytes.</summary>
        public void Reset(byte[] buffer, int offset, int capacity)
        {
            _buffer = buffer;
            _start = offset;
            _position = offset;
            _end = offset + capacity;
            Overflowed = false;
        }

        public byte[] Buffer
        {
            get { return _buffer; }
        }

        public int Start
        {
            get { return _start; }
        }

        /// <summary>Offset of the next byte written.</summary>
        public int Position
        {
            get { return _position; }
        }

        /// <summary>Bytes written since the last Reset.</summary>
        public int Length
        {
            get { return _position - _start; }
        }

        public bool Overflowed { get; private set; }

        private bool Room(int count)
        {
            if (Overflowed || _end - _position < count)
            {
                Overflowed = true;
                return false;
            }

            return true;
        }

        public void Byte(int value)
        {
            if (Room(1))
            {
                _buffer[_position++] = (byte)value;
            }
        }

        public void UInt16(int value)
        {
            if (Room(2))
            {
                _buffer[_position++] = (byte)(value >> 8);
                _buffer[_position++] = (byte)value;
            }
        }

        public void UInt32(uint value)
        {
            if (Room(4))
            {
                _buffer[_position++] = (byte)(value >> 24);
                _buffer[_position++] = (byte)(value >> 16);
                _buffer[_position++] = (byte)(value >> 8);
                _buffer[_position++] = (byte)value;
            }
        }

        public void UInt64(ulong value)
        {
            UInt32((uint)(value >> 32));
            UInt32((uint)value);
        }

        public void Bytes(byte[] source, int offset, int count)
        {
            if (Room(count))
            {
                System.Array.Copy(source, offset, _buffer, _position, count);
                _position += count;
            }
        }

        /// <summary>An A-XDR length: one byte below 0x80, else 0x81/0x82/0x84 and the big-endian value.</summary>
        public void WriteLength(int length)
        {
            if (length < 0x80)
            {
                Byte(length);
            }
            else if (length <= 0xFF)
            {
                Byte(0x81);
                Byte(length);
            }
            else if (length <= 0xFFFF)
            {
                Byte(0x82);
                UInt16(length);
            }
            else
            {
                Byte(0x84);
                UInt32((uint)length);
            }
        }

        /// <summary>Writes a byte at an earlier position (to patch a length written as a placeholder).</summary>
        public void Patch(int position, int value)
        {
            if (!Overflowed && position >= _start && position < _position)
            {
                _buffer[position] = (byte)value;
            }
        }

        public void Null()
        {
            Byte((int)AxdrTag.NullData);
        }

        public void Array(int count)
        {
            Byte((int)AxdrTag.Array);
            WriteLength(count);
        }

        public void Structure(int count)
        {
            Byte((int)AxdrTag.Structure);
            WriteLength(count);
        }

        public void Boolean(bool value)
        {
            Byte((int)AxdrTag.Boolean);
            Byte(value ? 1 : 0);
        }

        /// <summary>A bit-string of <paramref name="bits"/> bits, most significant bit of the first byte first.</summary>
        public void BitString(byte[] source, int offset, int bits)
        {
            Byte((int)AxdrTag.BitString);
            WriteLength(bits);
            Bytes(source, offset, (bits + 7) / 8);
        }

        public void Int8(int value)
        {
            Byte((int)AxdrTag.Integer);
            Byte(value);
        }

        public void Int16(int value)
        {
            Byte((int)AxdrTag.Long);
            UInt16(value);
        }

        public void Int32(int value)
        {
            Byte((int)AxdrTag.DoubleLong);
            UInt32((uint)value);
        }

        public void Int64(long value)
        {
            Byte((int)AxdrTag.Long64);
            UInt64((ulong)value);
        }

        public void UInt8Value(int value)
        {
            Byte((int)AxdrTag.Unsigned);
            Byte(value);
        }

        public void UInt16Value(int value)
        {
            Byte((int)AxdrTag.LongUnsigned);
            UInt16(value);
        }

        public void UInt32Value(uint value)
        {
            Byte((int)AxdrTag.DoubleLongUnsigned);
            UInt32(value);
        }

        public void UInt64Value(ulong value)
        {
            Byte((int)AxdrTag.Long64Unsigned);
            UInt64(value);
        }

        public void Enum(int value)
        {
            Byte((int)AxdrTag.Enum);
            Byte(value);
        }

        public void Bcd(int value)
        {
            Byte((int)AxdrTag.Bcd);
            Byte(value);
        }

        public void Float64(double value)
        {
            Byte((int)AxdrTag.Float64);
            UInt64((ulong)BitConverter.DoubleToInt64Bits(value));
        }

        /// <summary>float32 from a double (rounded to the nearest single).</summary>
        public void Float32(double value)
        {
            Byte((int)AxdrTag.Float32);
            UInt32(DoubleToFloat32Bits(value));
        }

        public void OctetString(byte[] source, int offset, int count)
        {
            Byte((int)AxdrTag.OctetString);
            WriteLength(count);
            Bytes(source, offset, count);
        }

        /// <summary>An octet-string of 6 bytes: a logical name.</summary>
        public void LogicalName(Obis.ObisCode obis)
        {
            Byte((int)AxdrTag.OctetString);
            Byte(6);
            ObisBytes(obis);
        }

        /// <summary>The 6 bytes of an OBIS code without tag or length (COSEM attribute descriptors).</summary>
        public void ObisBytes(Obis.ObisCode obis)
        {
            if (Room(6))
            {
                _buffer[_position++] = obis.A;
                _buffer[_position++] = obis.B;
                _buffer[_position++] = obis.C;
                _buffer[_position++] = obis.D;
                _buffer[_position++] = obis.E;
                _buffer[_position++] = obis.F;
            }
        }

        /// <summary>A visible-string of ASCII text (characters above 126 become '?').</summary>
        public void VisibleString(string text)
        {
            Byte((int)AxdrTag.VisibleString);
            WriteLength(text.Length);
            if (Room(text.Length))
            {
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    _buffer[_position++] = c < 127 ? (byte)c : (byte)'?';
                }
            }
        }

        public void VisibleString(byte[] source, int offset, int count)
        {
            Byte((int)AxdrTag.VisibleString);
            WriteLength(count);
            Bytes(source, offset, count);
        }

        public void Utf8String(byte[] source, int offset, int count)
        {
            Byte((int)AxdrTag.Utf8String);
            WriteLength(count);
            Bytes(source, offset, count);
        }

        /// <summary>The date-time type (tag 25, 12 bytes).</summary>
        public void DateTime(CosemDateTime value)
        {
            Byte((int)AxdrTag.DateTime);
            if (Room(CosemDateTime.Length))
            {
                _position += value.WriteTo(_buffer, _position);
            }
        }

        /// <summary>A date-time as octet-string(12), the form of Clock.time and of profile buffers.</summary>
        public void DateTimeOctetString(CosemDateTime value)
        {
            Byte((int)AxdrTag.OctetString);
            Byte(CosemDateTime.Length);
            if (Room(CosemDateTime.Length))
            {
                _position += value.WriteTo(_buffer, _position);
            }
        }

        public void Date(CosemDateTime value)
        {
            Byte((int)AxdrTag.Date);
            if (Room(5))
            {
                value.WriteDate(_buffer, _position);
                _position += 5;
            }
        }

        public void Time(CosemDateTime value)
        {
            Byte((int)AxdrTag.Time);
            if (Room(4))
            {
                value.WriteTime(_buffer, _position);
                _position += 4;
            }
        }

        public static uint DoubleToFloat32Bits(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            uint sign = (uint)((ulong)bits >> 63) << 31;
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (exponent == 0x7FF)
            {
                return sign | 0x7F800000u | (mantissa != 0 ? 0x400000u : 0u);
            }

            int e = exponent - 1023 + 127;
            if (e >= 0xFF)
            {
                return sign | 0x7F800000u;
            }

            if (e <= 0)
            {
                return sign; // below the single range: zero (subnormals are not produced)
            }

            // Round to nearest, ties to even, on the 29 bits dropped.
            long m = mantissa >> 29;
            long rest = mantissa & 0x1FFFFFFF;
            if (rest > 0x10000000 || (rest == 0x10000000 && (m & 1) != 0))
            {
                m++;
                if (m == 0x800000)
                {
                    m = 0;
                    e++;
                    if (e >= 0xFF)
                    {
                        return sign | 0x7F800000u;
                    }
                }
            }

            return sign | (uint)e << 23 | (uint)m;
        }
    }
}
