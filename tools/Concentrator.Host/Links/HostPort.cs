using System;
using System.Globalization;

namespace Concentrator.Host.Links;

/// <summary>"host:port" (or "[::1]:port") as a meter's TCP address is written.</summary>
public static class HostPort
{
    public static bool TryParse(string text, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        int colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        host = text.Substring(0, colon);
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host.Substring(1, host.Length - 2);
        }

        return host.Length > 0 &&
               int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) && port >= 1 && port <= 65535;
    }
}
