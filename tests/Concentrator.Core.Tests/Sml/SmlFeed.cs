using Concentrator.Core.Readings;
using Concentrator.Core.Sml;
using Concentrator.Core.Tests.TestSupport;

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
            return HexBytes.Parse(hex);
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
            return HexBytes.Concat(first, second);
        }

        public static byte[] Slice(byte[] data, int offset, int length)
        {
            byte[] part = new byte[length];
            System.Array.Copy(data, offset, part, 0, length);
            return part;
        }

        public static Reading Find(ReadingSet set, string obis)
        {
            return ReadingLookup.Find(set, obis, 0);
        }

        public static string Unit(ReadingSet set, Reading reading)
        {
            return ReadingLookup.Unit(set, reading);
        }

        public static string Text(ReadingSet set, Reading reading)
        {
            return ReadingLookup.Text(set, reading);
        }

        /// <summary>ASCII bytes as a string.</summary>
        public static string AsciiOf(byte[] ascii)
        {
            return Ascii.Text(ascii, 0, ascii.Length);
        }

        private static char HexChar(int value)
        {
            return (char)(value < 10 ? '0' + value : 'A' + value - 10);
        }
    }
}
