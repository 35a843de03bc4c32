using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace Concentrator.App.Network
{
    /// <summary>
    /// Joins the Wi-Fi network with DHCP, one attempt at a time, each bounded by a cancellation timeout. Once joined,
    /// the ESP32 reconnects by itself after a drop (<see cref="WifiReconnectionKind.Automatic"/>); the MQTT loop asks
    /// for a fresh join only when the broker stays unreachable (<see cref="MarkSuspect"/>).
    /// </summary>
    public sealed class WifiConnection : INetworkConnection
    {
        private readonly string _ssid;
        private readonly string _password;
        private readonly int _timeoutMilliseconds;

        public WifiConnection(string ssid, string password, int timeoutSeconds)
        {
            _ssid = ssid;
            _password = password;
            _timeoutMilliseconds = timeoutSeconds * 1000;
        }

        /// <summary>True after a successful join, until <see cref="MarkSuspect"/>.</summary>
        public bool IsJoined { get; private set; }

        /// <summary>
        /// One join attempt: scan, associate, wait for an address. The clock is not waited for (no SNTP
        /// requirement), so a network without internet access works; "received" times are right once SNTP has run.
        /// </summary>
        public bool Join()
        {
            CancellationTokenSource timeout = new CancellationTokenSource(_timeoutMilliseconds);
            try
            {
                bool joined = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
                if (joined)
                {
                    Log.Info("Wi-Fi: joined " + _ssid);
                }
                else
                {
                    Exception cause = WifiNetworkHelper.HelperException;
                    Log.Warn("Wi-Fi: joining " + _ssid + " failed, status " + WifiNetworkHelper.Status.ToString()
                        + (cause != null ? " (" + cause.Message + ")" : string.Empty));
                }

                IsJoined = joined;
                return joined;
            }
            catch (Exception ex)
            {
                Log.Warn("Wi-Fi: joining " + _ssid + " failed: " + ex.Message);
                IsJoined = false;
                return false;
            }
            finally
            {
                timeout.Dispose();
            }
        }

        /// <summary>The network may be gone for good (e.g. a new access point): join again before the next broker attempt.</summary>
        public void MarkSuspect()
        {
            IsJoined = false;
        }
    }
}
