using System.Net.NetworkInformation;
using Concentrator.Core.Configuration;
using nanoFramework.Networking;

namespace Concentrator.App.Network
{
    /// <summary>
    /// The board's IPv4 setup from the configuration: DHCP when <c>net.ip</c> is empty, else the static address,
    /// mask, gateway and DNS (checked together at load and by the commands: Core's <see cref="StaticAddressCheck"/>).
    /// The ESP32 keeps an interface's address setup in its own flash across restarts, and nanoFramework's helpers
    /// leave an interface that is already joined as it is, so the setup is written to the interface here, before
    /// each join, whenever it differs from what the interface holds: a static address set by an earlier
    /// configuration does not outlive a change back to DHCP, and a new gateway or mask is not ignored.
    /// </summary>
    public sealed class InterfaceAddress
    {
        private readonly string _ip;
        private readonly string _mask;
        private readonly string _gateway;
        private readonly string _dns;

        public InterfaceAddress(ConcentratorConfiguration configuration)
        {
            _ip = configuration.StaticIp;
            _mask = configuration.Netmask;
            _gateway = configuration.Gateway;
            _dns = configuration.Dns;
        }

        public bool IsStatic
        {
            get { return _ip.Length > 0; }
        }

        /// <summary>The static setup for the network helpers, or null for DHCP.</summary>
        public IPConfiguration ToIPConfiguration()
        {
            if (!IsStatic)
            {
                return null;
            }

            return new IPConfiguration(_ip, _mask, _gateway, _dns.Length == 0 ? null : new string[] { _dns });
        }

        /// <summary>"DHCP" or "static 192.168.1.50/255.255.255.0 via 192.168.1.1, DNS 192.168.1.1", for the log.</summary>
        public string Describe()
        {
            if (!IsStatic)
            {
                return "DHCP";
            }

            return "static " + _ip + "/" + _mask + " via " + _gateway + (_dns.Length == 0 ? string.Empty : ", DNS " + _dns);
        }

        /// <summary>Writes the setup to every interface of the type where it differs; logs what it changed.</summary>
        public void ApplyTo(NetworkInterfaceType type, string kind)
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                NetworkInterface network = interfaces[i];
                if (network.NetworkInterfaceType != type)
                {
                    continue;
                }

                if (!IsStatic)
                {
                    if (!network.IsDhcpEnabled)
                    {
                        Log.Info(kind + ": static address " + network.IPv4Address + " dropped, DHCP from now on");
                        network.EnableDhcp();
#pragma warning disable CS0618 // the helpers reset DNS the same way after EnableDhcp
                        network.EnableAutomaticDns();
#pragma warning restore CS0618
                    }

                    continue;
                }

                if (network.IsDhcpEnabled || network.IPv4Address != _ip || network.IPv4SubnetMask != _mask || network.IPv4GatewayAddress != _gateway)
                {
                    Log.Info(kind + ": setting " + Describe());
                    network.EnableStaticIPv4(_ip, _mask, _gateway);
                }

                string[] servers = network.IPv4DnsAddresses;
                if (_dns.Length > 0 && (servers.Length == 0 || servers[0] != _dns))
                {
                    network.EnableStaticIPv4Dns(new string[] { _dns });
                }
            }
        }
    }
}
