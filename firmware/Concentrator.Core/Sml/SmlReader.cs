namespace Concentrator.Core.Sml
{
    /// <summary>
    /// Reads SML's TL (type-length) encoding (SML 1.04 §6.3) from a byte range, bounds-checked at every step. One TL
    /// byte: bit 7 = another TL byte follows, bits 6..4 = type, bits 3..0 = length; each further TL byte adds four
    /// length bits (its type bits must be 000). For lists the length is the number of elements; for everything else
    /// it counts the TL bytes and the data. <c>01</c> is an absent optional field, <c>00</c> ends a message.
    /// A failed read leaves <see cref="Problem"/>, <see cref="ProblemOffset"/>, <see cref="Expected"/> and
    /// <see cref="Actual"/> saying what went wrong. Reused across files; allocation-free.
    /// </summary>
    public sealed class SmlReader
    {
        private byte[] _data;
        private int _position;
        private int _end;

        public SmlProblem Problem;
        public int ProblemOffset;
        public long Expected;
        public long Actual;

        /// <summary>Starts reading <paramref name="data"/> from <paramref name="offset"/> up to (not including) <paramref name="end"/>.</summary>
        public void Reset(byte[] data, int offset, int end)
        {
            _data = data;
            _position = offset;
            _end = end;
            Problem = SmlProblem.None;
            ProblemOffset = 0;
            Expected = 0;
            Actual = 0;
        }

        public int Position
        {
            get { return _position; }
        }

        public int End
        {
            get { return _end; }
        }

        public byte[] Data
        {
            get { return _data; }
        }

        /// <summary>True when a byte remains and it is <paramref name="value"/> (without consuming it).</summary>
        public bool PeekIs(byte value)
        {
            return _position < _end && _data[_position] == value;
        }

        /// <summary>Consumes one raw byte (the endOfSmlMsg marker).</summary>
        public bool ReadByte(out byte value)
        {
            if (_position >= _end)
            {
                value = 0;
                return Fail(SmlProblem.PastEnd, _position, 1, 0);
            }

            value = _data[_position++];
            return true;
        }

        /// <summary>Consumes an absent optional field (<c>01</c>) and returns true; otherwise consumes nothing.</summary>
        public bool SkipIfAbsent()
        {
            if (_position < _end && _data[_position] == 0x01)
            {
                _position++;
                return true;
            }

            return false;
        }

        /// <summary>Reads one TL field and leaves the position at its data (or first element). <paramref name="length"/>: data bytes, or elements of a list.</summary>
        public bool ReadTl(out SmlType type, out int length)
        {
            type = SmlType.OctetString;
            length = 0;
            int start = _position;
            if (_position >= _end)
            {
                return Fail(SmlProblem.PastEnd, start, 1, 0);
            }

            byte b = _data[_position++];
            int typeBits = (b >> 4) & 0x07;
            if (typeBits != 0 && typeBits < 4)
            {
                return Fail(SmlProblem.BadTypeField, start, 0, b);
            }

            int value = b & 0x0F;
            int tlBytes = 1;
            while ((b & 0x80) != 0)
            {
                if (_position >= _end)
                {
                    return Fail(SmlProblem.PastEnd, start, tlBytes + 1, tlBytes);
                }

                b = _data[_position++];
                if ((b & 0x70) != 0)
                {
                    return Fail(SmlProblem.BadTypeField, _position - 1, 0, b);
                }

                value = (value << 4) | (b & 0x0F);
                tlBytes++;
                if (tlBytes > 4)
                {
                    return Fail(SmlProblem.BadLength, start, 4, tlBytes);
                }
            }

            type = (SmlType)typeBits;
            if (type == SmlType.List)
            {
                length = value;
                return true;
            }

            length = value - tlBytes;
            if (length < 0)
            {
                return Fail(SmlProblem.BadLength, start, tlBytes, value);
            }

            if (_end - _position < length)
            {
                return Fail(SmlProblem.PastEnd, start, length, _end - _position);
            }

            return true;
        }

        /// <summary>Reads a list header and checks its element count.</summary>
        public bool ReadList(int elements)
        {
            int start = _position;
            SmlType type;
            int length;
            if (!ReadTl(out type, out length))
            {
                return false;
            }

            if (type != SmlType.List)
            {
                return Fail(SmlProblem.UnexpectedType, start, (long)SmlType.List, (long)type);
            }

            if (length != elements)
            {
                return Fail(SmlProblem.WrongElementCount, start, elements, length);
            }

            return true;
        }

        /// <summary>Reads an octet string; its bytes are <c>Data[start .. start+length)</c>.</summary>
        public bool ReadOctets(out int start, out int length)
        {
            int tl = _position;
            SmlType type;
            start = 0;
            if (!ReadTl(out type, out length))
            {
                return false;
            }

            if (type != SmlType.OctetString)
            {
                return Fail(SmlProblem.UnexpectedType, tl, (long)SmlType.OctetString, (long)type);
            }

            start = _position;
            _position += length;
            return true;
        }

        /// <summary>Reads an unsigned (or, leniently, a signed) integer of 1..8 bytes.</summary>
        public bool ReadUnsigned(out ulong value)
        {
            return ReadInteger(SmlType.Unsigned, out value);
        }

        /// <summary>Reads a signed (or, leniently, an unsigned) integer of 1..8 bytes, sign-extended from its width.</summary>
        public bool ReadSigned(out long value)
        {
            ulong raw;
            bool ok = ReadInteger(SmlType.Integer, out raw);
            value = (long)raw;
            return ok;
        }

        // Either integer type is accepted (meters mix them up); a signed one is sign-extended from its width.
        private bool ReadInteger(SmlType wanted, out ulong value)
        {
            int tl = _position;
            SmlType type;
            int length;
            value = 0;
            if (!ReadTl(out type, out length))
            {
                return false;
            }

            if (type != SmlType.Unsigned && type != SmlType.Integer)
            {
                return Fail(SmlProblem.UnexpectedType, tl, (long)wanted, (long)type);
            }

            return ReadNumberData(tl, length, type == SmlType.Integer, out value);
        }

        /// <summary>
        /// The data of a number whose TL was just read: big-endian, 1..8 bytes (eHZ meters send 3, 5, 6 and 7 byte
        /// widths too); signed values are sign-extended from their width. An empty number reads as 0.
        /// </summary>
        public bool ReadNumberData(int tl, int length, bool signed, out ulong value)
        {
            value = 0;
            if (length > 8)
            {
                return Fail(SmlProblem.NumberTooWide, tl, 8, length);
            }

            for (int i = 0; i < length; i++)
            {
                value = (value << 8) | _data[_position + i];
            }

            if (signed && length > 0 && length < 8 && (_data[_position] & 0x80) != 0)
            {
                value |= ulong.MaxValue << (8 * length);
            }

            _position += length;
            return true;
        }

        /// <summary>Reads a boolean (any non-zero byte is true).</summary>
        public bool ReadBooleanData(int length, out bool value)
        {
            value = false;
            for (int i = 0; i < length; i++)
            {
                if (_data[_position + i] != 0)
                {
                    value = true;
                }
            }

            _position += length;
            return true;
        }

        /// <summary>Skips the data of a field whose TL was just read (non-list).</summary>
        public void SkipData(int length)
        {
            _position += length;
        }

        /// <summary>Skips one whole element, whatever it is (lists with everything inside them).</summary>
        public bool Skip()
        {
            return SkipElements(1);
        }

        /// <summary>Skips <paramref name="count"/> whole elements.</summary>
        public bool SkipElements(int count)
        {
            int remaining = count;
            while (remaining > 0)
            {
                SmlType type;
                int length;
                if (!ReadTl(out type, out length))
                {
                    return false;
                }

                remaining--;
                if (type == SmlType.List)
                {
                    remaining += length;
                }
                else
                {
                    _position += length;
                }
            }

            return true;
        }

        internal bool Fail(SmlProblem problem, int offset, long expected, long actual)
        {
            Problem = problem;
            ProblemOffset = offset;
            Expected = expected;
            Actual = actual;
            return false;
        }
    }
}
