namespace Concentrator.Core.Commands
{
    /// <summary>
    /// The GSM 03.38 (3GPP TS 23.038 6.2.1) default alphabet: which characters one 7-bit SMS can carry and how many
    /// septets they take (the extension table's characters take two: an escape and the character).
    /// </summary>
    public static class Gsm7Bit
    {
        /// <summary>One SMS carries 140 octets = 160 septets (no user data header).</summary>
        public const int MaxSeptets = 160;

        // TS 23.038 6.2.1 default alphabet, in code order 0x00-0x7F; 0x1B (escape) is left out (shown as '\u0000').
        private const string Basic =
            "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5" +
            "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u0000\u00c6\u00e6\u00df\u00c9" +
            " !\"#\u00a4%&'()*+,-./0123456789:;<=>?" +
            "\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7" +
            "\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";

        // TS 23.038 6.2.1.1 extension table: form feed, ^ { } \ [ ~ ] | and the euro sign.
        private const string Extension = "\f^{}\\[~]|\u20ac";

        /// <summary>Septets the text needs, or -1 when a character is not in the default alphabet or its extension.</summary>
        public static int SeptetCount(string text)
        {
            int septets = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c != '\u0000' && Basic.IndexOf(c) >= 0)
                {
                    septets++;
                }
                else if (Extension.IndexOf(c) >= 0)
                {
                    septets += 2;
                }
                else
                {
                    return -1;
                }
            }

            return septets;
        }

        /// <summary>True when the text fits one 7-bit SMS.</summary>
        public static bool FitsOneMessage(string text)
        {
            int septets = SeptetCount(text);
            return septets >= 0 && septets <= MaxSeptets;
        }
    }
}
