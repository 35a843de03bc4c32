using Concentrator.Core.Configuration;
using Concentrator.Core.Json;
using Concentrator.Core.Meters;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Mqtt
{
    [TestClass]
    public class DeviceInfoPayloadFormatterTests
    {
        private static MeterDefinition Meter(string id, MeterPort port, MeterProtocol protocol, string address, string password, int interval)
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = id;
            meter.Port = port;
            meter.Protocol = protocol;
            meter.Address = address;
            meter.Password = password;
            meter.IntervalSeconds = interval;
            return meter;
        }

        private static ConcentratorConfiguration Configured()
        {
            ConcentratorConfiguration configuration = new ConcentratorConfiguration();
            configuration.DeviceId = "gw1";
            configuration.StatusIntervalHours = 6;
            Assert.IsTrue(configuration.PutMeter(Meter("m01", MeterPort.Rs485, MeterProtocol.DlmsHdlc, "1/17", "", 900)));
            Assert.IsTrue(configuration.PutMeter(Meter("opt", MeterPort.Optical, MeterProtocol.Iec62056_21, "", "", 3600)));
            return configuration;
        }

        private static string Format(ConcentratorConfiguration configuration, string implicitMeterId)
        {
            JsonWriter writer = new JsonWriter(2048);
            DeviceInfoPayloadFormatter.Write(writer, configuration, "concentrator firmware 0.4.0", "devkitc-wifi", "wifi", implicitMeterId, 163776, 4366);
            Assert.IsFalse(writer.Overflowed);
            return Ascii.Text(writer.Buffer, 0, writer.Length);
        }

        [TestMethod]
        public void Board_information_names_firmware_board_network_and_inventory()
        {
            Assert.AreEqual("{\"device\":\"gw1\",\"software\":\"concentrator firmware 0.4.0\",\"board\":\"devkitc-wifi\",\"network\":\"wifi\","
                + "\"meters\":[\"m01\",\"opt\"],\"inventory\":[{\"id\":\"m01\",\"port\":\"485\",\"protocol\":\"HDLC\",\"address\":\"1/17\",\"interval_s\":900},"
                + "{\"id\":\"opt\",\"port\":\"OPTO\",\"protocol\":\"IEC\",\"interval_s\":3600}],\"interval_h\":6,"
                + "\"queue_ring_bytes\":163776,\"queue_max_record\":4366}", Format(Configured(), null));
        }

        [TestMethod]
        public void A_p1_meter_outside_the_inventory_is_listed()
        {
            ConcentratorConfiguration configuration = new ConcentratorConfiguration();
            configuration.DeviceId = "gw1";
            Assert.AreEqual("{\"device\":\"gw1\",\"software\":\"concentrator firmware 0.4.0\",\"board\":\"devkitc-wifi\",\"network\":\"wifi\","
                + "\"meters\":[\"p1\"],\"inventory\":[],\"interval_h\":1,\"queue_ring_bytes\":163776,\"queue_max_record\":4366}", Format(configuration, "p1"));
        }

        [TestMethod]
        public void Desktop_information_keeps_its_shape()
        {
            JsonWriter writer = new JsonWriter(512);
            DeviceInfoPayloadFormatter.Write(writer, "gw1", "concentrator host 1.0", new string[] { "p1", "m02" }, 917440, 2048);
            Assert.AreEqual("{\"device\":\"gw1\",\"software\":\"concentrator host 1.0\",\"meters\":[\"p1\",\"m02\"],\"queue_ring_bytes\":917440,\"queue_max_record\":2048}",
                Ascii.Text(writer.Buffer, 0, writer.Length));
        }

        [TestMethod]
        public void No_secret_ever_appears_with_every_secret_set()
        {
            ConcentratorConfiguration configuration = Configured();
            configuration.AdminPassword = "Admin-S3cret";
            configuration.WifiSsid = "HomeNet";
            configuration.WifiPassword = "Wifi-K3y-S3cret";
            configuration.Apn = "internet.example";
            configuration.DataUser = "apnuser";
            configuration.DataPassword = "Apn-S3cret";
            configuration.MqttHost = "broker.example";
            configuration.MqttUser = "mqttuser";
            configuration.MqttPassword = "Mqtt-S3cret";
            Assert.IsTrue(configuration.PutMeter(Meter("sec", MeterPort.Rs485, MeterProtocol.DlmsHdlc, "1/18", "Meter-S3cret", 900)));
            string info = Format(configuration, "p1");

            string[] secrets = new string[] { configuration.AdminPassword, configuration.WifiPassword, configuration.DataPassword, configuration.MqttPassword, "Meter-S3cret" };
            for (int i = 0; i < secrets.Length; i++)
            {
                Assert.IsTrue(info.IndexOf(secrets[i]) < 0, "secret " + i.ToString() + " in " + info);
            }

            Assert.IsTrue(info.IndexOf("S3cret") < 0, info);
            Assert.IsTrue(info.IndexOf("assword") < 0, "no password field at all: " + info);
            Assert.IsTrue(info.IndexOf("\"id\":\"sec\"") > 0, "the meter itself is listed: " + info);

            // Every key the configuration itself calls secret (its saved text, line by line): its value is not in the payload.
            string text = configuration.ToText();
            int checkedSecrets = 0;
            int start = 0;
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                string line = text.Substring(start, end - start);
                int equals = line.IndexOf('=');
                if (equals > 0 && ConcentratorConfiguration.IsSecretKey(line.Substring(0, equals)))
                {
                    string value = line.Substring(equals + 1);
                    Assert.IsTrue(value.Length > 0, line.Substring(0, equals) + " was set");
                    Assert.IsTrue(info.IndexOf(value) < 0, line.Substring(0, equals) + " in " + info);
                    checkedSecrets++;
                }

                start = end + 1;
            }

            Assert.AreEqual(4, checkedSecrets, "admin, Wi-Fi, APN and MQTT passwords");
        }
    }
}
