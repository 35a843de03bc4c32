using Concentrator.Core.Mqtt;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Mqtt
{
    [TestClass]
    public class MqttTopicsTests
    {
        [TestMethod]
        public void Topics_live_under_prefix_and_device()
        {
            Assert.AreEqual("concentrator/gw1/meters/p1/readings", MqttTopics.Readings(MqttTopics.DefaultPrefix, "gw1", "p1"));
            Assert.AreEqual("concentrator/gw1/meters/p1/error", MqttTopics.MeterError(MqttTopics.DefaultPrefix, "gw1", "p1"));
            Assert.AreEqual("home/gw1/status", MqttTopics.Status("home", "gw1"));
        }
    }
}
