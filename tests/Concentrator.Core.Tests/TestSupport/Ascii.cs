namespace Concentrator.Core.Tests.TestSupport
{
    /// <summary>ASCII test text as bytes (the way a meter sends it), and back.</summary>
    public static class Ascii
    {
        public static byte[] Bytes(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        public static string Text(byte[] bytes, int offset, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)bytes[offset + i];
            }

            return new string(chars);
        }

        /// <summary>
        /// The text with the first occurrence of <paramref name="oldValue"/> replaced (nanoFramework's string has no
        /// Replace). The old value must occur.
        /// </summary>
        public static string ReplaceFirst(string text, string oldValue, string newValue)
        {
            int index = text.IndexOf(oldValue);
            if (index < 0)
            {
                throw new System.ArgumentException("text does not contain " + oldValue);
            }

            return text.Substring(0, index) + newValue + text.Substring(index + oldValue.Length);
        }

        /// <summary>Joins two byte arrays.</summary>
        public static byte[] Concat(byte[] first, byte[] second)
        {
            return HexBytes.Concat(first, second);
        }
    }
}
