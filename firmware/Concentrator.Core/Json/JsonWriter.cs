using System;

namespace Concentrator.Core.Json
{
    /// <summary>
    /// Writes compact JSON (RFC 8259) as UTF-8 into one buffer allocated at construction and reused for every
    /// document (<see cref="Reset"/>). Commas are placed automatically. When the buffer is too small the writer stops
    /// and sets <see cref="Overflowed"/>; it never grows. Numbers are written exactly from mantissa × 10^exponent.
    /// </summary>
    public sealed class JsonWriter
    {
        private const int MaxDepth = 30;

        private readonly byte[] _buffer;
        private int _length;
        private int _depth;
        private int _hasItems; // bit n: the container at depth n already has an item
        private bool _afterName;

        public JsonWriter(int capacity)
        {
            if (capacity < 16)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _buffer = new byte[capacity];
        }

        public byte[] Buffer
        {
            get { return _buffer; }
        }

        public int Length
        {
            get { return _length; }
        }

        /// <summary>True when something did not fit: the document is incomplete and must not be sent.</summary>
        public bool Overflowed { get; private set; }

        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _hasItems = 0;
            _afterName = false;
            Overflowed = false;
        }

        public void StartObject()
        {
            BeforeValue();
            Put((byte)'{');
            Push();
        }

        public void EndObject()
        {
            Pop();
            Put((byte)'}');
        }

        public void StartArray()
        {
            BeforeValue();
            Put((byte)'[');
            Push();
        }

        public void EndArray()
        {
            Pop();
            Put((byte)']');
        }

        public void Name(string name)
        {
            BeforeValue();
            WriteQuoted(name);
            Put((byte)':');
            _afterName = true;
        }

        /// <summary>A property name given as ASCII bytes (e.g. an OBIS code formatted into a scratch buffer).</summary>
        public void Name(byte[] ascii, int offset, int length)
        {
            BeforeValue();
            WriteQuoted(ascii, offset, length);
            Put((byte)':');
            _afterName = true;
        }

        public void String(string value)
        {
            BeforeValue();
            if (value == null)
            {
                PutAscii("null");
                return;
            }

            WriteQuoted(value);
        }

        /// <summary>A string given as bytes from a meter: ASCII passes, control and non-ASCII bytes are escaped as \u00XX (Latin-1).</summary>
        public void String(byte[] bytes, int offset, int length)
        {
            BeforeValue();
            WriteQuoted(bytes, offset, length);
        }

        public void Boolean(bool value)
        {
            BeforeValue();
            PutAscii(value ? "true" : "false");
        }

        public void Null()
        {
            BeforeValue();
            PutAscii("null");
        }

        public void Number(long value)
        {
            Number(value, 0);
        }

        /// <summary>
        /// Writes mantissa × 10^exponent exactly, keeping the stated resolution: (687138, -3) is 687.138, (0, -3) is
        /// 0.000, (5, 3) is 5000.
        /// </summary>
        public void Number(long mantissa, int exponent)
        {
            BeforeValue();
            bool negative = mantissa < 0;
            ulong magnitude = negative ? (ulong)(-(mantissa + 1)) + 1 : (ulong)mantissa;
            if (negative)
            {
                Put((byte)'-');
            }

            int digits = CountDigits(magnitude);
            if (exponent >= 0)
            {
                PutDigits(magnitude, digits);
                if (magnitude != 0)
                {
                    for (int i = 0; i < exponent; i++)
                    {
                        Put((byte)'0');
                    }
                }

                return;
            }

            int fraction = -exponent;
            if (digits <= fraction)
            {
                Put((byte)'0');
                Put((byte)'.');
                for (int i = digits; i < fraction; i++)
                {
                    Put((byte)'0');
                }

                PutDigits(magnitude, digits);
                return;
            }

            // Integer part, point, fraction part: write all digits, then open a gap for the point.
            int start = _length;
            PutDigits(magnitude, digits);
            if (Overflowed || _length + 1 > _buffer.Length)
            {
                Overflowed = true;
                return;
            }

            int point = start + digits - fraction;
            for (int i = _length; i > point; i--)
            {
                _buffer[i] = _buffer[i - 1];
            }

            _buffer[point] = (byte)'.';
            _length++;
        }

