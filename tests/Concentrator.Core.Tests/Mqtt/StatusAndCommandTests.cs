using System;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Mqtt
{
    [TestClass]
    public class StatusAndCommandTests
    {
        [TestMethod]
        public void Status_payload_reports_queue_and_default_password()
        {
            StatusReport status = new StatusReport();
            status.QueueDepth = 12;
            status.QueueDropped = 3;
            status.DefaultPassword = true;
            status.UptimeSeconds = 3600;
            JsonWriter writer = new JsonWriter(256);
            StatusPayloadFormatter.WriteOnline(writer, status);
            Assert.AreEqual("{\"state\":\"online\",\"queue_depth\":12,\"queue_dropped\":3,\"default_password\":true,\"uptime_s\":3600}",
                Ascii.Text(writer.Buffer, 0, writer.Length));
            Assert.AreEqual("{\"state\":\"offline\"}", StatusPayloadFormatter.OfflinePayload);
        }

        [TestMethod]
        public void Command_topics_live_under_the_device()
        {
            Assert.AreEqual("c/gw1/command", MqttTopics.Command("c", "gw1"));
            Assert.AreEqual("c/gw1/command/reply", MqttTopics.CommandReply("c", "gw1"));
            Assert.AreEqual("c/gw1/info", MqttTopics.DeviceInfo("c", "gw1"));
        }

        [TestMethod]
        public void A_command_reaches_the_handler_and_its_reply_comes_back()
        {
            EchoCommandHandler handler = new EchoCommandHandler();
            CommandTopicBridge bridge = new CommandTopicBridge(handler, 128);
            byte[] payload = Ascii.Bytes("MCP INFO PWD=1234");
            int length = bridge.Process(payload, 0, payload.Length);
            Assert.AreEqual("MCP INFO PWD=1234", handler.Last);
            Assert.AreEqual("ok: MCP INFO PWD=1234", Ascii.Text(bridge.Reply, 0, length));
            Assert.AreEqual(1, bridge.Handled);
        }

        [TestMethod]
        [DataRow(new byte[] { 0x4D, 0xC3 }, "Command rejected: not UTF-8 text (byte 1)")]
        [DataRow(new byte[] { 0x4D, 0xC0, 0x80 }, "Command rejected: not UTF-8 text (byte 1)")]
        [DataRow(new byte[] { 0xED, 0xA0, 0x80 }, "Command rejected: not UTF-8 text (byte 0)")]
        [DataRow(new byte[0], "Command rejected: empty message")]
        public void Payloads_that_are_no_text_are_refused_before_the_handler(byte[] payload, string reply)
        {
            EchoCommandHandler handler = new EchoCommandHandler();
            CommandTopicBridge bridge = new CommandTopicBridge(handler, 128);
            int length = bridge.Process(payload, 0, payload.Length);
            Assert.AreEqual(reply, Ascii.Text(bridge.Reply, 0, length));
            Assert.IsNull(handler.Last);
            Assert.AreEqual(1, bridge.Rejected);
        }

        [TestMethod]
        public void A_handler_that_throws_gets_a_failure_reply_not_a_crash()
        {
            EchoCommandHandler handler = new EchoCommandHandler();
            handler.Throw = true;
            CommandTopicBridge bridge = new CommandTopicBridge(handler, 128);
            byte[] payload = Ascii.Bytes("MCP RESET PWD=1");
            int length = bridge.Process(payload, 0, payload.Length);
            Assert.AreEqual("Command failed: broken", Ascii.Text(bridge.Reply, 0, length));
        }

        [TestMethod]
        public void UTF8_text_is_passed_on_decoded()
        {
            EchoCommandHandler handler = new EchoCommandHandler();
            CommandTopicBridge bridge = new CommandTopicBridge(handler, 128);
            byte[] payload = new byte[] { 0x41, 0xC3, 0xA4 };
            bridge.Process(payload, 0, payload.Length);
            Assert.AreEqual("A\u00e4", handler.Last);
        }
    }
}
