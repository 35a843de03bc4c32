using System.Text;
using System.Text.Json;
using Concentrator.Cli.CommandLine;
using Concentrator.Cli.Commands;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

/// <summary><c>demo --mqtt</c>: the simulated E350 read by the real Core, published to a real mosquitto at QoS 1.</summary>
[TestClass]
public sealed class DemoMqttTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Demo_publishes_each_telegram_to_the_broker()
    {
        CancellationToken cancel = TestContext.CancellationToken;
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient subscriber = await TestClients.ConnectAsync(broker, "demo-watcher", cancel);
        ClientRecorder received = new(subscriber);
        MqttSubscribeResult subscription = await subscriber.SubscribeAsync("concentrator/#", MqttQualityOfService.AtLeastOnce, cancel);
        Assert.AreEqual(MqttRequestStatus.Acknowledged, subscription.Status);

        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await Task.Run(() => CliApplication.Run(
            new[] { "demo", "--mqtt", "127.0.0.1:" + broker.Port, "--count", "2", "--sml", "0", "--optical", "0", "--dlms", "0" },
            new CliConsole(output, error, () => Stream.Null),
            cancel), cancel);

        Assert.AreEqual(0, exit, error.ToString());
        StringAssert.Contains(error.ToString() + output.ToString(), "published 2");
        Assert.IsFalse(output.ToString().Contains("{\"meter\""), "payloads go to the broker, not to stdout");

        for (int i = 0; i < 2; i++)
        {
            MqttMessageReceivedEventArgs message = await received.NextMessageAsync(TestClients.Wait, cancel);
            while (message.Message.Topic is "concentrator/demo/status" or "concentrator/demo/info")
            {
                message = await received.NextMessageAsync(TestClients.Wait, cancel); // the retained status and device information come too
            }

            Assert.AreEqual("concentrator/demo/meters/p1/readings", message.Message.Topic);
            using JsonDocument payload = JsonDocument.Parse(Encoding.UTF8.GetString(message.Message.Payload));
            Assert.AreEqual("p1", payload.RootElement.GetProperty("meter").GetString());
            Assert.AreEqual("dsmr", payload.RootElement.GetProperty("protocol").GetString());
            JsonElement energy = payload.RootElement.GetProperty("readings").GetProperty("1-0:1.8.1*255");
            Assert.AreEqual("kWh", energy.GetProperty("unit").GetString());
            Assert.IsTrue(energy.GetProperty("value").GetDouble() > 0);
        }
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public void Demo_with_an_unreachable_broker_says_so_and_fails()
    {
        using var refusing = new RefusingPort(); // no broker there, and none can start there during the test
        int port = refusing.Port;

        var output = new StringWriter();
        var error = new StringWriter();
        // --drain 2: the reading stays queued whatever the wait; the default 10 s would only make the test slower.
        int exit = CliApplication.Run(new[] { "demo", "--mqtt", "127.0.0.1:" + port, "--count", "1", "--sml", "0", "--optical", "0", "--dlms", "0", "--drain", "2" }, new CliConsole(output, error, () => Stream.Null), TestContext.CancellationToken);

        Assert.AreNotEqual(0, exit);
        StringAssert.Contains(error.ToString(), "cannot publish to 127.0.0.1:" + port);
    }
}
