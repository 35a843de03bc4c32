using Concentrator.Core.Configuration;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Configuration
{
    [TestClass]
    public class ConcentratorConfigurationTests
    {
        [TestMethod]
        [DataRow("mqtt.port", "0", "a number from 1 to 65535")]
        [DataRow("net.mode", "WIFI", "wifi, ethernet or gsm")]
        [DataRow("net.ip", "192.168.1", "an IPv4 address or nothing")]
        [DataRow("net.mask", "", "an IPv4 address")]
        [DataRow("device.id", "a/b", "letters, digits, '-', '_' or '.', 1 to 32 characters")]
        [DataRow("topic.prefix", "/a", "names of letters, digits, '-', '_', '.' joined by '/'")]
        [DataRow("admin.password", "abc", "4 to 32 printable characters without spaces")]
        [DataRow("mqtt.tls", "yes", "0 or 1")]
        [DataRow("status.interval_h", "25", "a number from 0 to 24")]
        [DataRow("meter", "ID=x PORT=485 PROTO=HDLC FOO=1", "one of ID, PORT, PROTO, ADDR, MPWD, BAUD, INT, PRIO, OBJ, got FOO")]
        [DataRow("meter", "ID=x PORT=RS485", "PORT OPTO, 485, P1, SML or TCP")]
        [DataRow("meter", "PORT=485", "an ID=")]
        public void Bad_value_says_what_was_expected_and_keeps_the_old_value(string key, string value, string expected)
        {
            ConcentratorConfiguration configuration = new ConcentratorConfiguration();
            string before = configuration.ToText();
            string said;

            Assert.AreEqual((int)SettingResult.BadValue, (int)configuration.Apply(key, value, out said));
            Assert.AreEqual(expected, said);
            Assert.AreEqual(before, configuration.ToText());
        }

        [TestMethod]
        public void Unknown_key_is_reported_as_such_and_board_keys_are_kept_verbatim()
        {
            ConcentratorConfiguration configuration = new ConcentratorConfiguration();
            string said;
            Assert.AreEqual((int)SettingResult.UnknownName, (int)configuration.Apply("wifi.sid", "x", out said));
            Assert.AreEqual((int)SettingResult.Ok, (int)configuration.Apply("modem.rx_pin", "16", out said));
            Assert.AreEqual((int)SettingResult.Ok, (int)configuration.Apply("modem.rx_pin", "18", out said));
            Assert.AreEqual(1, configuration.BoardEntryCount);
            Assert.AreEqual("18", configuration.FindBoardValue("modem.rx_pin"));
        }

        [TestMethod]
        public void Duplicate_meter_id_is_refused()
        {
            ConcentratorConfiguration configuration = new ConcentratorConfiguration();
            string said;
            Assert.AreEqual((int)SettingResult.Ok, (int)configuration.Apply("meter", "ID=m PORT=485 PROTO=IEC", out said));
            Assert.AreEqual((int)SettingResult.BadValue, (int)configuration.Apply("meter", "ID=m PORT=OPTO PROTO=IEC", out said));
            Assert.AreEqual("a meter id not used before, got m again", said);
            Assert.AreEqual(1, configuration.MeterCount);
        }

        [TestMethod]
        public void Validation_names_the_missing_key_for_each_network_mode()
        {
            ConcentratorConfiguration configuration = new ConcentratorConfiguration();
            string said;
            configuration.Apply("net.mode", "gsm", out said);
            Assert.AreEqual("gsm.apn: expected the provider's access point name (net.mode=gsm), got nothing", configuration.Validate());
            configuration.Apply("gsm.apn", "internet", out said);
            Assert.AreEqual("mqtt.host: expected the broker's host name or address, got nothing", configuration.Validate());
            configuration.Apply("mqtt.host", "10.0.0.1", out said);
            configuration.Apply("net.ip", "10.0.0.9", out said);
            Assert.AreEqual("net.gateway: expected the gateway of the static address net.ip=10.0.0.9, got nothing", configuration.Validate());
            configuration.Apply("net.gateway", "10.0.0.1", out said);
            Assert.IsNull(configuration.Validate());
        }

        [TestMethod]
        public void Clone_is_deep_so_a_command_cannot_change_the_configuration_in_force()
        {
            ConcentratorConfiguration original = ConfigurationStoreTests.Sample("broker");
            ConcentratorConfiguration copy = original.Clone();
            copy.Meter(1).Address = "9/9999";
            copy.RemoveMeter("p1");
            copy.MqttHost = "other";

            Assert.AreEqual("1/1234", original.Meter(1).Address);
            Assert.AreEqual(2, original.MeterCount);
            Assert.AreEqual("broker", original.MqttHost);
        }

        [TestMethod]
        public void The_example_settings_file_loads_without_problems()
        {
            // The required lines of firmware/Concentrator.App/concentrator.conf.example and its commented meter lines.
            MemoryConfigurationStorage storage = new MemoryConfigurationStorage();
            storage.Put("c", Ascii.Bytes("wifi.ssid=MyNetwork\nwifi.password=change-me\nmqtt.host=192.168.1.10\n#admin.password=HELLO\nmeter=ID=p1 PORT=P1 PROTO=DSMR INT=0\nmeter=ID=bus-07 PORT=485 PROTO=HDLC ADDR=1/1234 MPWD=00000000 INT=900\nmodem.port=COM3\n"));
            ConfigurationLoad load = new ConfigurationStore(storage, "c").Load();
            Assert.AreEqual(0, load.ProblemCount);
            Assert.IsNull(load.ValidationProblem);
            Assert.AreEqual(2, load.Configuration.MeterCount);
        }
    }
}
