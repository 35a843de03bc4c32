using Concentrator.Host.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttTopicTests
{
    // MQTT 3.1.1 4.7.1.2 and 4.7.1.3 examples.
    [TestMethod]
    [DataRow("#")]
    [DataRow("sport/tennis/#")]
    [DataRow("+")]
    [DataRow("+/tennis/#")]
    [DataRow("sport/+/player1")]
    [DataRow("/+")]
    [DataRow("sport/")]
    public void AcceptsValidFilters(string filter) => Assert.IsTrue(MqttTopic.IsValidTopicFilter(filter));

    [TestMethod]
    [DataRow("")]
    [DataRow("sport/tennis#")]
    [DataRow("sport/tennis/#/ranking")]
    [DataRow("sport+")]
    [DataRow("sport/+x")]
    public void RejectsInvalidFilters(string filter) => Assert.IsFalse(MqttTopic.IsValidTopicFilter(filter));

    [TestMethod]
    [DataRow("meters/1/energy", true)]
    [DataRow("/", true)]
    [DataRow("", false)]
    [DataRow("meters/+", false)]
    [DataRow("meters/#", false)]
    public void TopicNamesHaveNoWildcards(string name, bool valid) => Assert.AreEqual(valid, MqttTopic.IsValidTopicName(name));
}
