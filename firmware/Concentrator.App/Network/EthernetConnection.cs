using System;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;

namespace Concentrator.App.Network
{
    /// <summary>
    /// Wired Ethernet (boards whose profile says <c>Ethernet</c>, e.g. the Olimex ESP32-POE with the ESP32_OLIMEX
    /// firmware image, which configures the PHY): waits for the link and a DHCP address, or sets the static address of
    /// the configuration (<see cref="InterfaceAddress"/>) and waits until the interface has it; the clock is not waited for.
    /// </summary>
    public sealed class EthernetConnection : NetworkConnection
    {
        private readonly InterfaceAddress _address;

        public EthernetConnection(int timeoutSeconds, InterfaceAddress address)
            : base(timeoutSeconds)
        {
            _address = address;
        }

        protected override string Kind
        {
            get { return "Ethernet"; }
        }

        protected override bool Attempt(CancellationToken token)
        {
            _address.ApplyTo(NetworkInterfaceType.Ethernet, "Ethernet");
            if (NetworkHelper.SetupAndConnectNetwork(_address.ToIPConfiguration(), token, false))
            {
                Log.Info("Ethernet: up, " + _address.Describe());
                return true;
            }

            Exception cause = NetworkHelper.HelperException;
            Log.Warn("Ethernet: no address, status " + NetworkHelper.Status.ToString()
                + (cause != null ? " (" + cause.Message + ")" : string.Empty)
                + (_address.IsStatic ? "; check the cable (static " + _address.Describe() + ")" : "; check the cable and the DHCP server"));
            return false;
        }
    }
}
