using Concentrator.Core.Readings;

namespace Concentrator.Core.Text
{
    /// <summary>
    /// Filling a reading from the text of one value group, the way the ASCII meter protocols (DSMR, IEC 62056-21) write
    /// it: "value" or "value*unit", a decimal number when it is one, else text as sent. Allocation-free.
    /// </summary>
    internal static class ReadingText
    {
        /// <summary>"000687.138*kWh" → 687138 × 10^-3 with unit "kWh"; "ERROR" → text. False when the set's text buffer is full.</summary>
        public static bool SetValueAndUnit(ReadingSet set, Reading reading, byte[] text, int start, int length)
        {
            int star = start;
            int end = start + length;
            while (star < end && text[star] != (byte)'*')
            {
                star++;
            }

            if (star < end)
            {
                int unit = set.AppendText(text, star + 1, end - star - 1);
                if (unit < 0)
                {
                    return false;
                }

                reading.UnitStart = unit;
                reading.UnitLength = end - star - 1;
            }

            sbyte exponent;
            bool parsed = AsciiDecimal.TryParse(text, start, star - start, out reading.Mantissa, out exponent);
            reading.Exponent = exponent;
            if (parsed)
            {
                reading.Kind = ReadingKind.Number;
                return true;
            }

            return SetText(set, reading, text, start, star - start);
        }

        /// <summary>The reading becomes the text as sent (Empty for none). False when the set's text buffer is full.</summary>
        public static bool SetText(ReadingSet set, Reading reading, byte[] text, int start, int length)
        {
            int at = set.AppendText(text, start, length);
            if (at < 0)
            {
                return false;
            }

            reading.Kind = length == 0 ? ReadingKind.Empty : ReadingKind.Text;
            reading.TextStart = at;
            reading.TextLength = length;
            return true;
        }
    }
}
