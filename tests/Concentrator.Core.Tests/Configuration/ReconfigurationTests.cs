using Concentrator.Core.Configuration;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Configuration
{
    [TestClass]
    public class ReconfigurationTests
    {
        private const long Start = 1000000;

        [TestMethod]
        public void Five_meters_added_by_sms_restart_the_runtime_once_twenty_seconds_after_the_last()
        {
            ReconfigurationRig rig = new ReconfigurationRig();
            for (int i = 0; i < 5; i++)
            {
                string reply = rig.Send("MCP MADD PWD=HELLO ID=bus-1" + i.ToString() + " PORT=485 PROTO=HDLC ADDR=1/10" + i.ToString(), Start + i * 9000L);
                Assert.AreEqual(0, reply.IndexOf("ID=bus-1" + i.ToString() + " PORT=485"), "the reply went out before any restart");
                Assert.IsTrue(rig.LastChange.NeedsRestart);
            }

            long last = Start + 4 * 9000L;
            rig.RunUntil(last + 60000);
            Assert.AreEqual(1, rig.Restarts);
            Assert.AreEqual(last + RestartPlanner.DefaultQuietMilliseconds, rig.RestartedAt);
            Assert.AreEqual("meter inventory changed", rig.Decisions.Planner.Reason);
            Assert.IsTrue(rig.Announcements >= 4, "the countdown was announced");
            Assert.AreEqual(0, rig.Reconnects);
        }

        [TestMethod]
        public void A_poll_interval_applies_live_without_a_restart()
        {
            ReconfigurationRig rig = new ReconfigurationRig();
            Assert.AreEqual("ID=bus-07 INT=60", rig.Send("MCP POLL PWD=HELLO ID=bus-07 INT=60", Start));

            Assert.AreEqual(1, rig.LastChange.IntervalChangeCount);
            Assert.AreEqual("bus-07", rig.LastChange.IntervalMeter(0));
            Assert.AreEqual(60, rig.LastChange.IntervalSeconds(0));
            rig.RunUntil(Start + 120000);
            Assert.AreEqual(0, rig.Restarts);
        }

        [TestMethod]
        public void Password_and_rint_apply_live_without_a_restart()
        {
            ReconfigurationRig rig = new ReconfigurationRig();
            rig.Send("MCP CNF PWD=HELLO NPWD=Kabinet-7 RINT=6", Start);

            Assert.IsTrue(rig.LastChange.Touches(ConfigurationArea.Password));
            Assert.IsTrue(rig.LastChange.Touches(ConfigurationArea.StatusInterval));
            Assert.IsFalse(rig.Decisions.Applied.UsesDefaultPassword);
            rig.RunUntil(Start + 120000);
            Assert.AreEqual(0, rig.Restarts);
        }

        [TestMethod]
        public void A_new_broker_gets_a_new_session_two_seconds_after_the_reply_and_no_restart()
        {
            ReconfigurationRig rig = new ReconfigurationRig();
            rig.Send("MCP MQTT PWD=HELLO HOST=broker.example.net PORT=8883 TLS=1", Start);
            Assert.IsTrue(rig.Decisions.ReconnectPending);

            rig.RunUntil(Start + 1000);
            Assert.AreEqual(0, rig.Reconnects, "not before the reply had time to leave");
            rig.RunUntil(Start + 60000);
            Assert.AreEqual(1, rig.Reconnects);
            Assert.AreEqual(0, rig.Restarts);
            Assert.AreEqual("broker.example.net", rig.Decisions.Applied.MqttHost);
        }

        [TestMethod]
        public void A_broker_change_with_a_restart_planned_is_left_to_the_restart()
        {
            ReconfigurationRig rig = new ReconfigurationRig();
            rig.Send("MCP MQTT PWD=HELLO HOST=10.0.25.30 ID=gw-7", Start);

            rig.RunUntil(Start + 60000);
            Assert.AreEqual(0, rig.Reconnects);
            Assert.AreEqual(1, rig.Restarts);
            Assert.AreEqual("device id/topic prefix changed", rig.Decisions.Planner.Reason);
        }

        [TestMethod]
        public void A_network_change_undone_within_the_quiet_time_cancels_the_restart()
        {
            ReconfigurationRig rig = new ReconfigurationRig();
            rig.Send("MCP NET PWD=HELLO MODE=ETH", Start);
            Assert.IsTrue(rig.Decisions.Planner.Pending);

            rig.Send("MCP NET PWD=HELLO MODE=WIFI", Start + 10000);
            Assert.IsTrue(rig.Decisions.RestartCancelled);
            rig.RunUntil(Start + 120000);
            Assert.AreEqual(0, rig.Restarts);
        }

        [TestMethod]
        public void Reset_still_restarts_five_seconds_after_its_ok()
        {
            ReconfigurationRig rig = new ReconfigurationRig();
            Assert.AreEqual("OK", rig.Send("MCP RESET PWD=HELLO", Start));

            rig.RunUntil(Start + 60000);
            Assert.AreEqual(1, rig.Restarts);
            Assert.AreEqual(Start + RestartPlanner.DefaultResetDelayMilliseconds, rig.RestartedAt);
        }

        [TestMethod]
        public void A_rejected_command_decides_nothing()
        {
            ReconfigurationRig rig = new ReconfigurationRig();
            Assert.AreEqual("Parameter value incorrect", rig.Send("MCP NET PWD=HELLO LIP=192.168.1.50 GW=192.168.2.1", Start));

            Assert.IsNull(rig.LastChange);
            rig.RunUntil(Start + 60000);
            Assert.AreEqual(0, rig.Restarts);
            Assert.AreEqual(0, rig.Reconnects);
        }

        [TestMethod]
        public void While_waiting_for_settings_the_change_that_completes_them_restarts()
        {
            // A new board: Wi-Fi given, no broker yet. The runtime waits and answers SMS.
            ConcentratorConfiguration incomplete = new ConcentratorConfiguration();
            string expected;
            incomplete.Apply("wifi.ssid", "Meter room", out expected);
            ReconfigurationRig rig = new ReconfigurationRig(incomplete);
            rig.Decisions.WaitingForSettings = true;

            rig.Send("MCP NET PWD=HELLO SSID=[Other room]", Start);
            Assert.AreEqual("mqtt.host: expected the broker's host name or address, got nothing", rig.Decisions.StillMissing);
            rig.RunUntil(Start + 60000);
            Assert.AreEqual(0, rig.Restarts, "still cannot run: a restart would change nothing");

            rig.Send("MCP CNF PWD=HELLO IP=10.0.25.30", Start + 70000);
            Assert.IsNull(rig.Decisions.StillMissing);
            rig.RunUntil(Start + 120000);
            Assert.AreEqual(1, rig.Restarts);
            Assert.AreEqual(Start + 90000, rig.RestartedAt);
            Assert.AreEqual(0, rig.Reconnects, "no session to renew: the restart starts one");
            Assert.AreEqual("the configuration the runtime waited for changed", rig.Decisions.Planner.Reason);
        }
    }
}
