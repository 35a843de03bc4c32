namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Pull reader of A-XDR encoded COSEM data (IEC 62056-6-2 / Green Book 9.5 "Data") over a caller's buffer: each
    /// <see cref="Read"/> decodes the next value's header and, for simple types, its contents, into the reader's
    /// public fields. Arrays and structures report their element count; their elements are the following reads.
    /// Compact arrays (tag 19) are validated against their type description when their header is read and then
    /// read like an array of untagged elements: the reader supplies each element's type from the description, so
    /// callers see the same sequence as for an ordinary array. No object tree, no allocation; the reader is made
    /// once and <see cref="Reset"/> for every APDU.
    /// </summary>
    public sealed class AxdrReader
    {
        /// <summary>Deepest nesting of structures/arrays inside a compact array, and of type descriptions.</summary>
        public const int MaxDepth = 8;

        private const byte FrameArray = 1;
        private const byte FrameStructure = 2;

        private readonly byte[] _frameKind = new byte[MaxDepth];
        private readonly int[] _frameRemaining = new int[MaxDepth];
        private readonly int[] _frameType = new int[MaxDepth];
        private byte[] _buffer;
        private int _position;
        private int _end;
        private int _depth;

        /// <summary>The type of the value last read.</summary>
        public AxdrTag Tag = AxdrTag.None;

        /// <summary>Elements of an array, structure or compact array; bits of a bit-string.</summary>
        public int Count;

        /// <summary>Integer types, boolean (0/1), enum, bcd (the raw byte); uint64 as its two's-complement bits.</summary>
        public long Integer;

        /// <summary>long64-unsigned exactly.</summary>
        public ulong Unsigned64;

        /// <summary>float32 and float64.</summary>
        public double Real;

        /// <summary>Contents of octet-, visible-, utf8- and bit-strings (and of date-time, date, time), in <see cref="Buffer"/>.</summary>
        public int ValueStart;
        public int ValueLength;

        /// <summary>date-time, date (time fields "not specified") and time (date fields "not specified").</summary>
        public CosemDateTime DateTime;

        /// <summary>Where the value last read (or the failure) starts, in <see cref="Buffer"/>.</summary>
        public int ValueOffset;

        /// <summary>For failures: the byte count needed (Truncated, BadLength) or the tag found (UnknownTag, TypeMismatch).</summary>
        public int ErrorDetail;

        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Offset of the next byte to read.</summary>
        public int Position
        {
            get { return _position; }
        }

        public int End
        {
            get { return _end; }
        }

        /// <summary>True when the buffer is used up and no compact array element is pending.</summary>
        public bool AtEnd
        {
            get { return _position >= _end && !InCompactArray(); }
        }

        /// <summary>Starts reading <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public void Reset(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
            _depth = 0;
            Tag = AxdrTag.None;
        }

        /// <summary>Decodes the next value (its header for containers).</summary>
        public AxdrStatus Read()
        {
            ClearValue();
            int typePosition;
            if (NextCompactType(out typePosition))
            {
                return ReadUntagged(typePosition);
            }

            if (_position >= _end)
            {
                return Fail(AxdrStatus.Truncated, 1);
            }

            byte tag = _buffer[_position++];
            if (tag == (byte)AxdrTag.CompactArray)
            {
                return ReadCompactArrayHeader();
            }

            return ReadBody(tag, false);
        }

        /// <summary>Reads and expects the given type.</summary>
        public AxdrStatus Read(AxdrTag expected)
        {
            AxdrStatus status = Read();
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            if (Tag != expected)
            {
                ErrorDetail = (int)Tag;
                return AxdrStatus.TypeMismatch;
            }

            return AxdrStatus.Ok;
        }

        /// <summary>Reads one whole value, containers with all their elements, and forgets it.</summary>
        public AxdrStatus Skip()
        {
            return SkipValue(0);
        }

        /// <summary>Skips the elements of the container just read (after a Read that returned an array or structure).</summary>
        public AxdrStatus SkipElements(int count)
        {
            for (int i = 0; i < count; i++)
            {
                AxdrStatus status = SkipValue(1);
                if (status != AxdrStatus.Ok)
                {
                    return status;
                }
            }

            return AxdrStatus.Ok;
        }

        private AxdrStatus SkipValue(int depth)
        {
            if (depth > MaxDepth * 4)
            {
                return Fail(AxdrStatus.TooDeep, depth);
            }

            AxdrStatus status = Read();
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            if (Tag == AxdrTag.Array || Tag == AxdrTag.Structure || Tag == AxdrTag.CompactArray)
            {
                int count = Count;
                for (int i = 0; i < count; i++)
                {
                    status = SkipValue(depth + 1);
                    if (status != AxdrStatus.Ok)
                    {
                        return status;
                    }
                }
            }

            return AxdrStatus.Ok;
        }

        /// <summary>True for the integer types, boolean, enum and bcd (<see cref="Integer"/> holds the value).</summary>
        public bool IsInteger
        {
            get
            {
                switch (Tag)
                {
                    case AxdrTag.Boolean:
                    case AxdrTag.DoubleLong:
                    case AxdrTag.DoubleLongUnsigned:
                    case AxdrTag.Integer:
                    case AxdrTag.Long:
                    case AxdrTag.Unsigned:
                    case AxdrTag.LongUnsigned:
                    case AxdrTag.Long64:
                    case AxdrTag.Enum:
                    case AxdrTag.Bcd:
                        return true;
                    case AxdrTag.Long64Unsigned:
                        return Unsigned64 <= long.MaxValue;
                    default:
                        return false;
                }
            }
        }

        /// <summary>True for octet-, visible- and utf8-strings and bit-strings.</summary>
        public bool IsBytes
        {
            get { return Tag == AxdrTag.OctetString || Tag == AxdrTag.VisibleString || Tag == AxdrTag.Utf8String || Tag == AxdrTag.BitString; }
        }

        /// <summary>Reads an A-XDR length (one byte below 0x80, else 0x8N and N big-endian bytes, N ≤ 4).</summary>
        public static bool TryReadLength(byte[] buffer, ref int position, int end, out int length)
        {
            length = 0;
            if (position >= end)
            {
                return false;
            }

            int first = buffer[position++];
            if (first < 0x80)
            {
                length = first;
                return true;
            }

            int bytes = first & 0x7F;
            if (bytes == 0 || bytes > 4 || position + bytes > end)
            {
                return false;
            }

            int value = 0;
            for (int i = 0; i < bytes; i++)
            {
                value = value << 8 | buffer[position++];
            }

            if (value < 0)
            {
                return false;
            }

            length = value;
            return true;
        }

        private void ClearValue()
        {
            Tag = AxdrTag.None;
            Count = 0;
            Integer = 0;
            Unsigned64 = 0;
            Real = 0;
            ValueStart = 0;
            ValueLength = 0;
            ErrorDetail = 0;
            ValueOffset = _position;
        }

        private AxdrStatus Fail(AxdrStatus status, int detail)
        {
            ErrorDetail = detail;
            return status;
        }

        private bool InCompactArray()
        {
            for (int i = _depth - 1; i >= 0; i--)
            {
                if (_frameRemaining[i] > 0)
                {
                    return true;
                }
            }

            return false;
        }

        // Inside a compact array: pops finished frames and returns the type description of the next element.
        private bool NextCompactType(out int typePosition)
        {
            typePosition = 0;
            while (_depth > 0 && _frameRemaining[_depth - 1] == 0)
            {
                _depth--;
            }

            if (_depth == 0)
            {
                return false;
            }

            int top = _depth - 1;
            _frameRemaining[top]--;
            typePosition = _frameType[top];
            if (_frameKind[top] == FrameStructure)
            {
                _frameType[top] = SkipTypeDescription(typePosition, 0);
            }

            return true;
        }

        private AxdrStatus ReadUntagged(int typePosition)
        {
            byte tag = _buffer[typePosition];
            if (tag == (byte)AxdrTag.Structure || tag == (byte)AxdrTag.Array)
            {
                int count;
                int first;
                DescribeContainer(typePosition, out count, out first);
                if (_depth == MaxDepth)
                {
                    return Fail(AxdrStatus.TooDeep, MaxDepth);
                }

                _frameKind[_depth] = tag == (byte)AxdrTag.Structure ? FrameStructure : FrameArray;
                _frameRemaining[_depth] = count;
                _frameType[_depth] = first;
                _depth++;
                Tag = (AxdrTag)tag;
                Count = count;
                return AxdrStatus.Ok;
            }

            return ReadBody(tag, true);
        }

        // Type description of a container (already validated): element count and the first element's description.
        private void DescribeContainer(int typePosition, out int count, out int first)
        {
            int p = typePosition + 1;
            if (_buffer[typePosition] == (byte)AxdrTag.Array)
            {
                count = _buffer[p] << 8 | _buffer[p + 1];
                first = p + 2;
            }
            else
            {
                TryReadLength(_buffer, ref p, _end, out count);
                first = p;
            }
        }

        // Returns the position after a type description, or -1 when it is malformed.
        private int SkipTypeDescription(int p, int depth)
        {
            if (depth > MaxDepth || p >= _end)
            {
                return -1;
            }

            byte tag = _buffer[p++];
            switch ((AxdrTag)tag)
            {
                case AxdrTag.Array:
                    if (p + 2 > _end)
                    {
                        return -1;
                    }

                    return SkipTypeDescription(p + 2, depth + 1);
                case AxdrTag.Structure:
                    int count;
                    if (!TryReadLength(_buffer, ref p, _end, out count))
                    {
                        return -1;
                    }

                    for (int i = 0; i < count && p >= 0; i++)
                    {
                        p = SkipTypeDescription(p, depth + 1);
                    }

                    return p;
                case AxdrTag.CompactArray:
                    return -1; // a compact array inside a compact array is not allowed
                default:
                    return FixedSize(tag) == -2 ? -1 : p;
            }
        }

        // Contents size of a simple type: bytes, -1 for length-prefixed types, -2 for unknown tags.
        private static int FixedSize(byte tag)
        {
            switch ((AxdrTag)tag)
            {
                case AxdrTag.NullData:
                    return 0;
                case AxdrTag.Boolean:
                case AxdrTag.Integer:
                case AxdrTag.Unsigned:
                case AxdrTag.Enum:
                case AxdrTag.Bcd:
                    return 1;
                case AxdrTag.Long:
                case AxdrTag.LongUnsigned:
                    return 2;
                case AxdrTag.DoubleLong:
                case AxdrTag.DoubleLongUnsigned:
                case AxdrTag.Float32:
                case AxdrTag.Time:
                    return 4;
                case AxdrTag.Date:
                    return 5;
                case AxdrTag.Long64:
                case AxdrTag.Long64Unsigned:
                case AxdrTag.Float64:
                    return 8;
                case AxdrTag.DateTime:
                    return 12;
                case AxdrTag.OctetString:
                case AxdrTag.VisibleString:
                case AxdrTag.Utf8String:
                case AxdrTag.BitString:
                    return -1;
                default:
                    return -2;
            }
        }

        // Walks one element of the given type description through the contents; returns the position after it or -1.
        private int SkipTypedValue(int typePosition, int p, int depth)
        {
            if (depth > MaxDepth)
            {
                return -1;
            }

            byte tag = _buffer[typePosition];
            if (tag == (byte)AxdrTag.Structure || tag == (byte)AxdrTag.Array)
            {
                int count;
                int first;
                DescribeContainer(typePosition, out count, out first);
                int type = first;
                for (int i = 0; i < count; i++)
                {
                    p = SkipTypedValue(type, p, depth + 1);
                    if (p < 0)
                    {
                        return -1;
                    }

                    if (tag == (byte)AxdrTag.Structure)
                    {
                        type = SkipTypeDescription(type, 0);
                    }
                }

                return p;
            }

            int size = FixedSize(tag);
            if (size >= 0)
            {
                return p + size <= _end ? p + size : -1;
            }

            int length;
            if (!TryReadLength(_buffer, ref p, _end, out length))
            {
                return -1;
            }

            if (tag == (byte)AxdrTag.BitString)
            {
                length = (length + 7) / 8;
            }

            return length <= _end - p ? p + length : -1;
        }

        private AxdrStatus ReadCompactArrayHeader()
        {
            int typeStart = _position;
            int typeEnd = SkipTypeDescription(typeStart, 0);
            if (typeEnd < 0)
            {
                return Fail(AxdrStatus.BadCompactArray, typeStart);
            }

            int p = typeEnd;
            int contentLength;
            if (!TryReadLength(_buffer, ref p, _end, out contentLength) || contentLength > _end - p)
            {
                return Fail(AxdrStatus.BadLength, contentLength);
            }

            int contentEnd = p + contentLength;
            int elements = 0;
            int q = p;
            while (q < contentEnd)
            {
                q = SkipTypedValue(typeStart, q, 0);
                if (q < 0 || q > contentEnd)
                {
                    return Fail(AxdrStatus.BadCompactArray, elements);
                }

                elements++;
                if (q == p)
                {
                    break; // elements of size 0 (null-data): one is enough to stop
                }
            }

            if (_depth == MaxDepth)
            {
                return Fail(AxdrStatus.TooDeep, MaxDepth);
            }

            _frameKind[_depth] = FrameArray;
            _frameRemaining[_depth] = elements;
            _frameType[_depth] = typeStart;
            _depth++;
            _position = p;
            Tag = AxdrTag.CompactArray;
            Count = elements;
            ValueStart = typeStart;
            ValueLength = typeEnd - typeStart;
            return AxdrStatus.Ok;
        }

        private AxdrStatus ReadBody(byte tag, bool untagged)
        {
            int p = _position;
            if (tag == (byte)AxdrTag.Array || tag == (byte)AxdrTag.Structure)
            {
                int count;
                if (!TryReadLength(_buffer, ref p, _end, out count))
                {
                    return Fail(AxdrStatus.BadLength, 0);
                }

                _position = p;
                Tag = (AxdrTag)tag;
                Count = count;
                return AxdrStatus.Ok;
            }

            int size = FixedSize(tag);
            if (size == -2)
            {
                if (!untagged)
                {
                    _position--;
                }

                return Fail(AxdrStatus.UnknownTag, tag);
            }

            if (size == -1)
            {
                int length;
                if (!TryReadLength(_buffer, ref p, _end, out length))
                {
                    return Fail(AxdrStatus.Truncated, 1);
                }

                int bytes = tag == (byte)AxdrTag.BitString ? (length + 7) / 8 : length;
                if (bytes > _end - p)
                {
                    return Fail(AxdrStatus.Truncated, bytes - (_end - p));
                }

                Tag = (AxdrTag)tag;
                Count = tag == (byte)AxdrTag.BitString ? length : 0;
                ValueStart = p;
                ValueLength = bytes;
                _position = p + bytes;
                return AxdrStatus.Ok;
            }

            if (size > _end - p)
            {
                return Fail(AxdrStatus.Truncated, size - (_end - p));
            }

            byte[] b = _buffer;
            Tag = (AxdrTag)tag;
            ValueStart = p;
            ValueLength = size;
            switch ((AxdrTag)tag)
            {
                case AxdrTag.Boolean:
                    Integer = b[p] != 0 ? 1 : 0;
                    break;
                case AxdrTag.Integer:
                case AxdrTag.Bcd:
                    Integer = (sbyte)b[p];
                    break;
                case AxdrTag.Unsigned:
                case AxdrTag.Enum:
                    Integer = b[p];
                    break;
                case AxdrTag.Long:
                    Integer = (short)(b[p] << 8 | b[p + 1]);
                    break;
                case AxdrTag.LongUnsigned:
                    Integer = b[p] << 8 | b[p + 1];
                    break;
                case AxdrTag.DoubleLong:
                    Integer = BigEndian32(b, p);
                    break;
                case AxdrTag.DoubleLongUnsigned:
                    Integer = (uint)BigEndian32(b, p);
                    break;
                case AxdrTag.Long64:
                    Integer = BigEndian64(b, p);
                    break;
                case AxdrTag.Long64Unsigned:
                    Integer = BigEndian64(b, p);
                    Unsigned64 = (ulong)Integer;
                    break;
                case AxdrTag.Float32:
                    Real = Float32ToDouble(BigEndian32(b, p));
                    break;
                case AxdrTag.Float64:
                    Real = System.BitConverter.Int64BitsToDouble(BigEndian64(b, p));
                    break;
                case AxdrTag.DateTime:
                    DateTime = CosemDateTime.Parse(b, p);
                    break;
                case AxdrTag.Date:
                    DateTime = CosemDateTime.Unspecified();
                    DateTime.ParseDate(b, p);
                    break;
                case AxdrTag.Time:
                    DateTime = CosemDateTime.Unspecified();
                    DateTime.ParseTime(b, p);
                    break;
            }

            _position = p + size;
            return AxdrStatus.Ok;
        }

        internal static int BigEndian32(byte[] b, int p)
        {
            return b[p] << 24 | b[p + 1] << 16 | b[p + 2] << 8 | b[p + 3];
        }

        internal static long BigEndian64(byte[] b, int p)
        {
            return (long)(uint)BigEndian32(b, p) << 32 | (uint)BigEndian32(b, p + 4);
        }

        // IEEE 754 single to double without BitConverter.Int32BitsToSingle (absent on nanoFramework 1.17).
        internal static double Float32ToDouble(int bits)
        {
            bool negative = bits < 0;
            int exponent = (bits >> 23) & 0xFF;
            int mantissa = bits & 0x7FFFFF;
            double value;
            if (exponent == 0xFF)
            {
                value = mantissa == 0 ? double.PositiveInfinity : double.NaN;
            }
            else if (exponent == 0)
            {
                value = mantissa * 1.4012984643248171E-45; // 2^-149: subnormal
            }
            else
            {
                long doubleBits = (long)(exponent - 127 + 1023) << 52 | (long)mantissa << 29;
                value = System.BitConverter.Int64BitsToDouble(doubleBits);
            }

            return negative ? -value : value;
        }
    }
}
