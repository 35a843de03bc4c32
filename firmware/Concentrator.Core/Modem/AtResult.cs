namespace Concentrator.Core.Modem
{
    /// <summary>Final result lines of AT commands (V.250 and 3GPP TS 27.005 error reports).</summary>
    public static class AtResult
    {
        public static bool IsOk(string line)
        {
            return line == "OK";
        }

        /// <summary>ERROR, +CMS ERROR: n (SMS errors, 27.005 3.2.5) or +CME ERROR: n (27.007 9.2).</summary>
        public static bool IsError(string line)
        {
            return line == "ERROR" || StartsWith(line, "+CMS ERROR") || StartsWith(line, "+CME ERROR");
        }

        public static bool StartsWith(string text, string prefix)
        {
            if (text == null || text.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (text[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
