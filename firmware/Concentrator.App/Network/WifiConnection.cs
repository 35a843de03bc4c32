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
        /// <summary>A scan for a fresh signal figure at most this often (a scan takes the radio off the channel briefly).</summary>
        private const long ScanIntervalMilliseconds = 600000;

        private readonly string _ssid;
        private readonly string _password;
        private readonly InterfaceAddress _address;
        private WifiAdapter _adapter;
        private long _lastScan = -ScanIntervalMilliseconds;

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
        /// The RSSI of the joined network from the adapter's last scan report (nanoFramework has no RSSI of the current
        /// association), and a new scan started when the last is older than 10 minutes, so the next INFO or DIAG shows a
        /// fresh figure. Unknown until a scan has seen the network.
        /// </summary>
        public override int SignalDbm()
        {
            int signal = Concentrator.Core.Commands.ConcentratorStatus.UnknownSignal;
            try
            {
                if (_adapter == null)
                {
                    WifiAdapter[] adapters = WifiAdapter.FindAllAdapters();
                    if (adapters.Length == 0)
                    {
                        return signal;
                    }

                    _adapter = adapters[0];
                }

                WifiAvailableNetwork[] networks = _adapter.NetworkReport.AvailableNetworks;
                for (int i = 0; i < networks.Length; i++)
                {
                    if (SameSsid(networks[i].Ssid, _ssid))
                    {
                        signal = (int)networks[i].NetworkRssiInDecibelMilliwatts;
                        break;
                    }
                }

                long now = Environment.TickCount64;
                if (IsJoined && now - _lastScan >= ScanIntervalMilliseconds)
                {
                    _lastScan = now;
                    _adapter.ScanAsync();
                }
            }
            catch (Exception ex)
            {
                Log.Warn("Wi-Fi: signal unknown: " + ex.Message);
            }

            return signal;
        }

        // The native report's SSID carries all 33 bytes of its record: compare up to the first NUL.
        private static bool SameSsid(string reported, string ssid)
        {
            if (reported == null || reported.Length < ssid.Length)
            {
                return false;
            }

            for (int i = 0; i < ssid.Length; i++)
            {
                if (reported[i] != ssid[i])
                {
                    return false;
                }
            }

            for (int i = ssid.Length; i < reported.Length; i++)
            {
                if (reported[i] != '\0')
                {
                    return false;
                }
            }

            return true;
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
