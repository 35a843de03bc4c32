using System.Threading;
using System.Device.Wifi;

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic = 0,
        Manual = 1,
    }
}

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) { throw null; }
        public static bool ConnectFixAddress(string ssid, string password, IPConfiguration ipConfiguration, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) { throw null; }
        public static NetworkHelperStatus Status { get { throw null; } }
        public static System.Exception HelperException { get { throw null; } }
    }
}
