using System;
using System.Threading;
using nanoFramework.Networking;

namespace Concentrator.App.Network
{
    /// <summary>
    /// Wired Ethernet (boards whose profile says <c>Ethernet</c>, e.g. the Olimex ESP32-POE with the ESP32_OLIMEX
    /// firmware image, which configures the PHY). Waits, bounded by a cancellation timeout, for the interface to come up
    /// with a DHCP address; the clock is not waited for.
    /// </summary>
    public sealed class EthernetConnection : INetworkConnection
    {
        private readonly int _timeoutMilliseconds;

        public EthernetConnection(int timeoutSeconds)
        {
            _timeoutMilliseconds = timeoutSeconds * 1000;
        }

        public bool IsJoined { get; private set; }

        public bool Join()
        {
            CancellationTokenSource timeout = new CancellationTokenSource(_timeoutMilliseconds);
            try
            {
                bool up = NetworkHelper.SetupAndConnectNetwork(timeout.Token, false);
                if (up)
                {
                    Log.Info("Ethernet: up");
                }
                else
                {
                    Exception cause = NetworkHelper.HelperException;
                    Log.Warn("Ethernet: no address, status " + NetworkHelper.Status.ToString()
                        + (cause != null ? " (" + cause.Message + ")" : string.Empty) + "; check the cable and the DHCP server");
                }

                IsJoined = up;
                return up;
            }
            catch (Exception ex)
            {
                Log.Warn("Ethernet: " + ex.Message);
                IsJoined = false;
                return false;
            }
            finally
            {
                timeout.Dispose();
            }
        }

        public void MarkSuspect()
        {
            IsJoined = false;
        }
    }
}
