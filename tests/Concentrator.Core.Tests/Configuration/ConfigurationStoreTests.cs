using Concentrator.Core.Configuration;
using Concentrator.Core.Meters;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Configuration
{
    [TestClass]
    public class ConfigurationStoreTests
    {
        private const string Name = "concentrator.conf";

        [TestMethod]
        public void Saved_configuration_loads_back_with_every_field_and_meter()
        {
            MemoryConfigurationStorage storage = new MemoryConfigurationStorage();
            ConcentratorConfiguration saved = Sample("first-broker");
            Assert.IsTrue(new ConfigurationStore(storage, Name).Save(saved));

            ConfigurationLoad load = new ConfigurationStore(storage, Name).Load();

            Assert.AreEqual((int)ConfigurationSource.Current, (int)load.Source);
            Assert.AreEqual(0, load.ProblemCount);
            Assert.IsNull(load.ValidationProblem);
            Assert.AreEqual(saved.ToText(), load.Configuration.ToText());
            Assert.AreEqual("s3cret pass", load.Configuration.WifiPassword);
            Assert.AreEqual(2, load.Configuration.MeterCount);
            MeterDefinition bus = load.Configuration.Meter(1);
            Assert.AreEqual("bus-07", bus.Id);
            Assert.AreEqual((int)MeterPort.Rs485, (int)bus.Port);
            Assert.AreEqual((int)MeterProtocol.DlmsHdlc, (int)bus.Protocol);
            Assert.AreEqual("1/1234", bus.Address);
            Assert.AreEqual("00000000", bus.Password);
            Assert.AreEqual(300, bus.IntervalSeconds);
            Assert.AreEqual("COM3", load.Configuration.FindBoardValue("p1.port"));
        }

        [TestMethod]
        public void Save_keeps_the_previous_copy_and_load_falls_back_to_it_when_the_current_one_is_damaged()
        {
            MemoryConfigurationStorage storage = new MemoryConfigurationStorage();
            ConfigurationStore store = new ConfigurationStore(storage, Name);
            Assert.IsTrue(store.Save(Sample("old-broker")));
            Assert.IsTrue(store.Save(Sample("new-broker")));
            Assert.IsTrue(storage.Exists(Name + ".prev"));
            Assert.IsFalse(storage.Exists(Name + ".new"));

            byte[] current = storage.Read(Name);
            current[current.Length - 3] ^= 0x01;
            storage.Put(Name, current);

            ConfigurationLoad load = store.Load();
            Assert.AreEqual((int)ConfigurationSource.Previous, (int)load.Source);
            Assert.AreEqual("old-broker", load.Configuration.MqttHost);
            Assert.AreEqual(1, load.ProblemCount);
            Assert.AreEqual(Name + ": damaged (length or checksum wrong): ignored", load.Problem(0));
        }

        [TestMethod]
        public void Power_lost_at_every_byte_of_a_save_leaves_the_last_good_configuration()
        {
            MemoryConfigurationStorage good = new MemoryConfigurationStorage();
            Assert.IsTrue(new ConfigurationStore(good, Name).Save(Sample("old-broker")));
            ConcentratorConfiguration next = Sample("new-broker");
            int fileLength = next.ToText().Length + 47;

            for (int cut = 0; cut < fileLength; cut++)
            {
                MemoryConfigurationStorage storage = good.Copy();
                storage.PowerFailsAfterBytes = cut;
                Assert.IsFalse(new ConfigurationStore(storage, Name).Save(next), "save cut at byte " + cut.ToString());
                storage.Revive();

                ConfigurationLoad load = new ConfigurationStore(storage, Name).Load();
                Assert.AreEqual("old-broker", load.Configuration.MqttHost, "cut at byte " + cut.ToString());
                Assert.AreEqual((int)ConfigurationSource.Current, (int)load.Source, "cut at byte " + cut.ToString());
            }
        }

        [TestMethod]
        public void Power_lost_after_any_step_of_a_save_leaves_the_old_or_the_new_configuration_never_defaults()
        {
            MemoryConfigurationStorage good = new MemoryConfigurationStorage();
            Assert.IsTrue(new ConfigurationStore(good, Name).Save(Sample("old-broker")));
            Assert.IsTrue(new ConfigurationStore(good, Name).Save(Sample("old-broker")));

            // write .new, delete .prev, move current to .prev, move .new to current
            for (int steps = 0; steps <= 4; steps++)
            {
                MemoryConfigurationStorage storage = good.Copy();
                storage.PowerFailsAfterOperations = steps;
                bool saved = new ConfigurationStore(storage, Name).Save(Sample("new-broker"));
                Assert.AreEqual(steps == 4, saved, "steps " + steps.ToString());
                storage.Revive();

                ConfigurationLoad load = new ConfigurationStore(storage, Name).Load();
                string expected = steps == 0 ? "old-broker" : "new-broker";
                Assert.AreEqual(expected, load.Configuration.MqttHost, "steps " + steps.ToString());
                Assert.AreEqual(steps == 0 || steps == 4 ? (int)ConfigurationSource.Current : (int)ConfigurationSource.Unfinished, (int)load.Source, "steps " + steps.ToString());
            }
        }

        [TestMethod]
        [DataRow(".prev")]
        [DataRow("")]
        public void Save_reported_as_failed_never_comes_back_at_the_next_load(string failingTarget)
        {
            MemoryConfigurationStorage storage = new MemoryConfigurationStorage();
            ConfigurationStore store = new ConfigurationStore(storage, Name);
            Assert.IsTrue(store.Save(Sample("old-broker")));
            storage.FailMovesTo = Name + failingTarget;

            Assert.IsFalse(store.Save(Sample("new-broker")));
            Assert.IsNotNull(store.LastSaveProblem);

            ConfigurationLoad load = new ConfigurationStore(storage, Name).Load();
            Assert.AreEqual("old-broker", load.Configuration.MqttHost);
            Assert.IsFalse(storage.Exists(Name + ".new"));
        }

        [TestMethod]
        public void Hand_written_settings_file_without_checksum_loads_and_reports_bad_lines_by_key_expected_and_actual()
        {
            MemoryConfigurationStorage storage = new MemoryConfigurationStorage();
            storage.Put(Name, Ascii.Bytes("# settings\nwifi.ssid=Cabinet\nmqtt.host=192.168.1.10\nmqtt.port=70000\nwifi.password=x\u0001y\nfoo=1\njust text\nmeter=ID=p1 PORT=P1 PROTO=DSMR INT=0\n"));

            ConfigurationLoad load = new ConfigurationStore(storage, Name).Load();

            Assert.AreEqual((int)ConfigurationSource.HandWritten, (int)load.Source);
            Assert.AreEqual("Cabinet", load.Configuration.WifiSsid);
            Assert.AreEqual(1883, load.Configuration.MqttPort);
            Assert.AreEqual(1, load.Configuration.MeterCount);
            Assert.AreEqual(4, load.ProblemCount);
            Assert.AreEqual(Name + " line 4: mqtt.port: expected a number from 1 to 65535, got '70000'; kept mqtt.port as it was", load.Problem(0));
            Assert.AreEqual(Name + " line 5: wifi.password: expected printable text, at most 64 characters, got a value not shown (secret); kept wifi.password as it was", load.Problem(1));
            Assert.AreEqual(Name + " line 6: unknown key foo, skipped", load.Problem(2));
            Assert.AreEqual(Name + " line 7: not key=value, skipped", load.Problem(3));
            Assert.IsNull(load.ValidationProblem);
        }

        [TestMethod]
        public void Nothing_stored_gives_defaults_and_a_validation_problem_naming_the_key()
        {
            ConfigurationLoad load = new ConfigurationStore(new MemoryConfigurationStorage(), Name).Load();

            Assert.AreEqual((int)ConfigurationSource.Defaults, (int)load.Source);
            Assert.AreEqual("HELLO", load.Configuration.AdminPassword);
            Assert.IsTrue(load.Configuration.UsesDefaultPassword);
            Assert.AreEqual(900, load.Configuration.PollIntervalSeconds);
            Assert.AreEqual("wifi.ssid: expected the network to join (net.mode=wifi), got nothing", load.ValidationProblem);
        }

        [TestMethod]
        public void A_new_copy_without_checksum_line_is_never_taken()
        {
            MemoryConfigurationStorage storage = new MemoryConfigurationStorage();
            Assert.IsTrue(new ConfigurationStore(storage, Name).Save(Sample("good-broker")));
            storage.Put(Name + ".new", Ascii.Bytes("mqtt.host=evil\n"));

            ConfigurationLoad load = new ConfigurationStore(storage, Name).Load();

            Assert.AreEqual("good-broker", load.Configuration.MqttHost);
            Assert.AreEqual(Name + ".new: no checksum line: ignored", load.Problem(0));
        }

        [TestMethod]
        public void Checksum_line_is_the_length_and_crc_of_the_rest()
        {
            MemoryConfigurationStorage storage = new MemoryConfigurationStorage();
            Assert.IsTrue(new ConfigurationStore(storage, Name).Save(Sample("broker")));
            byte[] data = storage.Read(Name);
            string header = Ascii.Text(data, 0, 47);
            Assert.AreEqual("#concentrator-config v1 length=", header.Substring(0, 31));
            Assert.IsTrue(ConfigurationStore.HasValidHeader(data));

            byte[] longer = Ascii.Concat(data, Ascii.Bytes("x"));
            Assert.IsFalse(ConfigurationStore.HasValidHeader(longer));
        }

        [TestMethod]
        public void Secrets_and_meter_passwords_survive_with_spaces_and_semicolons()
        {
            MemoryConfigurationStorage storage = new MemoryConfigurationStorage();
            ConcentratorConfiguration configuration = Sample("broker");
            configuration.MqttPassword = "a b;";
            Assert.IsTrue(new ConfigurationStore(storage, Name).Save(configuration));

            ConfigurationLoad load = new ConfigurationStore(storage, Name).Load();
            Assert.AreEqual("a b;", load.Configuration.MqttPassword);
            Assert.AreEqual(0, load.ProblemCount);
        }

        [TestMethod]
        public void Full_inventory_of_32_meters_saves_in_under_8_KB_and_loads_back()
        {
            ConcentratorConfiguration configuration = Sample("broker.example.net");
            string expected;
            for (int i = 3; i <= ConcentratorConfiguration.MaxMeters; i++)
            {
                Assert.AreEqual((int)SettingResult.Ok, (int)configuration.Apply("meter", "ID=bus-" + i.ToString() + " PORT=485 PROTO=HDLC ADDR=1/" + (1000 + i).ToString() + " MPWD=00000000 BAUD=9600 INT=900 OBJ=1.8.0,2.8.0,1.7.0,2.7.0", out expected));
            }

            MemoryConfigurationStorage storage = new MemoryConfigurationStorage();
            Assert.IsTrue(new ConfigurationStore(storage, Name).Save(configuration));
            int size = storage.Read(Name).Length;
            OutputHelper.WriteLine("32 meters: " + size.ToString() + " bytes");
            Assert.IsTrue(size < 8192, size.ToString());
            Assert.AreEqual(configuration.ToText(), new ConfigurationStore(storage, Name).Load().Configuration.ToText());
        }

        internal static ConcentratorConfiguration Sample(string broker)
        {
            ConcentratorConfiguration configuration = new ConcentratorConfiguration();
            string expected;
            Assert.AreEqual((int)SettingResult.Ok, (int)configuration.Apply("wifi.ssid", "Meter cabinet", out expected));
            Assert.AreEqual((int)SettingResult.Ok, (int)configuration.Apply("wifi.password", "s3cret pass", out expected));
            Assert.AreEqual((int)SettingResult.Ok, (int)configuration.Apply("mqtt.host", broker, out expected));
            Assert.AreEqual((int)SettingResult.Ok, (int)configuration.Apply("p1.port", "COM3", out expected));
            Assert.AreEqual((int)SettingResult.Ok, (int)configuration.Apply("meter", "ID=p1 PORT=P1 PROTO=DSMR INT=0", out expected));
            Assert.AreEqual((int)SettingResult.Ok, (int)configuration.Apply("meter", "ID=bus-07 PORT=485 PROTO=HDLC ADDR=1/1234 MPWD=00000000 INT=300", out expected));
            return configuration;
        }
    }
}