        /// <summary>A property with a string value.</summary>
        public void Property(string name, string value)
        {
            Name(name);
            String(value);
        }

        private static int CountDigits(ulong value)
        {
            int digits = 1;
            while (value >= 10)
            {
                value /= 10;
                digits++;
            }

            return digits;
        }

        private void PutDigits(ulong value, int digits)
        {
            if (_length + digits > _buffer.Length)
            {
                Overflowed = true;
                return;
            }

            for (int i = digits - 1; i >= 0; i--)
            {
                _buffer[_length + i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            _length += digits;
        }

        private void BeforeValue()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }

            if (_depth > 0)
            {
                int bit = 1 << _depth;
                if ((_hasItems & bit) != 0)
                {
                    Put((byte)',');
                }
                else
                {
                    _hasItems |= bit;
                }
            }
        }

        private void Push()
        {
            if (_depth == MaxDepth)
            {
                throw new InvalidOperationException("JSON nested too deeply");
            }

            _depth++;
            _hasItems &= ~(1 << _depth);
        }

        private void Pop()
        {
            if (_depth == 0)
            {
                throw new InvalidOperationException("JSON end without start");
            }

            _hasItems &= ~(1 << _depth);
            _depth--;
        }

        private void WriteQuoted(string text)
        {
            Put((byte)'"');
            for (int i = 0; i < text.Length; i++)
            {
                char ch = text[i];
                if (ch < 0x80)
                {
                    PutEscaped((byte)ch);
                }
                else if (ch < 0x800)
                {
                    Put((byte)(0xC0 | (ch >> 6)));
                    Put((byte)(0x80 | (ch & 0x3F)));
                }
                else
                {
                    // UTF-16 surrogates go out as \u escapes (a pair as two escapes, which JSON allows).
                    if (ch >= 0xD800 && ch <= 0xDFFF)
                    {
                        PutUnicodeEscape(ch);
                    }
                    else
                    {
                        Put((byte)(0xE0 | (ch >> 12)));
                        Put((byte)(0x80 | ((ch >> 6) & 0x3F)));
                        Put((byte)(0x80 | (ch & 0x3F)));
                    }
                }
            }

            Put((byte)'"');
        }

        private void WriteQuoted(byte[] bytes, int offset, int length)
        {
            Put((byte)'"');
            for (int i = offset; i < offset + length; i++)
            {
                byte b = bytes[i];
                if (b < 0x80)
                {
                    PutEscaped(b);
                }
                else
                {
                    PutUnicodeEscape(b);
                }
            }

            Put((byte)'"');
        }

        private void PutEscaped(byte b)
        {
            switch (b)
            {
                case (byte)'"':
                    Put((byte)'\\');
                    Put((byte)'"');
                    return;
                case (byte)'\\':
                    Put((byte)'\\');
                    Put((byte)'\\');
                    return;
                case (byte)'\n':
                    Put((byte)'\\');
                    Put((byte)'n');
                    return;
                case (byte)'\r':
                    Put((byte)'\\');
                    Put((byte)'r');
                    return;
                case (byte)'\t':
                    Put((byte)'\\');
                    Put((byte)'t');
                    return;
            }

            if (b < 0x20 || b == 0x7F)
            {
                PutUnicodeEscape(b);
                return;
            }

            Put(b);
        }

        private void PutUnicodeEscape(int code)
        {
            Put((byte)'\\');
            Put((byte)'u');
            Put(HexDigit(code >> 12));
            Put(HexDigit(code >> 8));
            Put(HexDigit(code >> 4));
            Put(HexDigit(code));
        }

        private static byte HexDigit(int value)
        {
            value &= 0xF;
            return (byte)(value < 10 ? '0' + value : 'A' + value - 10);
        }

        private void PutAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Put((byte)text[i]);
            }
        }

        private void Put(byte b)
        {
            if (_length == _buffer.Length)
            {
                Overflowed = true;
                return;
            }

            _buffer[_length++] = b;
        }
    }
}
