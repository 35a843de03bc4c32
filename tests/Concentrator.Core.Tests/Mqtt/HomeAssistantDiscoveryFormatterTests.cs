using Concentrator.Core.Dsmr;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Mqtt
{
    [TestClass]
    public class HomeAssistantDiscoveryFormatterTests
    {
        private static ReadingSet E350()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42);
            int position = 0;
            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            return decoder.Readings;
        }

        private static int IndexOf(ReadingSet set, string obis)
        {
            for (int i = 0; i < set.Count; i++)
            {
                if (set[i].Obis.ToString() == obis)
                {
                    return i;
                }
            }

            return -1;
        }

        [TestMethod]
        public void Energy_register_config_has_the_documented_shape()
        {
            ReadingSet set = E350();
            JsonWriter writer = new JsonWriter(2048);
            HomeAssistantSensorKind kind = new HomeAssistantDiscoveryFormatter().Write(writer, "gw1", "p1", "concentrator/gw1/meters/p1/readings",
                "concentrator/gw1/status", set, set[IndexOf(set, "1-0:1.8.1*255")]);

            Assert.AreEqual((int)HomeAssistantSensorKind.Energy, (int)kind);
            string expected =
                "{\"name\":\"Energy import tariff 1\",\"unique_id\":\"gw1_p1_1_0_1_8_1_255\",\"object_id\":\"gw1_p1_1_0_1_8_1_255\"," +
                "\"state_topic\":\"concentrator/gw1/meters/p1/readings\"," +
                "\"value_template\":\"{{ value_json.readings['1-0:1.8.1*255'].value }}\"," +
                "\"device_class\":\"energy\",\"state_class\":\"total_increasing\",\"unit_of_measurement\":\"kWh\"," +
                "\"availability_topic\":\"concentrator/gw1/status\",\"availability_template\":\"{{ value_json.state }}\"," +
                "\"payload_available\":\"online\",\"payload_not_available\":\"offline\"," +
                "\"device\":{\"identifiers\":[\"gw1_p1\"],\"name\":\"p1\",\"model\":\"XMX5LGBBFG1009325446\",\"via_device\":\"gw1\"}}";
            Assert.AreEqual(expected, Ascii.Text(writer.Buffer, 0, writer.Length));
            Assert.AreEqual("homeassistant/sensor/gw1/p1_1_0_1_8_1_255/config",
                MqttTopics.DiscoveryConfig(MqttTopics.HomeAssistantPrefix, "gw1", "p1", set[IndexOf(set, "1-0:1.8.1*255")].Obis));
        }

        [TestMethod]
        public void Every_reading_of_a_real_telegram_gets_the_right_kind()
        {
            ReadingSet set = E350();
            JsonWriter writer = new JsonWriter(2048);
            HomeAssistantDiscoveryFormatter formatter = new HomeAssistantDiscoveryFormatter();
            int sensors = 0;
            for (int i = 0; i < set.Count; i++)
            {
                writer.Reset();
                HomeAssistantSensorKind kind = formatter.Write(writer, "gw1", "p1", "s", "a", set, set[i]);
                Assert.IsFalse(writer.Overflowed);
                if (kind != HomeAssistantSensorKind.None)
                {
                    sensors++;
                }
                else
                {
                    Assert.AreEqual(0, writer.Length, "nothing written for a reading that is no sensor");
                }
            }

            // 1.8.1, 1.8.2, 2.8.1, 2.8.2 energy; 1.7.0, 2.7.0, 21.7.0, 22.7.0 power; 31.7.0 current; 0-1:24.2.1 gas.
            Assert.AreEqual(10, sensors);
            writer.Reset();
            Assert.AreEqual((int)HomeAssistantSensorKind.Gas, (int)formatter.Write(writer, "gw1", "p1", "s", "a", set, set[IndexOf(set, "0-1:24.2.1*255")]));
            string gas = Ascii.Text(writer.Buffer, 0, writer.Length);
            Assert.IsTrue(gas.IndexOf("\"device_class\":\"gas\",\"state_class\":\"total_increasing\",\"unit_of_measurement\":\"m\u00b3\"") < 0,
                "the JSON is UTF-8: m³ is two bytes, compared below");
            Assert.IsTrue(gas.IndexOf("\"device_class\":\"gas\",\"state_class\":\"total_increasing\",\"unit_of_measurement\":\"m\u00c2\u00b3\"") > 0, gas);
        }
    }
}
