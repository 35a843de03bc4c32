using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Sml;

namespace Concentrator.Core.Tests.Sml
{
    /// <summary>Feeds an SML decoder the way a UART does (in pieces of a chosen size); hex and lookup helpers.</summary>
    public static class SmlFeed
    {
        public static SmlFileDecoder NewDecoder()
        {
            return new SmlFileDecoder(new SmlDecoderOptions());
        }

        /// <summary>Feeds from <paramref name="position"/> in pieces of <paramref name="piece"/> bytes until the decoder reports something.</summary>
        public static SmlStatus Next(SmlFileDecoder decoder, byte[] data, ref int position, int piece)
        {
            while (position < data.Length)
            {
                int count = data.Length - position < piece ? data.Length - position : piece;
                int consumed;
                SmlStatus status = decoder.Feed(data, position, count, out consumed);
                position += consumed;
                if (status != SmlStatus.NeedMoreData)
                {
                    return status;
                }
            }

            return SmlStatus.NeedMoreData;
        }

        /// <summary>Decodes a whole input in one piece and returns the first status reported.</summary>
        public static SmlStatus DecodeOne(SmlFileDecoder decoder, byte[] data)
        {
            int position = 0;
            return Next(decoder, data, ref position, data.Length);
        }

        public static byte[] Hex(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Digit(hex[2 * i]) << 4) | Digit(hex[2 * i + 1]));
            }

            return bytes;
        }

        public static string ToHex(byte[] data, int offset, int length)
        {
            char[] chars = new char[2 * length];
            for (int i = 0; i < length; i++)
            {
                chars[2 * i] = HexChar(data[offset + i] >> 4);
                chars[2 * i + 1] = HexChar(data[offset + i] & 0x0F);
            }

            return new string(chars);
        }

        /// <summary>The bytes with one byte changed.</summary>
        public static byte[] With(byte[] data, int index, byte value)
        {
            byte[] copy = new byte[data.Length];
            System.Array.Copy(data, copy, data.Length);
            copy[index] = value;
            return copy;
        }

        public static byte[] Concat(byte[] first, byte[] second)
        {
            byte[] all = new byte[first.Length + second.Length];
            System.Array.Copy(first, 0, all, 0, first.Length);
            System.Array.Copy(second, 0, all, first.Length, second.Length);
            return all;
        }

        public static byte[] Slice(byte[] data, int offset, int length)
        {
            byte[] part = new byte[length];
            System.Array.Copy(data, offset, part, 0, length);
            return part;
        }

        public static Reading Find(ReadingSet set, string obis)
        {
            ObisCode code;
            if (!ObisCode.TryParse(obis, out code))
            {
                throw new System.ArgumentException("bad OBIS in test: " + obis);
            }

            for (int i = 0; i < set.Count; i++)
            {
                if (set[i].Obis == code)
                {
                    return set[i];
                }
            }

            return null;
        }

        public static string Unit(ReadingSet set, Reading reading)
        {
            return set.GetText(reading.UnitStart, reading.UnitLength);
        }

        public static string Text(ReadingSet set, Reading reading)
        {
            return set.GetText(reading.TextStart, reading.TextLength);
        }

        /// <summary>ASCII bytes as a string.</summary>
        public static string AsciiOf(byte[] ascii)
        {
            return Concentrator.Core.Tests.TestSupport.Ascii.Text(ascii, 0, ascii.Length);
        }

        private static int Digit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c - 'A' + 10;
        }

        private static char HexChar(int value)
        {
            return (char)(value < 10 ? '0' + value : 'A' + value - 10);
        }
    }
}
