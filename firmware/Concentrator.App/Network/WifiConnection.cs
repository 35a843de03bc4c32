using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;

namespace Concentrator.App.Network
{
    /// <summary>
    /// Joins the Wi-Fi network with DHCP or the static address of the configuration (<see cref="InterfaceAddress"/>:
    /// <c>WifiNetworkHelper.ConnectFixAddress</c>, which waits until the interface has that address). Once joined, the ESP32 reconnects by itself after a drop
    /// (<see cref="WifiReconnectionKind.Automatic"/>); the MQTT loop asks for a fresh join only when the broker stays
    /// unreachable (<see cref="NetworkConnection.MarkSuspect"/>).
    /// </summary>
    public sealed class WifiConnection : NetworkConnection
    {
        private readonly string _ssid;
        private readonly string _password;
        private readonly InterfaceAddress _address;

        public WifiConnection(string ssid, string password, int timeoutSeconds, InterfaceAddress address)
            : base(timeoutSeconds)
        {
            _ssid = ssid;
            _password = password;
            _address = address;
        }

        protected override string Kind
        {
            get { return "Wi-Fi"; }
        }

        /// <summary>
        /// Scan, associate, wait for an address. The clock is not waited for (no SNTP requirement), so a network
        /// without internet access works; "received" times are right once SNTP has run.
        /// </summary>
        protected override bool Attempt(CancellationToken token)
        {
            _address.ApplyTo(NetworkInterfaceType.Wireless80211, "Wi-Fi");
            bool joined = _address.IsStatic
                ? WifiNetworkHelper.ConnectFixAddress(_ssid, _password, _address.ToIPConfiguration(), WifiReconnectionKind.Automatic, false, 0, token)
                : WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, false, 0, token);
            if (joined)
            {
                Log.Info("Wi-Fi: joined " + _ssid + ", " + _address.Describe());
                return true;
            }

            Exception cause = WifiNetworkHelper.HelperException;
            Log.Warn("Wi-Fi: joining " + _ssid + " failed, status " + WifiNetworkHelper.Status.ToString()
                + (cause != null ? " (" + cause.Message + ")" : string.Empty));
            return false;
        }
    }
}
