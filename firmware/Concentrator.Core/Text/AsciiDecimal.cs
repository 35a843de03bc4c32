namespace Concentrator.Core.Text
{
    /// <summary>Exact decimal numbers in ASCII ("000687.138", "-12.5", "0001") as mantissa × 10^exponent, without allocation.</summary>
    public static class AsciiDecimal
    {
        /// <summary>Most significant digits a mantissa may carry (fits a long with room to spare).</summary>
        public const int MaxSignificantDigits = 18;

        /// <summary>
        /// Parses [+|-]digits[.digits]. Leading zeros are not significant; digits after the point set the exponent,
        /// so "00.420" is 420 × 10^-3 and keeps the meter's resolution. False for anything else, or more than 18
        /// significant digits.
        /// </summary>
        public static bool TryParse(byte[] text, int offset, int length, out long mantissa, out sbyte exponent)
        {
            mantissa = 0;
            exponent = 0;
            if (length <= 0)
            {
                return false;
            }

            int i = offset;
            int end = offset + length;
            bool negative = false;
            if (text[i] == (byte)'-' || text[i] == (byte)'+')
            {
                negative = text[i] == (byte)'-';
                i++;
            }

            int digits = 0;
            int significant = 0;
            int fraction = -1; // digits after the point, -1 before it
            long value = 0;
            for (; i < end; i++)
            {
                byte ch = text[i];
                if (ch == (byte)'.')
                {
                    if (fraction >= 0 || digits == 0)
                    {
                        return false;
                    }

                    fraction = 0;
                    continue;
                }

                if (ch < (byte)'0' || ch > (byte)'9')
                {
                    return false;
                }

                digits++;
                if (fraction >= 0)
                {
                    fraction++;
                }

                if (value != 0 || ch != (byte)'0')
                {
                    significant++;
                    if (significant > MaxSignificantDigits)
                    {
                        return false;
                    }
                }

                value = value * 10 + (ch - (byte)'0');
            }

            if (digits == 0 || fraction == 0 || fraction > 100)
            {
                return false;
            }

            mantissa = negative ? -value : value;
            exponent = fraction > 0 ? (sbyte)(-fraction) : (sbyte)0;
            return true;
        }

        /// <summary>Parses an unsigned decimal integer of up to 9 digits; false for anything else.</summary>
        public static bool TryParseInt(byte[] text, int offset, int length, out int value)
        {
            value = 0;
            if (length <= 0 || length > 9)
            {
                return false;
            }

            for (int i = offset; i < offset + length; i++)
            {
                byte ch = text[i];
                if (ch < (byte)'0' || ch > (byte)'9')
                {
                    return false;
                }

                value = value * 10 + (ch - (byte)'0');
            }

            return true;
        }

        /// <summary>Value of an ASCII hex digit (either case), or -1.</summary>
        public static int HexValue(byte ch)
        {
            if (ch >= (byte)'0' && ch <= (byte)'9')
            {
                return ch - (byte)'0';
            }

            if (ch >= (byte)'A' && ch <= (byte)'F')
            {
                return ch - (byte)'A' + 10;
            }

            if (ch >= (byte)'a' && ch <= (byte)'f')
            {
                return ch - (byte)'a' + 10;
            }

            return -1;
        }
    }
}
