namespace Concentrator.Core.Meters
{
    /// <summary>
    /// The address of a TCP meter as the inventory writes it: <c>HOST:PORT</c>, optionally followed by <c>/TARGET</c>,
    /// the meter's own address behind that endpoint (the HDLC address <c>LOGICAL/PHYSICAL</c> on a bus behind a
    /// serial-to-TCP converter, the wrapper's server wPort, an IEC 62056-21 device address). HOST is a name or an IPv4
    /// address (letters, digits, '-', '.', '_'), or an IPv6 address in brackets; PORT is 1 to 65535.
    /// </summary>
    public static class TcpAddress
    {
        /// <summary>Splits <paramref name="address"/>; false (and empty parts) when it is not HOST:PORT[/TARGET].</summary>
        public static bool TryParse(string address, out string host, out int port, out string target)
        {
            host = string.Empty;
            port = 0;
            target = string.Empty;
            if (address == null)
            {
                return false;
            }

            int slash = address.IndexOf('/');
            int end = slash < 0 ? address.Length : slash;
            int colon = -1;
            for (int i = end - 1; i >= 0; i--)
            {
                if (address[i] == ':')
                {
                    colon = i;
                    break;
                }
            }

            if (colon <= 0 || colon == end - 1 || end - colon - 1 > 5)
            {
                return false;
            }

            int number = 0;
            for (int i = colon + 1; i < end; i++)
            {
                char c = address[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                number = number * 10 + (c - '0');
            }

            if (number < 1 || number > 65535)
            {
                return false;
            }

            string name = address.Substring(0, colon);
            if (name[0] == '[')
            {
                if (name.Length < 3 || name[name.Length - 1] != ']')
                {
                    return false;
                }

                name = name.Substring(1, name.Length - 2);
                if (!IsHostText(name, true))
                {
                    return false;
                }
            }
            else if (!IsHostText(name, false))
            {
                return false;
            }

            host = name;
            port = number;
            target = slash < 0 ? string.Empty : address.Substring(slash + 1);
            return true;
        }

        /// <summary>True when two host names are the same (ASCII letters compared without case, as DNS does).</summary>
        public static bool SameHost(string a, string b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                char x = a[i];
                char y = b[i];
                if (x >= 'A' && x <= 'Z')
                {
                    x = (char)(x + 32);
                }

                if (y >= 'A' && y <= 'Z')
                {
                    y = (char)(y + 32);
                }

                if (x != y)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsHostText(string text, bool ipv6)
        {
            if (text.Length == 0 || text.Length > 253)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                    || (ipv6 && c == ':');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
