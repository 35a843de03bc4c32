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

namespace System.Device.Wifi
{
    // Only the members the firmware uses (verified in nanoframework/System.Device.Wifi, WifiAdapter.cs,
    // WifiNetworkReport.cs, WifiAvailableNetwork.cs). The report is the native result of the last scan.
    public sealed class WifiAdapter : IDisposable
    {
        internal WifiAdapter() { }
        public static WifiAdapter[] FindAllAdapters() { throw null; }
        public WifiNetworkReport NetworkReport { get { throw null; } }
        public void ScanAsync() { }
        public void Dispose() { }
    }

    public class WifiNetworkReport
    {
        internal WifiNetworkReport() { }
        public WifiAvailableNetwork[] AvailableNetworks { get { throw null; } }
    }

    public class WifiAvailableNetwork
    {
        public string Ssid { get { throw null; } }
        public double NetworkRssiInDecibelMilliwatts { get { throw null; } }
    }
}
