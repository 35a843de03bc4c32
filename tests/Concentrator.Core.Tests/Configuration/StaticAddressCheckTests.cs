using Concentrator.Core.Configuration;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Configuration
{
    [TestClass]
    public class StaticAddressCheckTests
    {
        [TestMethod]
        [DataRow("192.168.1.50", "255.255.255.0", "192.168.1.1", "")]
        [DataRow("192.168.1.50", "255.255.255.0", "192.168.1.1", "1.1.1.1")]
        [DataRow("10.20.30.40", "255.0.0.0", "10.0.0.1", "10.0.0.53")]
        [DataRow("172.16.5.2", "255.255.255.252", "172.16.5.1", "")]
        [DataRow("100.64.0.9", "255.192.0.0", "100.64.0.1", "")]
        public void Usable_setups_pass(string ip, string mask, string gateway, string dns)
        {
            Assert.IsNull(StaticAddressCheck.Problem(ip, mask, gateway, dns));
        }

        [TestMethod]
        [DataRow("0.1.2.3", "255.255.255.0", "0.1.2.1", "", "net.ip: 0.1.2.3 is in 0.0.0.0/8 (\"this network\"); expected a host address")]
        [DataRow("127.0.0.5", "255.0.0.0", "127.0.0.1", "", "net.ip: 127.0.0.5 is a loopback address; expected a host address on the network")]
        [DataRow("224.0.0.9", "255.255.255.0", "224.0.0.1", "", "net.ip: 224.0.0.9 is a multicast or reserved address; expected a host address")]
        [DataRow("255.255.255.255", "255.255.255.0", "192.168.1.1", "", "net.ip: 255.255.255.255 is a multicast or reserved address; expected a host address")]
        [DataRow("192.168.1.50", "255.255.0.255", "192.168.1.1", "", "net.mask: 255.255.0.255 is not a subnet mask (the ones must come first, e.g. 255.255.255.0)")]
        [DataRow("192.168.1.50", "0.0.0.0", "192.168.1.1", "", "net.mask: expected a subnet mask from /1 to /30 (255.255.255.0 is /24), got 0.0.0.0 (/0)")]
        [DataRow("192.168.1.50", "255.255.255.255", "192.168.1.1", "", "net.mask: expected a subnet mask from /1 to /30 (255.255.255.0 is /24), got 255.255.255.255 (/32)")]
        [DataRow("192.168.1.50", "255.255.255.254", "192.168.1.51", "", "net.mask: expected a subnet mask from /1 to /30 (255.255.255.0 is /24), got 255.255.255.254 (/31)")]
        [DataRow("192.168.1.0", "255.255.255.0", "192.168.1.1", "", "net.ip: 192.168.1.0 is the network address of 192.168.1.0/255.255.255.0; expected a host address")]
        [DataRow("192.168.1.255", "255.255.255.0", "192.168.1.1", "", "net.ip: 192.168.1.255 is the broadcast address of 192.168.1.255/255.255.255.0; expected a host address")]
        [DataRow("192.168.1.50", "255.255.255.0", "", "", "net.gateway: expected the gateway of the static address net.ip=192.168.1.50, got nothing")]
        [DataRow("192.168.1.50", "255.255.255.0", "192.168.2.1", "", "net.gateway: 192.168.2.1 is outside the subnet of net.ip=192.168.1.50/255.255.255.0; the gateway must be reachable directly")]
        [DataRow("192.168.1.50", "255.255.255.0", "192.168.1.50", "", "net.gateway: 192.168.1.50 is the board's own address net.ip; expected the router's")]
        [DataRow("192.168.1.50", "255.255.255.0", "192.168.1.255", "", "net.gateway: 192.168.1.255 is the network or broadcast address of 192.168.1.50/255.255.255.0; expected the router's address")]
        [DataRow("192.168.1.50", "255.255.255.0", "192.168.1.1", "127.0.0.53", "net.dns: 127.0.0.53 is a loopback address; expected a host address on the network")]
        [DataRow("192.168.1.50", "255.255.255.0", "192.168.1.1", "8.8.8", "net.dns: expected an IPv4 address or nothing, got '8.8.8'")]
        [DataRow("192.168.1.500", "255.255.255.0", "192.168.1.1", "", "net.ip: expected an IPv4 address, got '192.168.1.500'")]
        public void Each_mistake_is_refused_with_what_was_wrong(string ip, string mask, string gateway, string dns, string problem)
        {
            Assert.AreEqual(problem, StaticAddressCheck.Problem(ip, mask, gateway, dns));
        }

        [TestMethod]
        [DataRow("255.255.255.0", 24)]
        [DataRow("255.255.254.0", 23)]
        [DataRow("128.0.0.0", 1)]
        [DataRow("255.255.255.255", 32)]
        [DataRow("0.0.0.0", 0)]
        [DataRow("255.0.255.0", -1)]
        [DataRow("0.255.255.255", -1)]
        public void Prefix_length_counts_the_leading_ones_and_refuses_holes(string mask, int prefix)
        {
            uint value;
            Assert.IsTrue(StaticAddressCheck.TryParse(mask, out value));
            Assert.AreEqual(prefix, StaticAddressCheck.PrefixLength(value));
        }

        [TestMethod]
        public void Parse_puts_the_first_octet_high()
        {
            uint value;
            Assert.IsTrue(StaticAddressCheck.TryParse("192.168.1.50", out value));
            Assert.AreEqual(0xC0A80132u, value);
            Assert.IsFalse(StaticAddressCheck.TryParse("192.168.01.50", out value));
        }

        [TestMethod]
        public void Configuration_validation_uses_the_check_and_wants_dns_for_a_broker_name()
        {
            ConcentratorConfiguration configuration = ConfigurationStoreTests.Sample("broker.example.net");
            string said;
            configuration.Apply("net.ip", "192.168.1.50", out said);
            configuration.Apply("net.gateway", "192.168.2.1", out said);
            Assert.AreEqual("net.gateway: 192.168.2.1 is outside the subnet of net.ip=192.168.1.50/255.255.255.0; the gateway must be reachable directly", configuration.Validate());

            configuration.Apply("net.gateway", "192.168.1.1", out said);
            Assert.AreEqual("net.dns: expected a DNS server to resolve mqtt.host=broker.example.net with the static address net.ip=192.168.1.50, got nothing", configuration.Validate());

            configuration.Apply("net.dns", "192.168.1.1", out said);
            Assert.IsNull(configuration.Validate());

            // A broker given by address needs no DNS; DHCP needs none of this.
            configuration.Apply("net.dns", "", out said);
            configuration.Apply("mqtt.host", "10.0.25.30", out said);
            Assert.IsNull(configuration.Validate());
            configuration.Apply("net.ip", "", out said);
            configuration.Apply("net.gateway", "10.9.9.9", out said);
            Assert.IsNull(configuration.Validate());
        }
    }
}
