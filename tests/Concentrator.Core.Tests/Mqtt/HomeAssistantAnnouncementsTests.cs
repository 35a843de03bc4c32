using Concentrator.Core.Dsmr;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Mqtt
{
    [TestClass]
    public class HomeAssistantAnnouncementsTests
    {
        private const string Status = "concentrator/gw1/status";
        private const string State = "concentrator/gw1/meters/p1/readings";

        private static ReadingSet Telegram(string telegram)
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(telegram);
            int position = 0;
            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            return decoder.Readings;
        }

        // A set of numbers with units, value 1 each: "1-0:1.8.0*255", "kWh", ...
        internal static ReadingSet Numbers(string model, string[] obisAndUnit)
        {
            ReadingSet set = new ReadingSet(16, 256);
            if (model != null)
            {
                set.IdentificationStart = set.AppendAscii(model);
                set.IdentificationLength = model.Length;
            }

            for (int i = 0; i < obisAndUnit.Length; i += 2)
            {
                Reading reading = set.Add();
                ObisCode obis;
                Assert.IsTrue(ObisCode.TryParse(obisAndUnit[i], out obis), obisAndUnit[i]);
                reading.Obis = obis;
                reading.Kind = ReadingKind.Number;
                reading.Mantissa = 1;
                reading.UnitStart = set.AppendAscii(obisAndUnit[i + 1]);
                reading.UnitLength = obisAndUnit[i + 1].Length;
            }

            return set;
        }

        // Every config the formatter writes straight from the set, in set order: "topic\npayload".
        private static string[] Expected(ReadingSet set)
        {
            HomeAssistantDiscoveryFormatter formatter = new HomeAssistantDiscoveryFormatter();
            JsonWriter writer = new JsonWriter(2048);
            string[] all = new string[set.Count];
            int count = 0;
            for (int i = 0; i < set.Count; i++)
            {
                if (HomeAssistantMeterRecord.SensorKind(set, i) == HomeAssistantSensorKind.None)
                {
                    continue;
                }

                writer.Reset();
                Assert.AreNotEqual((int)HomeAssistantSensorKind.None, (int)formatter.Write(writer, "gw1", "p1", State, Status, set, set[i]));
                all[count++] = MqttTopics.DiscoveryConfig(MqttTopics.HomeAssistantPrefix, "gw1", "p1", set[i].Obis) + "\n"
                    + Ascii.Text(writer.Buffer, 0, writer.Length);
            }

            string[] result = new string[count];
            System.Array.Copy(all, result, count);
            return result;
        }

        private static string[] Drain(HomeAssistantAnnouncements announcements)
        {
            JsonWriter writer = new JsonWriter(2048);
            string[] all = new string[64];
            int count = 0;
            string topic;
            while (announcements.TryNext(writer, out topic))
            {
                all[count++] = topic + "\n" + Ascii.Text(writer.Buffer, 0, writer.Length);
            }

            Assert.IsFalse(announcements.HasPending);
            string[] result = new string[count];
            System.Array.Copy(all, result, count);
            return result;
        }

        private static void AssertSame(string[] expected, string[] actual)
        {
            Assert.AreEqual(expected.Length, actual.Length, "number of configs");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], "config " + i.ToString());
            }
        }

        private static HomeAssistantAnnouncements New(int maxMeters)
        {
            return new HomeAssistantAnnouncements(MqttTopics.HomeAssistantPrefix, "gw1", Status, maxMeters);
        }

        [TestMethod]
        public void First_readings_announce_every_sensor_byte_for_byte_as_the_formatter_writes_it()
        {
            ReadingSet set = Telegram(DsmrTelegrams.LandisGyrE350Dsmr42);
            string[] expected = Expected(set);
            Assert.AreEqual(10, expected.Length, "E350: 4 energy, 4 power, 1 current, 1 gas");

            HomeAssistantAnnouncements announcements = New(4);
            Assert.IsFalse(announcements.HasPending);
            Assert.IsTrue(announcements.Observe("p1", State, set));
            Assert.IsTrue(announcements.HasPending);
            AssertSame(expected, Drain(announcements));
            Assert.AreEqual(10, announcements.Announced);
            Assert.AreEqual("homeassistant/sensor/gw1/p1_1_0_1_8_1_255/config\n", expected[0].Substring(0, expected[0].IndexOf('\n') + 1));
        }

        [TestMethod]
        public void The_same_sensors_again_announce_nothing()
        {
            ReadingSet set = Telegram(DsmrTelegrams.LandisGyrE350Dsmr42);
            HomeAssistantAnnouncements announcements = New(4);
            announcements.Observe("p1", State, set);
            Drain(announcements);
            for (int i = 0; i < 3; i++)
            {
                Assert.IsFalse(announcements.Observe("p1", State, set));
                Assert.IsFalse(announcements.HasPending);
            }

            string topic;
            Assert.IsFalse(announcements.TryNext(new JsonWriter(2048), out topic));
            Assert.IsNull(topic);
            Assert.AreEqual(10, announcements.Announced);
        }

        [TestMethod]
        public void RequestAll_announces_again_from_the_record_after_the_readings_are_gone()
        {
            ReadingSet set = Telegram(DsmrTelegrams.LandisGyrE350Dsmr42);
            string[] expected = Expected(set);
            HomeAssistantAnnouncements announcements = New(4);
            announcements.Observe("p1", State, set);
            Drain(announcements);

            set.Clear(); // the decoder's set is reused for the next telegram: the record must not depend on it
            set.AppendAscii("garbage that overwrites the old units and model");
            announcements.RequestAll();
            Assert.IsTrue(announcements.HasPending);
            AssertSame(expected, Drain(announcements));
            Assert.AreEqual(20, announcements.Announced);
        }

        [TestMethod]
        public void A_changed_obis_list_unit_or_model_announces_again()
        {
            HomeAssistantAnnouncements announcements = New(4);
            ReadingSet first = Numbers("ABC1", new string[] { "1-0:1.8.0*255", "kWh", "1-0:1.7.0*255", "kW" });
            Assert.IsTrue(announcements.Observe("m1", "t", first));
            Assert.AreEqual(2, Drain(announcements).Length);

            ReadingSet more = Numbers("ABC1", new string[] { "1-0:1.8.0*255", "kWh", "1-0:1.7.0*255", "kW", "1-0:32.7.0*255", "V" });
            Assert.IsTrue(announcements.Observe("m1", "t", more), "a register added");
            Assert.AreEqual(3, Drain(announcements).Length);

            ReadingSet unit = Numbers("ABC1", new string[] { "1-0:1.8.0*255", "Wh", "1-0:1.7.0*255", "kW", "1-0:32.7.0*255", "V" });
            Assert.IsTrue(announcements.Observe("m1", "t", unit), "kWh became Wh");
            string[] configs = Drain(announcements);
            Assert.IsTrue(configs[0].IndexOf("\"unit_of_measurement\":\"Wh\"") > 0, configs[0]);

            ReadingSet model = Numbers("XYZ9", new string[] { "1-0:1.8.0*255", "Wh", "1-0:1.7.0*255", "kW", "1-0:32.7.0*255", "V" });
            Assert.IsTrue(announcements.Observe("m1", "t", model), "another meter behind the same id");
            configs = Drain(announcements);
            Assert.IsTrue(configs[2].IndexOf("\"model\":\"XYZ9\"") > 0, configs[2]);

            Assert.IsFalse(announcements.Observe("m1", "t", Numbers("XYZ9", new string[] { "1-0:1.8.0*255", "Wh", "1-0:1.7.0*255", "kW", "1-0:32.7.0*255", "V" })),
                "the same sensors in a new set");
        }

        [TestMethod]
        public void A_register_missing_from_some_reads_does_not_announce_again_and_a_new_one_adds_to_the_rest()
        {
            HomeAssistantAnnouncements announcements = New(4);
            string[] full = new string[] { "1-0:1.8.0*255", "kWh", "1-0:2.8.0*255", "kWh", "1-0:32.7.0*255", "V" };
            string[] partial = new string[] { "1-0:1.8.0*255", "kWh", "1-0:32.7.0*255", "V" };
            Assert.IsTrue(announcements.Observe("m1", "t", Numbers("ABC1", full)));
            Assert.AreEqual(3, Drain(announcements).Length);
            for (int i = 0; i < 4; i++)
            {
                Assert.IsFalse(announcements.Observe("m1", "t", Numbers("ABC1", partial)), "a register failed this time");
                Assert.IsFalse(announcements.Observe("m1", "t", Numbers(null, full)), "a set without identification");
                Assert.IsFalse(announcements.Observe("m1", "t", Numbers("ABC1", full)));
            }

            Assert.IsFalse(announcements.HasPending);
            Assert.IsTrue(announcements.Observe("m1", "t", Numbers("ABC1", new string[] { "1-0:1.8.0*255", "kWh", "1-0:14.7.0*255", "Hz" })), "frequency is new");
            string[] configs = Drain(announcements);
            Assert.AreEqual(4, configs.Length, "the meter's every sensor, the missing ones included");
            Assert.IsTrue(configs[3].IndexOf("homeassistant/sensor/gw1/m1_1_0_14_7_0_255/config\n") == 0, configs[3]);
            Assert.IsTrue(configs[1].IndexOf("\"name\":\"Energy export\"") > 0, configs[1]);
            Assert.AreEqual(4, announcements.Find("m1").Count);
            Assert.IsFalse(announcements.Observe("m1", "t", Numbers("ABC1", full)));
        }

        [TestMethod]
        public void Meters_are_announced_independently_and_in_turn()
        {
            HomeAssistantAnnouncements announcements = New(4);
            announcements.Observe("m1", "t1", Numbers(null, new string[] { "1-0:1.8.0*255", "kWh" }));
            announcements.Observe("m2", "t2", Numbers(null, new string[] { "1-0:2.8.0*255", "kWh", "1-0:2.7.0*255", "kW" }));
            string[] configs = Drain(announcements);
            Assert.AreEqual(3, configs.Length);
            Assert.IsTrue(configs[0].IndexOf("homeassistant/sensor/gw1/m1_1_0_1_8_0_255/config\n") == 0, configs[0]);
            Assert.IsTrue(configs[1].IndexOf("homeassistant/sensor/gw1/m2_1_0_2_8_0_255/config\n") == 0, configs[1]);
            Assert.IsTrue(configs[2].IndexOf("\"state_topic\":\"t2\"") > 0, configs[2]);
            Assert.AreEqual(2, announcements.Meters);
            Assert.AreEqual(3, announcements.Find("m2").Count + announcements.Find("m1").Count);
            Assert.IsNull(announcements.Find("m3"));
        }

        [TestMethod]
        public void Log_entries_text_and_abstract_objects_are_no_sensors_and_a_meter_without_sensors_announces_nothing()
        {
            HomeAssistantAnnouncements announcements = New(4);
            ReadingSet set = Numbers(null, new string[] { "1-0:99.97.0*255", "s", "1-0:99.97.0*255", "s", "0-0:96.7.21*255", "" });
            Assert.IsFalse(announcements.Observe("m1", "t", set), "nothing to announce");
            Assert.IsFalse(announcements.HasPending);
            Assert.AreEqual(0, Drain(announcements).Length);
            Assert.AreEqual(0, announcements.Find("m1").Count);
            Assert.AreEqual(1, announcements.Meters);
        }

        [TestMethod]
        public void A_unit_without_a_known_meaning_is_kept_as_sent()
        {
            HomeAssistantAnnouncements announcements = New(4);
            ReadingSet set = Numbers(null, new string[] { "1-0:1.6.0*255", "kW" });
            string[] expected = Expected(set);
            announcements.Observe("p1", State, set);
            set.Clear();
            string[] configs = Drain(announcements);
            AssertSame(expected, configs);
            Assert.IsTrue(configs[0].IndexOf("\"state_class\":\"measurement\",\"unit_of_measurement\":\"kW\"") > 0, configs[0]);
            Assert.AreEqual((int)HomeAssistantSensorKind.OtherMeasurement, (int)announcements.Find("p1").Kind(0));
        }

        [TestMethod]
        public void More_meters_than_the_limit_are_refused_and_counted()
        {
            HomeAssistantAnnouncements announcements = New(1);
            Assert.IsTrue(announcements.Observe("m1", "t", Numbers(null, new string[] { "1-0:1.8.0*255", "kWh" })));
            Assert.IsFalse(announcements.Observe("m2", "t", Numbers(null, new string[] { "1-0:1.8.0*255", "kWh" })));
            Assert.AreEqual(1, announcements.Refused);
            Assert.AreEqual(1, Drain(announcements).Length);
        }

        [TestMethod]
        public void A_config_that_does_not_fit_the_writer_is_skipped_and_counted()
        {
            HomeAssistantAnnouncements announcements = New(2);
            announcements.Observe("m1", "t", Numbers(null, new string[] { "1-0:1.8.0*255", "kWh" }));
            string topic;
            Assert.IsFalse(announcements.TryNext(new JsonWriter(64), out topic));
            Assert.AreEqual(1, announcements.Overflowed);
            Assert.AreEqual(0, announcements.Announced);
            Assert.IsFalse(announcements.HasPending);
        }

        [TestMethod]
        public void Bad_arguments_are_refused()
        {
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => new HomeAssistantAnnouncements(null, "gw1", Status, 1));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => new HomeAssistantAnnouncements("h", "gw1", Status, 0));
            HomeAssistantAnnouncements announcements = New(1);
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => announcements.Observe("m1", "t", null));
        }
    }
}
