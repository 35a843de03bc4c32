using Concentrator.Core.Configuration;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Configuration
{
    [TestClass]
    public class ConfigurationChangeTests
    {
        // The running configuration of these tests: Wi-Fi, a broker, a P1 meter and one RS485 meter polled every 300 s.
        private static ConcentratorConfiguration Running()
        {
            return ConfigurationStoreTests.Sample("broker.example.net");
        }

        private static ConcentratorConfiguration Changed(string key, string value)
        {
            ConcentratorConfiguration next = Running();
            string expected;
            Assert.AreEqual((int)SettingResult.Ok, (int)next.Apply(key, value, out expected), key + ": " + expected);
            return next;
        }

        private static ConfigurationChange Compare(string key, string value)
        {
            return ConfigurationChange.Between(Running(), Changed(key, value));
        }

        [TestMethod]
        public void Equal_configurations_differ_in_nothing()
        {
            ConfigurationChange change = ConfigurationChange.Between(Running(), Running());
            Assert.IsTrue(change.IsEmpty);
            Assert.IsFalse(change.NeedsRestart);
            Assert.IsFalse(change.NeedsReconnect);
            Assert.AreEqual(0, change.IntervalChangeCount);
            Assert.AreEqual("nothing", ConfigurationChange.Describe(change.Areas));
        }

        [TestMethod]
        [DataRow("admin.password", "Kabinet-7", (int)ConfigurationArea.Password)]
        [DataRow("status.interval_h", "6", (int)ConfigurationArea.StatusInterval)]
        [DataRow("poll.interval_s", "60", (int)ConfigurationArea.DefaultPollInterval)]
        [DataRow("gsm.apn", "internet.t-mobile.cz", (int)ConfigurationArea.GsmData)]
        [DataRow("gsm.user", "internet", (int)ConfigurationArea.GsmData)]
        [DataRow("gsm.password", "pw", (int)ConfigurationArea.GsmData)]
        public void Live_and_stored_areas_need_no_restart(string key, string value, int area)
        {
            ConfigurationChange change = Compare(key, value);
            Assert.AreEqual(area, (int)change.Areas);
            Assert.IsFalse(change.NeedsRestart, key);
            Assert.IsFalse(change.NeedsReconnect, key);
        }

        [TestMethod]
        [DataRow("mqtt.host", "10.0.25.30")]
        [DataRow("mqtt.port", "8883")]
        [DataRow("mqtt.user", "gw")]
        [DataRow("mqtt.password", "secret")]
        [DataRow("mqtt.tls", "1")]
        [DataRow("mqtt.keepalive_s", "120")]
        [DataRow("mqtt.ca_file", "I:\\other-ca.pem")]
        public void Broker_settings_need_a_new_session_not_a_restart(string key, string value)
        {
            ConfigurationChange change = Compare(key, value);
            Assert.AreEqual((int)ConfigurationArea.Broker, (int)change.Areas, key);
            Assert.IsTrue(change.NeedsReconnect, key);
            Assert.IsFalse(change.NeedsRestart, key);
        }

        [TestMethod]
        [DataRow("net.mode", "ethernet", (int)ConfigurationArea.Network)]
        [DataRow("wifi.ssid", "Other room", (int)ConfigurationArea.Network)]
        [DataRow("wifi.password", "other", (int)ConfigurationArea.Network)]
        [DataRow("wifi.timeout_s", "30", (int)ConfigurationArea.Network)]
        [DataRow("net.ip", "192.168.1.50", (int)ConfigurationArea.Network)]
        [DataRow("net.mask", "255.255.0.0", (int)ConfigurationArea.Network)]
        [DataRow("net.gateway", "192.168.1.1", (int)ConfigurationArea.Network)]
        [DataRow("net.dns", "192.168.1.1", (int)ConfigurationArea.Network)]
        [DataRow("device.id", "gw-7", (int)ConfigurationArea.Topics)]
        [DataRow("topic.prefix", "site/north", (int)ConfigurationArea.Topics)]
        [DataRow("modem.port", "COM3", (int)ConfigurationArea.Modem)]
        [DataRow("modem.baud", "9600", (int)ConfigurationArea.Modem)]
        [DataRow("board", "olimex-poe-eth", (int)ConfigurationArea.Board)]
        [DataRow("p1.port", "COM2", (int)ConfigurationArea.Board)]
        [DataRow("queue.bytes", "262144", (int)ConfigurationArea.Board)]
        [DataRow("mqtt.payload_bytes", "2048", (int)ConfigurationArea.Buffers)]
        [DataRow("report.interval_s", "300", (int)ConfigurationArea.Buffers)]
        public void What_is_set_up_once_at_start_needs_a_restart(string key, string value, int area)
        {
            ConfigurationChange change = Compare(key, value);
            Assert.AreEqual(area, (int)change.Areas, key);
            Assert.IsTrue(change.NeedsRestart, key);
        }

        [TestMethod]
        public void A_board_entry_removed_counts_like_one_changed()
        {
            ConcentratorConfiguration running = Changed("modem.rx_pin", "16");
            ConfigurationChange change = ConfigurationChange.Between(running, Running());
            Assert.AreEqual((int)ConfigurationArea.Modem, (int)change.Areas);
        }

        [TestMethod]
        public void Interval_of_a_polled_meter_is_a_live_change_with_its_new_value()
        {
            ConcentratorConfiguration next = Running();
            next.Meter(next.IndexOfMeter("bus-07")).IntervalSeconds = 60;

            ConfigurationChange change = ConfigurationChange.Between(Running(), next);

            Assert.AreEqual((int)ConfigurationArea.PollIntervals, (int)change.Areas);
            Assert.IsFalse(change.NeedsRestart);
            Assert.AreEqual(1, change.IntervalChangeCount);
            Assert.AreEqual("bus-07", change.IntervalMeter(0));
            Assert.AreEqual(60, change.IntervalSeconds(0));
        }

        [TestMethod]
        public void Interval_of_a_push_meter_changes_nothing_that_runs()
        {
            ConcentratorConfiguration next = Running();
            next.Meter(next.IndexOfMeter("p1")).IntervalSeconds = 900;

            ConfigurationChange change = ConfigurationChange.Between(Running(), next);

            Assert.IsTrue(change.IsEmpty);
            Assert.AreEqual(0, change.IntervalChangeCount);
        }

        [TestMethod]
        [DataRow(0)]
        public void A_polled_meter_turned_push_leaves_the_schedule_so_the_ports_restart(int interval)
        {
            ConcentratorConfiguration next = Running();
            next.Meter(next.IndexOfMeter("bus-07")).IntervalSeconds = interval;

            ConfigurationChange change = ConfigurationChange.Between(Running(), next);

            Assert.AreEqual((int)ConfigurationArea.Meters, (int)change.Areas);
            Assert.IsTrue(change.NeedsRestart);
            Assert.AreEqual(0, change.IntervalChangeCount);
        }

        [TestMethod]
        [DataRow("ID=bus-08 PORT=485 PROTO=HDLC ADDR=1/1235", "added")]
        [DataRow("ID=bus-07 PORT=485 PROTO=HDLC ADDR=1/9999 MPWD=00000000 INT=300", "address")]
        [DataRow("ID=bus-07 PORT=485 PROTO=HDLC ADDR=1/1234 MPWD=11111111 INT=300", "password")]
        [DataRow("ID=bus-07 PORT=485 PROTO=HDLC ADDR=1/1234 MPWD=00000000 INT=300 BAUD=2400", "baud")]
        [DataRow("ID=bus-07 PORT=485 PROTO=HDLC ADDR=1/1234 MPWD=00000000 INT=300 OBJ=1.8.0", "objects")]
        [DataRow("ID=bus-07 PORT=485 PROTO=HDLC ADDR=1/1234 MPWD=00000000 INT=300 PRIO=2", "priority")]
        [DataRow("ID=bus-07 PORT=OPTO PROTO=IEC MPWD=00000000 INT=300", "port")]
        public void Meter_added_or_changed_beyond_its_interval_needs_a_restart(string meter, string what)
        {
            ConcentratorConfiguration next = Running();
            ConcentratorConfiguration parsed = new ConcentratorConfiguration();
            string expected;
            Assert.AreEqual((int)SettingResult.Ok, (int)parsed.Apply("meter", meter, out expected), expected);
            next.PutMeter(parsed.Meter(0));

            ConfigurationChange change = ConfigurationChange.Between(Running(), next);

            Assert.AreEqual((int)ConfigurationArea.Meters, (int)change.Areas, what);
            Assert.IsTrue(change.NeedsRestart, what);
        }

        [TestMethod]
        public void Meter_removed_needs_a_restart_and_removed_then_added_back_is_no_change()
        {
            ConcentratorConfiguration without = Running();
            without.RemoveMeter("p1");
            Assert.AreEqual((int)ConfigurationArea.Meters, (int)ConfigurationChange.Between(Running(), without).Areas);

            // Back again, now last in the inventory: meters are matched by id, the order does not matter.
            string expected;
            without.Apply("meter", "ID=p1 PORT=P1 PROTO=DSMR INT=0", out expected);
            Assert.IsTrue(ConfigurationChange.Between(Running(), without).IsEmpty);
        }

        [TestMethod]
        public void Several_areas_are_all_reported_and_named()
        {
            ConcentratorConfiguration next = Changed("net.mode", "ethernet");
            string expected;
            next.Apply("admin.password", "Kabinet-7", out expected);
            next.Apply("mqtt.port", "8883", out expected);
            next.Meter(next.IndexOfMeter("bus-07")).IntervalSeconds = 600;

            ConfigurationChange change = ConfigurationChange.Between(Running(), next);

            Assert.IsTrue(change.Touches(ConfigurationArea.Network));
            Assert.IsTrue(change.Touches(ConfigurationArea.Password));
            Assert.IsTrue(change.Touches(ConfigurationArea.Broker));
            Assert.IsTrue(change.Touches(ConfigurationArea.PollIntervals));
            Assert.IsFalse(change.Touches(ConfigurationArea.Meters));
            Assert.IsTrue(change.NeedsRestart);
            Assert.AreEqual("password, poll intervals, broker, network", ConfigurationChange.Describe(change.Areas));
        }

        [TestMethod]
        public void Null_configurations_are_refused()
        {
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => ConfigurationChange.Between(null, Running()));
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => ConfigurationChange.Between(Running(), null));
        }
    }
}
