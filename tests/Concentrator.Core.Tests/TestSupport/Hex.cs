namespace Concentrator.Core.Tests.TestSupport
{
    /// <summary>Test vectors written as hex ("C0 01 C1 00 03"), spaces ignored.</summary>
    public static class Hex
    {
        public static byte[] Bytes(string hex)
        {
            int digits = 0;
            for (int i = 0; i < hex.Length; i++)
            {
                if (hex[i] != ' ')
                {
                    digits++;
                }
            }

            byte[] bytes = new byte[digits / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                char c = hex[i];
                if (c == ' ')
                {
                    continue;
                }

                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10;
                if (high < 0)
                {
                    high = d;
                }
                else
                {
                    bytes[n++] = (byte)(high << 4 | d);
                    high = -1;
                }
            }

            return bytes;
        }

        /// <summary>"C0 01 C1" form of the bytes, for comparisons.</summary>
        public static string Text(byte[] bytes, int offset, int count)
        {
            const string digits = "0123456789ABCDEF";
            char[] chars = new char[count == 0 ? 0 : count * 3 - 1];
            for (int i = 0; i < count; i++)
            {
                byte b = bytes[offset + i];
                chars[i * 3] = digits[b >> 4];
                chars[i * 3 + 1] = digits[b & 15];
                if (i < count - 1)
                {
                    chars[i * 3 + 2] = ' ';
                }
            }

            return new string(chars);
        }
    }
}
