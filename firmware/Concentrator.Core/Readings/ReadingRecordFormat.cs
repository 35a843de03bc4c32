using System;

namespace Concentrator.Core.Readings
{
    /// <summary>The constants and tables of the compact reading record (<see cref="ReadingRecordCodec"/>), shared by its writing and reading sides.</summary>
    internal static class ReadingRecordFormat
    {
        internal const long TicksPerSecond = 10000000;

        // 2000-01-01T00:00:00 in seconds since 0001-01-01 (a received time takes 5 bytes; a board clock never set, 1970, still fits).
        internal const long EpochSeconds = 63082281600;

        // Set header bits.
        internal const byte SetTime = 1;
        internal const byte SetSecondIndex = 2;
        internal const byte SetSerial = 4;
        internal const byte SetIdentification = 8;
        internal const byte SetSignature = 16;

        // Reading header: bits 0-1 the kind, then which optional fields follow.
        internal const byte KindMask = 3;
        internal const byte HasUnit = 4;
        internal const byte HasFlags = 8;
        internal const byte HasTime = 16;
        internal const byte HasStatus = 32;
        internal const byte HasExtra = 64;
        internal const byte ShortObis = 128;

        // Bits of a reading's extra byte.
        internal const byte ExtraSecondIndex = 1;
        internal const byte ExtraSignature = 2;
        internal const byte ExtraNumberText = 4;

        // Time header: bits 0-1 the season, this bit when the UTC offset follows.
        internal const byte TimeOffset = 4;

        // Text forms (the low two bits of a text's length field).
        internal const int TextRaw = 0;
        internal const int TextUpperHex = 1;
        internal const int TextLowerHex = 2;
        internal const int TextNumeric = 3;

        // Form 3: digits and the six other characters of meter timestamps, dates and numbers sent as text
        // ("190905214003S", "24-11-02 09:15"), one nibble each.
        internal const string NumericSymbols = "0123456789.-: SW";

        // Protocol and unit codes followed by the text itself; unit codes from UnitTableBase on index the Units table.
        internal const byte ProtocolLiteral = 255;
        internal const byte UnitLiteral = 255;
        internal const byte UnitTableBase = 128;

        internal static readonly string[] Protocols = { null, "dsmr", "iec62056-21", "dlms", "sml" };

        // Units meters send in text that the DLMS table spells only without a prefix.
        internal static readonly string[] Units = { "kWh", "kW", "kvarh", "kvar", "kVAh", "kVA", "MWh", "MW", "Mvarh", "GJ", "MJ", "kJ", "GWh", "l/h", "m3/min" };

        internal static int ProtocolCode(string protocol)
        {
            if (protocol == null)
            {
                return 0;
            }

            for (int i = 1; i < Protocols.Length; i++)
            {
                if (protocol == Protocols[i])
                {
                    return i;
                }
            }

            return ProtocolLiteral;
        }

        internal static bool IsMeterId(string meterId)
        {
            if (meterId == null || meterId.Length == 0 || meterId.Length > ReadingRecordCodec.MaxMeterIdLength)
            {
                return false;
            }

            for (int i = 0; i < meterId.Length; i++)
            {
                char c = meterId[i];
                if (c <= ' ' || c >= (char)0x7F)
                {
                    return false;
                }
            }

            return true;
        }

        internal static long Seconds(DateTime time)
        {
            return time.Ticks / TicksPerSecond - EpochSeconds;
        }

        // seconds since 2000 (+ the offset back to local time) → ticks, when DateTime can hold them.
        internal static bool TryTicks(long seconds, long offsetSeconds, out long ticks)
        {
            ticks = 0;
            long total = seconds + offsetSeconds + EpochSeconds;
            if (total < DateTime.MinValue.Ticks / TicksPerSecond || total > DateTime.MaxValue.Ticks / TicksPerSecond)
            {
                return false;
            }

            ticks = total * TicksPerSecond;
            return true;
        }

        // TextUpperHex when every byte is 0-9 or A-F, TextLowerHex for 0-9 and a-f (digits alone count as upper),
        // TextNumeric for digits with the other numeric symbols, else TextRaw.
        internal static int HexForm(byte[] text, int start, int length)
        {
            bool upper = false;
            bool lower = false;
            bool other = false;
            for (int i = start; i < start + length; i++)
            {
                byte c = text[i];
                if (c >= 'A' && c <= 'F')
                {
                    upper = true;
                }
                else if (c >= 'a' && c <= 'f')
                {
                    lower = true;
                }
                else if (c < '0' || c > '9')
                {
                    if (NumericSymbols.IndexOf((char)c) < 0)
                    {
                        return TextRaw;
                    }

                    other = true;
                }
            }

            if (other)
            {
                return upper || lower ? TextRaw : TextNumeric;
            }

            return upper && lower ? TextRaw : lower ? TextLowerHex : TextUpperHex;
        }

        internal static int Nibble(int form, byte c)
        {
            if (form == TextNumeric)
            {
                return NumericSymbols.IndexOf((char)c);
            }

            return c <= '9' ? c - '0' : c >= 'a' ? c - 'a' + 10 : c - 'A' + 10;
        }
    }
}
