using System;
using System.Threading;
using nanoFramework.Networking;

namespace Concentrator.App.Network
{
    /// <summary>
    /// Wired Ethernet (boards whose profile says <c>Ethernet</c>, e.g. the Olimex ESP32-POE with the ESP32_OLIMEX
    /// firmware image, which configures the PHY): waits for the link and a DHCP address; the clock is not waited for.
    /// </summary>
    public sealed class EthernetConnection : NetworkConnection
    {
        public EthernetConnection(int timeoutSeconds)
            : base(timeoutSeconds)
        {
        }

        protected override string Kind
        {
            get { return "Ethernet"; }
        }

        protected override bool Attempt(CancellationToken token)
        {
            if (NetworkHelper.SetupAndConnectNetwork(token, false))
            {
                Log.Info("Ethernet: up");
                return true;
            }

            Exception cause = NetworkHelper.HelperException;
            Log.Warn("Ethernet: no address, status " + NetworkHelper.Status.ToString()
                + (cause != null ? " (" + cause.Message + ")" : string.Empty) + "; check the cable and the DHCP server");
            return false;
        }
    }
}
