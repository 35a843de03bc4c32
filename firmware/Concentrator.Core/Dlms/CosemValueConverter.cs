using Concentrator.Core.Readings;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Turns one A-XDR value into a <see cref="Reading"/>: integers and floats become exact decimals
    /// (mantissa × 10^(exponent + scaler)), date-times timestamps, strings text, binary octet-strings and
    /// structures hex text (nothing is dropped); the unit comes from the DLMS unit enumeration. Owns a small
    /// scratch buffer; allocation-free.
    /// </summary>
    public sealed class CosemValueConverter
    {
        /// <summary>Longest raw value kept as hex text (longer ones are cut and end in "..").</summary>
        public const int MaxHexBytes = 64;

        private const string HexDigits = "0123456789ABCDEF";
        private readonly byte[] _scratch = new byte[MaxHexBytes * 2 + 4];

        /// <summary>
        /// Reads the next value from <paramref name="value"/> into <paramref name="reading"/>. The reader must be
        /// positioned on the value; containers are consumed whole. False when the A-XDR is bad or the set's text is full.
        /// </summary>
        public bool Convert(AxdrReader value, ReadingSet set, Reading reading, bool hasScalerUnit, sbyte scaler, byte unit, bool octetStringIsDateTime)
        {
            int start = value.Position;
            if (value.Read() != AxdrStatus.Ok)
            {
                return false;
            }

            switch (value.Tag)
            {
                case AxdrTag.NullData:
                    reading.Kind = ReadingKind.Empty;
                    break;
                case AxdrTag.Float32:
                case AxdrTag.Float64:
                    long mantissa;
                    int exponent;
                    if (!ToDecimal(value.Real, value.Tag == AxdrTag.Float32 ? 7 : 15, out mantissa, out exponent))
                    {
                        return Hex(value, set, reading, start);
                    }

                    SetNumber(reading, mantissa, exponent + (hasScalerUnit ? scaler : 0));
                    break;
                case AxdrTag.VisibleString:
                case AxdrTag.Utf8String:
                    if (!SetText(set, reading, value.Buffer, value.ValueStart, value.ValueLength))
                    {
                        return false;
                    }

                    break;
                case AxdrTag.DateTime:
                    if (!SetTime(set, reading, value.DateTime))
                    {
                        return Hex(value, set, reading, start);
                    }

                    break;
                case AxdrTag.OctetString:
                    if (octetStringIsDateTime && value.ValueLength == CosemDateTime.Length && SetTime(set, reading, CosemDateTime.Parse(value.Buffer, value.ValueStart)))
                    {
                        break;
                    }

                    if (IsPrintable(value.Buffer, value.ValueStart, value.ValueLength))
                    {
                        if (!SetText(set, reading, value.Buffer, value.ValueStart, value.ValueLength))
                        {
                            return false;
                        }

                        break;
                    }

                    return HexBytes(set, reading, value.Buffer, value.ValueStart, value.ValueLength);
                case AxdrTag.Array:
                case AxdrTag.Structure:
                case AxdrTag.CompactArray:
                    if (value.SkipElements(value.Count) != AxdrStatus.Ok)
                    {
                        return false;
                    }

                    return Hex(value, set, reading, start);
                default:
                    if (value.Tag == AxdrTag.Long64Unsigned && !value.IsInteger)
                    {
                        // Above long.MaxValue: drop the last digit into the exponent (19 significant digits kept).
                        SetNumber(reading, (long)(value.Unsigned64 / 10), 1 + (hasScalerUnit ? scaler : 0));
                        break;
                    }

                    if (!value.IsInteger)
                    {
                        return Hex(value, set, reading, start);
                    }

                    SetNumber(reading, value.Integer, hasScalerUnit ? scaler : 0);
                    break;
            }

            if (hasScalerUnit && reading.Kind == ReadingKind.Number)
            {
                string name = DlmsNames.Unit(unit);
                if (name.Length > 0)
                {
                    for (int i = 0; i < name.Length; i++)
                    {
                        _scratch[i] = (byte)name[i];
                    }

                    int at = set.AppendText(_scratch, 0, name.Length);
                    if (at < 0)
                    {
                        return false;
                    }

                    reading.UnitStart = at;
                    reading.UnitLength = name.Length;
                }
            }

            return true;
        }

        private static void SetNumber(Reading reading, long mantissa, int exponent)
        {
            // Keep the exponent in sbyte range: scalers are -128..127, the sum rarely leaves it.
            while (exponent > 127)
            {
                mantissa *= 10;
                exponent--;
            }

            while (exponent < -128)
            {
                mantissa /= 10;
                exponent++;
            }

            reading.Kind = ReadingKind.Number;
            reading.Mantissa = mantissa;
            reading.Exponent = (sbyte)exponent;
        }

        /// <summary>A date-time reading: Kind Timestamp with its time, the ISO text kept. False for wildcards.</summary>
        public bool SetTime(ReadingSet set, Reading reading, CosemDateTime value)
        {
            MeterTime time;
            if (!value.TryGetMeterTime(out time))
            {
                return false;
            }

            int length = time.FormatIso8601(_scratch, 0);
            int at = set.AppendText(_scratch, 0, length);
            if (at < 0)
            {
                return false;
            }

            reading.Kind = ReadingKind.Timestamp;
            reading.HasTime = true;
            reading.Time = time;
            reading.TextStart = at;
            reading.TextLength = length;
            return true;
        }

        private static bool SetText(ReadingSet set, Reading reading, byte[] source, int offset, int length)
        {
            int at = set.AppendText(source, offset, length);
            if (at < 0)
            {
                return false;
            }

            reading.Kind = ReadingKind.Text;
            reading.TextStart = at;
            reading.TextLength = length;
            return true;
        }

        // The raw A-XDR encoding of the value just consumed, as hex text.
        private bool Hex(AxdrReader value, ReadingSet set, Reading reading, int start)
        {
            return HexBytes(set, reading, value.Buffer, start, value.Position - start);
        }

        private bool HexBytes(ReadingSet set, Reading reading, byte[] source, int offset, int length)
        {
            int count = length > MaxHexBytes ? MaxHexBytes : length;
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                byte b = source[offset + i];
                _scratch[n++] = (byte)HexDigits[b >> 4];
                _scratch[n++] = (byte)HexDigits[b & 15];
            }

            if (count < length)
            {
                _scratch[n++] = (byte)'.';
                _scratch[n++] = (byte)'.';
            }

            return SetText(set, reading, _scratch, 0, n);
        }

        private static bool IsPrintable(byte[] b, int offset, int length)
        {
            if (length == 0)
            {
                return true;
            }

            for (int i = offset; i < offset + length; i++)
            {
                if (b[i] < 0x20 || b[i] > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A double as mantissa × 10^exponent with at most <paramref name="significant"/> digits, trailing zeros
        /// removed (float32 230.1 gives 2301 × 10^-1, not the binary expansion). False for NaN and infinities.
        /// </summary>
        public static bool ToDecimal(double value, int significant, out long mantissa, out int exponent)
        {
            mantissa = 0;
            exponent = 0;
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return false;
            }

            if (value == 0)
            {
                return true;
            }

            bool negative = value < 0;
            double a = negative ? -value : value;
            double high = 1;
            for (int i = 0; i < significant; i++)
            {
                high *= 10;
            }

            double low = high / 10;
            int k = 0;
            while (a >= high)
            {
                a /= 10;
                k++;
            }

            while (a < low)
            {
                a *= 10;
                k--;
            }

            long m = (long)(a + 0.5);
            if (m >= (long)high)
            {
                m /= 10;
                k++;
            }

            while (m != 0 && m % 10 == 0)
            {
                m /= 10;
                k++;
            }

            mantissa = negative ? -m : m;
            exponent = k;
            return true;
        }
    }
}
