namespace Concentrator.Core.Obis
{
    /// <summary>
    /// An OBIS code (IEC 62056-61): six value groups A-B:C.D.E*F, each 0..255.
    /// Parsed from the text forms meters use and always formatted in full, "1-0:1.8.1*255".
    /// </summary>
    public struct ObisCode
    {
        /// <summary>Longest text <see cref="FormatTo"/> writes: "255-255:255.255.255*255".</summary>
        public const int MaxFormattedLength = 23;

        public byte A;
        public byte B;
        public byte C;
        public byte D;
        public byte E;
        public byte F;

        public ObisCode(byte a, byte b, byte c, byte d, byte e, byte f)
        {
            A = a;
            B = b;
            C = c;
            D = d;
            E = e;
            F = f;
        }

        /// <summary>
        /// The code packed into 48 bits, A in the highest byte. Tables kept for many meters hold keys instead of
        /// ObisCode values: on nanoFramework every struct in an array or field is a heap object of its own (seven
        /// 12-byte blocks for an ObisCode), a long in a long[] is eight bytes.
        /// </summary>
        public long ToKey()
        {
            return ((long)A << 40) | ((long)B << 32) | ((long)C << 24) | ((long)D << 16) | ((long)E << 8) | F;
        }

        /// <summary>The code of a <see cref="ToKey"/> key.</summary>
        public static ObisCode FromKey(long key)
        {
            return new ObisCode((byte)(key >> 40), (byte)(key >> 32), (byte)(key >> 24), (byte)(key >> 16), (byte)(key >> 8), (byte)key);
        }

        public bool Equals(ObisCode other)
        {
            return A == other.A && B == other.B && C == other.C && D == other.D && E == other.E && F == other.F;
        }

        public override bool Equals(object obj)
        {
            return obj is ObisCode && Equals((ObisCode)obj);
        }

        public override int GetHashCode()
        {
            return (A << 24 | B << 16 | C << 8 | D) ^ (E << 8 | F);
        }

        public static bool operator ==(ObisCode left, ObisCode right)
        {
            return left.Equals(right);
        }

        public static bool operator !=(ObisCode left, ObisCode right)
        {
            return !left.Equals(right);
        }

        /// <summary>True when C.D.E match, whatever A, B and F are (the same quantity on another channel or billing period).</summary>
        public bool HasCde(byte c, byte d, byte e)
        {
            return C == c && D == d && E == e;
        }

        /// <summary>
        /// Parses the ASCII forms found in meter data:
        /// "A-B:C.D.E*F", "A-B:C.D.E.F", "A-B:C.D.E" (F = 255), "C.D.E", "C.D.E*F", "C.D" (E = 0).
        /// Value group C and D may be the IEC 62056-61 letters C, F, L, P (96, 97, 98, 99).
        /// Where A and B are absent (IEC 62056-21 short codes) they are taken as 1-0 for electricity
        /// quantities (C 1..94) and 0-0 for abstract objects (C 0 and 95..99).
        /// </summary>
        public static bool TryParse(byte[] text, int offset, int length, out ObisCode code)
        {
            code = new ObisCode(0, 0, 0, 0, 0, 255);
            if (text == null || length <= 0 || offset < 0 || offset + length > text.Length)
            {
                return false;
            }

            // Up to six numbers with the separator that follows each.
            int end = offset + length;
            int count = 0;
            int dashAfter = -1;
            int colonAfter = -1;
            int starAfter = -1;
            int v0 = 0, v1 = 0, v2 = 0, v3 = 0, v4 = 0, v5 = 0;
            int i = offset;
            while (i < end)
            {
                if (count == 6)
                {
                    return false;
                }

                int value;
                int next = ParseGroup(text, i, end, out value);
                if (next < 0)
                {
                    return false;
                }

                switch (count)
                {
                    case 0: v0 = value; break;
                    case 1: v1 = value; break;
                    case 2: v2 = value; break;
                    case 3: v3 = value; break;
                    case 4: v4 = value; break;
                    default: v5 = value; break;
                }

                count++;
                i = next;
                if (i == end)
                {
                    break;
                }

                byte separator = text[i];
                if (separator == (byte)'-')
                {
                    if (count != 1 || dashAfter >= 0)
                    {
                        return false;
                    }

                    dashAfter = count;
                }
                else if (separator == (byte)':')
                {
                    if (count != 2 || dashAfter != 1)
                    {
                        return false;
                    }

                    colonAfter = count;
                }
                else if (separator == (byte)'*' || separator == (byte)'&')
                {
                    if (starAfter >= 0)
                    {
                        return false;
                    }

                    starAfter = count;
                }
                else if (separator != (byte)'.')
                {
                    return false;
                }

                i++;
                if (i == end)
                {
                    return false; // a separator must be followed by a group
                }
            }

            if (dashAfter >= 0 && colonAfter < 0)
            {
                return false;
            }

            int a, b, c, d, e, f;
            int first;
            if (colonAfter == 2)
            {
                a = v0;
                b = v1;
                first = 2;
            }
            else
            {
                a = -1;
                b = -1;
                first = 0;
            }

            int rest = count - first; // groups from C on
            if (rest < 2 || rest > 4)
            {
                return false;
            }

            c = Pick(first, v0, v1, v2, v3, v4, v5);
            d = Pick(first + 1, v0, v1, v2, v3, v4, v5);
            e = rest >= 3 ? Pick(first + 2, v0, v1, v2, v3, v4, v5) : 0;
            f = rest == 4 ? Pick(first + 3, v0, v1, v2, v3, v4, v5) : 255;

            // '*' may only introduce the last group, and only group F.
            if (starAfter >= 0 && (starAfter != count - 1 || rest != 4))
            {
                return false;
            }

            if (a < 0)
            {
                bool electricity = c >= 1 && c <= 94;
                a = electricity ? 1 : 0;
                b = 0;
            }

            if (a > 255 || b > 255 || c > 255 || d > 255 || e > 255 || f > 255)
            {
                return false;
            }

            code = new ObisCode((byte)a, (byte)b, (byte)c, (byte)d, (byte)e, (byte)f);
            return true;
        }

