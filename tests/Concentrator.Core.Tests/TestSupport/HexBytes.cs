namespace Concentrator.Core.Tests.TestSupport
{
    /// <summary>Byte vectors written as hex ("7E A0 07 …", spaces optional), and back.</summary>
    public static class HexBytes
    {
        public static byte[] Parse(string hex)
        {
            byte[] buffer = new byte[hex.Length / 2];
            int count = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                int digit = Digit(hex[i]);
                if (digit < 0)
                {
                    if (hex[i] == ' ' || hex[i] == '-' || hex[i] == '\n' || hex[i] == '\r')
                    {
                        continue;
                    }

                    throw new System.ArgumentException("not hex: " + hex[i]);
                }

                if (high < 0)
                {
                    high = digit;
                }
                else
                {
                    buffer[count++] = (byte)((high << 4) | digit);
                    high = -1;
                }
            }

            if (high >= 0)
            {
                throw new System.ArgumentException("odd number of hex digits");
            }

            byte[] result = new byte[count];
            System.Array.Copy(buffer, result, count);
            return result;
        }

        /// <summary>"7E A0 07" (upper case, single spaces).</summary>
        public static string Format(byte[] data, int offset, int count)
        {
            char[] chars = new char[count == 0 ? 0 : (count * 3) - 1];
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                chars[i * 3] = Nibble(b >> 4);
                chars[(i * 3) + 1] = Nibble(b & 0xF);
                if (i < count - 1)
                {
                    chars[(i * 3) + 2] = ' ';
                }
            }

            return new string(chars);
        }

        /// <summary>Joins byte arrays.</summary>
        public static byte[] Concat(byte[] first, byte[] second)
        {
            byte[] result = new byte[first.Length + second.Length];
            System.Array.Copy(first, 0, result, 0, first.Length);
            System.Array.Copy(second, 0, result, first.Length, second.Length);
            return result;
        }

        private static char Nibble(int value)
        {
            return (char)(value < 10 ? '0' + value : 'A' + value - 10);
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

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
