namespace Concentrator.Core.Configuration
{
    /// <summary>
    /// Checks a static IPv4 setup (<c>net.ip</c>, <c>net.mask</c>, <c>net.gateway</c>, <c>net.dns</c>) as a whole
    /// before the board applies it: a board given an address it cannot use is lost until someone comes on site, so every
    /// mistake an installer can type is refused with what was wrong. Each value is already a dotted IPv4 address
    /// (<see cref="ConfigValues.IsIPv4"/>); this checks what they mean together (RFC 1122 3.2.1.3, RFC 950, RFC 5771).
    /// </summary>
    public static class StaticAddressCheck
    {
        /// <summary>Null when the static setup can work, else the first problem, naming the key and the values.</summary>
        public static string Problem(string ip, string mask, string gateway, string dns)
        {
            uint address;
            if (!TryParse(ip, out address))
            {
                return "net.ip: expected an IPv4 address, got '" + ip + "'";
            }

            string unusable = Unusable("net.ip", ip, address);
            if (unusable != null)
            {
                return unusable;
            }

            uint netmask;
            if (!TryParse(mask, out netmask))
            {
                return "net.mask: expected a subnet mask such as 255.255.255.0, got '" + mask + "'";
            }

            int prefix = PrefixLength(netmask);
            if (prefix < 0)
            {
                return "net.mask: " + mask + " is not a subnet mask (the ones must come first, e.g. 255.255.255.0)";
            }

            if (prefix < 1 || prefix > 30)
            {
                return "net.mask: expected a subnet mask from /1 to /30 (255.255.255.0 is /24), got " + mask + " (/" + prefix.ToString() + ")";
            }

            string subnet = ip + "/" + mask;
            uint host = address & ~netmask;
            if (host == 0)
            {
                return "net.ip: " + ip + " is the network address of " + subnet + "; expected a host address";
            }

            if (host == ~netmask)
            {
                return "net.ip: " + ip + " is the broadcast address of " + subnet + "; expected a host address";
            }

            if (gateway == null || gateway.Length == 0)
            {
                return "net.gateway: expected the gateway of the static address net.ip=" + ip + ", got nothing";
            }

            uint router;
            if (!TryParse(gateway, out router))
            {
                return "net.gateway: expected an IPv4 address, got '" + gateway + "'";
            }

            if ((router & netmask) != (address & netmask))
            {
                return "net.gateway: " + gateway + " is outside the subnet of net.ip=" + subnet + "; the gateway must be reachable directly";
            }

            if (router == address)
            {
                return "net.gateway: " + gateway + " is the board's own address net.ip; expected the router's";
            }

            uint routerHost = router & ~netmask;
            if (routerHost == 0 || routerHost == ~netmask)
            {
                return "net.gateway: " + gateway + " is the network or broadcast address of " + subnet + "; expected the router's address";
            }

            if (dns != null && dns.Length > 0)
            {
                uint server;
                if (!TryParse(dns, out server))
                {
                    return "net.dns: expected an IPv4 address or nothing, got '" + dns + "'";
                }

                unusable = Unusable("net.dns", dns, server);
                if (unusable != null)
                {
                    return unusable;
                }
            }

            return null;
        }

        /// <summary>Reads a dotted IPv4 address into a number (first octet in the high byte).</summary>
        public static bool TryParse(string text, out uint address)
        {
            address = 0;
            if (!ConfigValues.IsIPv4(text))
            {
                return false;
            }

            uint octet = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                char c = i < text.Length ? text[i] : '.';
                if (c == '.')
                {
                    address = (address << 8) | octet;
                    octet = 0;
                }
                else
                {
                    octet = (octet * 10) + (uint)(c - '0');
                }
            }

            return true;
        }

        /// <summary>The number of leading ones of a subnet mask, or -1 when a one follows a zero.</summary>
        public static int PrefixLength(uint mask)
        {
            int ones = 0;
            while (ones < 32 && (mask & (0x80000000u >> ones)) != 0)
            {
                ones++;
            }

            uint rest = ones == 32 ? 0 : mask << ones;
            return rest == 0 ? ones : -1;
        }

        // Addresses no host may have: "this network" 0/8, loopback 127/8, multicast 224/4 and reserved 240/4 (with the
        // limited broadcast 255.255.255.255).
        private static string Unusable(string key, string text, uint address)
        {
            uint first = address >> 24;
            if (first == 0)
            {
                return key + ": " + text + " is in 0.0.0.0/8 (\"this network\"); expected a host address";
            }

            if (first == 127)
            {
                return key + ": " + text + " is a loopback address; expected a host address on the network";
            }

            if (first >= 224)
            {
                return key + ": " + text + " is a multicast or reserved address; expected a host address";
            }

            return null;
        }
    }
}