        /// <summary>Parses a string form; see <see cref="TryParse(byte[], int, int, out ObisCode)"/>.</summary>
        public static bool TryParse(string text, out ObisCode code)
        {
            if (text == null || text.Length == 0 || text.Length > 64)
            {
                code = new ObisCode(0, 0, 0, 0, 0, 255);
                return false;
            }

            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                char ch = text[i];
                bytes[i] = ch < 128 ? (byte)ch : (byte)'?';
            }

            return TryParse(bytes, 0, bytes.Length, out code);
        }

        private static int Pick(int index, int v0, int v1, int v2, int v3, int v4, int v5)
        {
            switch (index)
            {
                case 0: return v0;
                case 1: return v1;
                case 2: return v2;
                case 3: return v3;
                case 4: return v4;
                default: return v5;
            }
        }

        // One group: 1..3 decimal digits, or one of the letters C F L P (IEC 62056-61 7.3). Returns the index after it, or -1.
        private static int ParseGroup(byte[] text, int i, int end, out int value)
        {
            value = 0;
            byte ch = text[i];
            switch (ch)
            {
                case (byte)'C': value = 96; return i + 1;
                case (byte)'F': value = 97; return i + 1;
                case (byte)'L': value = 98; return i + 1;
                case (byte)'P': value = 99; return i + 1;
            }

            int digits = 0;
            while (i < end && text[i] >= (byte)'0' && text[i] <= (byte)'9')
            {
                value = value * 10 + (text[i] - (byte)'0');
                i++;
                digits++;
                if (digits > 3)
                {
                    return -1;
                }
            }

            return digits == 0 ? -1 : i;
        }

        /// <summary>Writes "A-B:C.D.E*F" at <paramref name="offset"/>; returns the number of bytes written.</summary>
        public int FormatTo(byte[] buffer, int offset)
        {
            int i = offset;
            i = WriteDecimal(buffer, i, A);
            buffer[i++] = (byte)'-';
            i = WriteDecimal(buffer, i, B);
            buffer[i++] = (byte)':';
            i = WriteDecimal(buffer, i, C);
            buffer[i++] = (byte)'.';
            i = WriteDecimal(buffer, i, D);
            buffer[i++] = (byte)'.';
            i = WriteDecimal(buffer, i, E);
            buffer[i++] = (byte)'*';
            i = WriteDecimal(buffer, i, F);
            return i - offset;
        }

        /// <summary>Writes 0..255 in decimal without leading zeros at <paramref name="i"/>; returns the index after it.</summary>
        internal static int WriteDecimal(byte[] buffer, int i, byte value)
        {
            if (value >= 100)
            {
                buffer[i++] = (byte)('0' + value / 100);
            }

            if (value >= 10)
            {
                buffer[i++] = (byte)('0' + value / 10 % 10);
            }

            buffer[i++] = (byte)('0' + value % 10);
            return i;
        }

        public override string ToString()
        {
            byte[] buffer = new byte[MaxFormattedLength];
            int length = FormatTo(buffer, 0);
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)buffer[i];
            }

            return new string(chars);
        }
    }
}
