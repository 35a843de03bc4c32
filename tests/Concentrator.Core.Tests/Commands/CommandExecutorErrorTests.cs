using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Tests.Configuration;
using nanoFramework.TestFramework;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Core.Tests.Commands
{
    /// <summary>Every error reply of the 2N MeterCom manual (4.2), and that nothing is applied when one is sent.</summary>
    [TestClass]
    public class CommandExecutorErrorTests
    {
        [TestMethod]
        [DataRow("mcp INFO PWD=HELLO", "Unknown command")]
        [DataRow("MCPINFO PWD=HELLO", "Unknown command")]
        [DataRow("XYZ INFO PWD=HELLO", "Unknown command")]
        [DataRow("MCP", "Unknown command")]
        [DataRow("MCP info PWD=HELLO", "Unknown command")]
        [DataRow("MCP STATUS PWD=HELLO", "Unknown command")]
        [DataRow("MCP CNFX PWD=HELLO APN=a", "Unknown command")]
        [DataRow("", "Unknown command")]
        [DataRow("MCP INFO", "Password missing")]
        [DataRow("MCP INFO PWD=", "Password missing")]
        [DataRow("MCP INFO pwd=HELLO", "Password missing")]
        [DataRow("MCP CNF APN=internet", "Password missing")]
        [DataRow("MCP INFO PWD=hello", "Password incorrect")]
        [DataRow("MCP CNF PWD=HELLO1 APN=internet", "Password incorrect")]
        [DataRow("MCP INFO PWD=HELLO X=1", "Too many parameters")]
        [DataRow("MCP RESET PWD=HELLO NOW=1", "Too many parameters")]
        [DataRow("MCP CNF PWD=HELLO APN=a APN=b", "Too many parameters")]
        [DataRow("MCP CNF PWD=HELLO APN=a DUSR=b DPWD=c IP=1.2.3.4 PORT=1 NPWD=abcd RINT=1 APX=2", "Too many parameters")]
        [DataRow("MCP CNF PWD=HELLO APX=internet", "Unknown parameter")]
        [DataRow("MCP CNF PWD=HELLO apn=internet", "Unknown parameter")]
        [DataRow("MCP CNF PWD=HELLO APN", "Unknown parameter")]
        [DataRow("MCP CNF PWD=HELLO =internet", "Unknown parameter")]
        [DataRow("MCP CNF PWD=HELLO APN=a SSID=x", "Unknown parameter")]
        [DataRow("MCP CNF PWD=HELLO PORT=70000", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO PORT=0", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO PORT=12a", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO RINT=25", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO RINT=-1", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO IP=broker.example.com", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO IP=10.0.25.256", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO IP=", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO APN=[internet", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO APN=[inter net]x", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO APN=[inter net]", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO NPWD=abc", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO NPWD=", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO APN=ok PORT=0", "Parameter value incorrect")]
        [DataRow("MCP CNF PWD=HELLO APN=ok NPWD=new-pass RINT=99", "Parameter value incorrect")]
        [DataRow("MCP NET PWD=HELLO MODE=wifi", "Parameter value incorrect")]
        [DataRow("MCP NET PWD=HELLO LIP=192.168.1", "Parameter value incorrect")]
        [DataRow("MCP NET PWD=HELLO MODE=GSM", "Parameter value incorrect")]
        [DataRow("MCP NET PWD=HELLO SSID=", "Parameter value incorrect")]
        [DataRow("MCP NET PWD=HELLO LIP=192.168.1.50", "Parameter value incorrect")]
        [DataRow("MCP NET PWD=HELLO LIP=192.168.1.0 GW=192.168.1.1", "Parameter value incorrect")]
        [DataRow("MCP NET PWD=HELLO LIP=192.168.1.50 GW=192.168.2.1", "Parameter value incorrect")]
        [DataRow("MCP NET PWD=HELLO LIP=192.168.1.50 MASK=255.0.255.0 GW=192.168.1.1", "Parameter value incorrect")]
        [DataRow("MCP NET PWD=HELLO LIP=127.0.0.2 MASK=255.0.0.0 GW=127.0.0.1", "Parameter value incorrect")]
        [DataRow("MCP MQTT PWD=HELLO TLS=on", "Parameter value incorrect")]
        [DataRow("MCP MQTT PWD=HELLO HOST=", "Parameter value incorrect")]
        [DataRow("MCP MQTT PWD=HELLO PREFIX=a/+/b", "Parameter value incorrect")]
        [DataRow("MCP MQTT PWD=HELLO ID=a/b", "Parameter value incorrect")]
        [DataRow("MCP MADD PWD=HELLO ID=new PORT=485", "Parameter value incorrect")]
        [DataRow("MCP MADD PWD=HELLO ID=new PORT=RS485 PROTO=HDLC", "Parameter value incorrect")]
        [DataRow("MCP MADD PWD=HELLO ID=new PORT=485 PROTO=hdlc", "Parameter value incorrect")]
        [DataRow("MCP MADD PWD=HELLO ID=new PORT=TCP PROTO=WRAP", "Parameter value incorrect")]
        [DataRow("MCP MADD PWD=HELLO ID=new PORT=485 PROTO=HDLC BAUD=200", "Parameter value incorrect")]
        [DataRow("MCP MADD PWD=HELLO ID=a/b PORT=485 PROTO=HDLC", "Parameter value incorrect")]
        [DataRow("MCP MADD PWD=HELLO PORT=485 PROTO=HDLC", "Parameter value incorrect")]
        [DataRow("MCP MDEL PWD=HELLO ID=nosuch", "Parameter value incorrect")]
        [DataRow("MCP MDEL PWD=HELLO", "Parameter value incorrect")]
        [DataRow("MCP MLIST PWD=HELLO FROM=0", "Parameter value incorrect")]
        [DataRow("MCP POLL PWD=HELLO INT=5", "Parameter value incorrect")]
        [DataRow("MCP POLL PWD=HELLO", "Parameter value incorrect")]
        [DataRow("MCP POLL PWD=HELLO ID=nosuch INT=60", "Parameter value incorrect")]
        [DataRow("MCP DIAG PWD=HELLO ID=nosuch", "Parameter value incorrect")]
        [DataRow("MCP CAPT PWD=HELLO ID=nosuch", "Parameter value incorrect")]
        [DataRow("MCP CAPT PWD=HELLO ID=bus-07 N=11", "Parameter value incorrect")]
        public void Error_reply_and_nothing_applied(string message, string expected)
        {
            CommandRig rig = new CommandRig(true);

            Assert.AreEqual(expected, rig.Run(message), message);
            Assert.IsTrue(rig.Unchanged(), message);
            Assert.AreEqual(1, rig.Executor.Rejected);
            Assert.AreEqual(0, rig.Executor.Accepted);
            Assert.IsFalse(rig.Executor.RestartPending);
        }

        [TestMethod]
        public void Message_of_160_characters_is_taken_and_161_is_refused()
        {
            string command = "MCP CNF PWD=HELLO APN=";
            string apn = new string('a', 60);
            string user = new string('u', 160 - command.Length - apn.Length - " DUSR=".Length);
            string exact = command + apn + " DUSR=" + user;
            Assert.AreEqual(160, exact.Length);

            CommandRig rig = new CommandRig(false);
            Assert.AreEqual("Unknown command", rig.Run(exact + "u"));
            Assert.IsTrue(rig.Unchanged());
            Assert.AreEqual("Parameter value incorrect", rig.Run(exact), "DUSR longer than 64 characters");

            string fits = command + new string('a', 58) + " DUSR=" + new string('u', 64) + " PORT=1883";
            Assert.AreEqual(160, fits.Length);
            // The full reply would be 171 characters: it is cut at the last space that fits one SMS.
            Assert.AreEqual("APN=" + new string('a', 58) + " DUSR=" + new string('u', 64) + " DPWD= IP=192.168.1.10", rig.Run(fits));
            Assert.AreEqual(1883, rig.Executor.Current.MqttPort);
        }

        [TestMethod]
        public void Extension_characters_count_twice_towards_160()
        {
            // '[' and ']' are GSM 03.38 extension characters: escape + character, two septets each.
            string message = "MCP CNF PWD=HELLO DUSR=[" + new string('x', 60) + "]";
            Assert.AreEqual(85, Gsm7Bit.SeptetCount(message) - 2);
            Assert.AreEqual(87, Gsm7Bit.SeptetCount(message));
            Assert.AreEqual(-1, Gsm7Bit.SeptetCount("MCP INFO PWD=HELLO \u010d"));
            Assert.AreEqual(18, Gsm7Bit.SeptetCount("MCP INFO PWD=H\u00e9LLO"));
            Assert.AreEqual(-1, Gsm7Bit.SeptetCount("`"));
            Assert.AreEqual(2, Gsm7Bit.SeptetCount("\u20ac"));
        }

        [TestMethod]
        [DataRow("MCP INFO PWD=HELLO \u010d")]
        [DataRow("MCP INFO PWD=HELL\u00d3")]
        [DataRow("\u004d\u0043\u0050 INFO PWD=HELLO \u4e2d")]
        public void Text_outside_the_GSM_7_bit_alphabet_is_refused_as_an_unknown_command(string message)
        {
            CommandRig rig = new CommandRig(false);
            Assert.AreEqual("Unknown command", rig.Run(message));
            Assert.IsTrue(rig.Unchanged());
        }

        [TestMethod]
        public void Wrong_password_is_checked_before_parameters_so_a_guesser_learns_nothing_about_them()
        {
            CommandRig rig = new CommandRig(false);
            Assert.AreEqual("Password incorrect", rig.Run("MCP CNF PWD=guess APX=1 PORT=0"));
            Assert.AreEqual("Password incorrect", rig.Run("MCP INFO PWD=guess X=1 Y=2"));
        }

        [TestMethod]
        public void A_new_board_is_set_up_step_by_step_although_its_configuration_cannot_run_yet()
        {
            MemoryConfigurationStorage storage = new MemoryConfigurationStorage();
            ConfigurationStore store = new ConfigurationStore(storage, "c");
            CommandExecutor executor = new CommandExecutor(store, store.Load().Configuration, new ManualClock(), null, null, null);

            Assert.AreEqual("APN= DUSR= DPWD= IP=10.0.25.30 PORT=1883 RINT=1", executor.Execute("MCP CNF PWD=HELLO IP=10.0.25.30"));
            Assert.IsNotNull(executor.Current.Validate());
            Assert.AreEqual("MODE=GSM SSID= WPWD= LIP=DHCP MASK=255.255.255.0 GW= DNS=", executor.Execute("MCP NET PWD=HELLO MODE=GSM"));
            Assert.AreEqual("APN=internet DUSR= DPWD= IP=10.0.25.30 PORT=1883 RINT=1", executor.Execute("MCP CNF PWD=HELLO APN=internet"));
            Assert.IsNull(executor.Current.Validate());
            Assert.AreEqual("Parameter value incorrect", executor.Execute("MCP CNF PWD=HELLO APN="));
        }

        [TestMethod]
        public void Failed_save_replies_configuration_not_saved_and_applies_nothing()
        {
            CommandRig rig = new CommandRig(true);
            rig.Storage.PowerFailsAfterBytes = 10;

            Assert.AreEqual("Configuration not saved", rig.Run("MCP CNF PWD=HELLO APN=internet"));
            Assert.AreEqual("", rig.Executor.Current.Apn);
            Assert.AreEqual(0, rig.Runtime.Applied);
        }
    }
}
