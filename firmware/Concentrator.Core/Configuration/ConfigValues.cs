namespace Concentrator.Core.Configuration
{
    /// <summary>
    /// Checks and conversions of configuration values, shared by the configuration file and the text commands.
    /// Every check returns null when the value is good, otherwise what was expected (for "key: expected …, got …").
    /// </summary>
    public static class ConfigValues
    {
        /// <summary>Longest text value (one SMS holds 160 characters; nothing configurable needs more).</summary>
        public const int MaxTextLength = 64;

        /// <summary>A decimal number from <paramref name="minimum"/> to <paramref name="maximum"/>, no sign, no spaces.</summary>
        public static bool TryParseNumber(string text, int minimum, int maximum, out int value)
        {
            value = 0;
            if (text == null || text.Length == 0 || text.Length > 9)
            {
                return false;
            }

            int result = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                result = (result * 10) + (c - '0');
            }

            if (result < minimum || result > maximum)
            {
                return false;
            }

            value = result;
            return true;
        }

        public static string NumberExpectation(int minimum, int maximum)
        {
            return "a number from " + minimum.ToString() + " to " + maximum.ToString();
        }

        /// <summary>A dotted IPv4 address (four numbers 0-255, no leading zeros beyond "0").</summary>
        public static bool IsIPv4(string text)
        {
            if (text == null || text.Length < 7 || text.Length > 15)
            {
                return false;
            }

            int parts = 0;
            int digits = 0;
            int value = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                char c = i < text.Length ? text[i] : '.';
                if (c == '.')
                {
                    if (digits == 0 || value > 255 || (digits > 1 && text[i - digits] == '0'))
                    {
                        return false;
                    }

                    parts++;
                    digits = 0;
                    value = 0;
                    continue;
                }

                if (c < '0' || c > '9' || digits == 3)
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
                digits++;
            }

            return parts == 4;
        }

        /// <summary>A host name (letters, digits, '-', '.') or an IPv4 address.</summary>
        public static bool IsHost(string text)
        {
            if (text == null || text.Length == 0 || text.Length > MaxTextLength || text[0] == '.' || text[0] == '-')
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Printable ASCII (0x20-0x7E) of at most <see cref="MaxTextLength"/> characters, without leading or trailing
        /// spaces (the settings file trims them) and writable as a command parameter; empty only when allowed.
        /// </summary>
        public static bool IsText(string text, bool allowEmpty, bool allowSpaces)
        {
            if (text == null || text.Length > MaxTextLength)
            {
                return false;
            }

            if (text.Length == 0)
            {
                return allowEmpty;
            }

            if (text[0] == ' ' || text[text.Length - 1] == ' ')
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < ' ' || c > '~' || (c == ' ' && !allowSpaces))
                {
                    return false;
                }
            }

            return Commands.ParameterList.CanQuote(text);
        }

        /// <summary>One MQTT topic level or meter id: letters, digits, '-', '_' and '.', 1 to 32 characters.</summary>
        public static bool IsName(string text)
        {
            if (text == null || text.Length == 0 || text.Length > 32)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A topic prefix: names joined by single '/', not starting or ending with '/' (MQTT 3.1.1 4.7: no wildcards).</summary>
        public static bool IsTopicPrefix(string text)
        {
            if (text == null || text.Length == 0 || text.Length > MaxTextLength || text[0] == '/' || text[text.Length - 1] == '/')
            {
                return false;
            }

            int levelStart = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '/')
                {
                    if (!IsName(text.Substring(levelStart, i - levelStart)))
                    {
                        return false;
                    }

                    levelStart = i + 1;
                }
            }

            return true;
        }

        /// <summary>"0"/"1" as used by the text commands and the settings file ("off"/"on" too, for hand-written files).</summary>
        public static bool TryParseSwitch(string text, out bool value)
        {
            value = false;
            if (text == "1" || text == "on")
            {
                value = true;
                return true;
            }

            return text == "0" || text == "off";
        }

        /// <summary>What to show of a secret: nothing when empty, otherwise a fixed mask (never its length).</summary>
        public static string Mask(string secret)
        {
            return secret == null || secret.Length == 0 ? string.Empty : "***";
        }
    }
}
