using System.Text;
using Concentrator.Cli.CommandLine;
using Concentrator.Cli.Commands;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Simulation.Iec;
using Concentrator.Host.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

/// <summary><c>run --mqtt</c> answers CAPT and DIAG on the command topic; the capture dump reaches a real mosquitto.</summary>
[TestClass]
public sealed class RunCommandMqttDiagnosticsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(90_000, CooperativeCancellation = true)]
    public async Task Capt_and_diag_arrive_on_the_command_topic_and_the_dump_on_the_capture_topic()
    {
        CancellationToken cancel = TestContext.CancellationToken;
        using var iec = new SimulatedIecMeterServer(new IecMeterProfile());
        iec.Start(0);
        using MosquittoBroker broker = MosquittoBroker.Start();
        using MqttClient client = await TestClients.ConnectAsync(broker, "installer", cancel);
        ClientRecorder received = new(client);
        await client.SubscribeAsync("concentrator/mq/command/reply", MqttQualityOfService.AtLeastOnce, cancel);
        await client.SubscribeAsync("concentrator/mq/meters/optical/capture", MqttQualityOfService.AtLeastOnce, cancel);
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "device=mq\nread-budget-ms=15000\nmeter optical port=optical protocol=iec62056-21 address=127.0.0.1:" + iec.Port + " interval=3\n");
            var output = new StringWriter();
            var error = new StringWriter();
            Task<int> run = Task.Run(() => CliApplication.Run(new[] { "run", "--config", path, "--mqtt", "127.0.0.1:" + broker.Port, "--duration", "20" },
                new CliConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error), () => Stream.Null), cancel), cancel);

            // The runner subscribes once it is connected: ask until it answers.
            string? reply = null;
            for (int i = 0; i < 20 && reply is null; i++)
            {
                await client.PublishAsync("concentrator/mq/command", "MCP CAPT PWD=HELLO ID=optical N=1", MqttQualityOfService.AtLeastOnce, cancellationToken: cancel);
                reply = await NextOn(received, "concentrator/mq/command/reply", TimeSpan.FromSeconds(1), cancel);
            }

            Assert.AreEqual("CAPT=ARMED ID=optical N=1", reply, error.ToString());
            string? dump = await NextOn(received, "concentrator/mq/meters/optical/capture", TimeSpan.FromSeconds(20), cancel);
            Assert.IsNotNull(dump, "no capture published\n" + error);
            StringAssert.StartsWith(dump, "capture optical: 1 of 1 session(s)");
            StringAssert.Contains(dump, "ms TX 2F 3F 21 0D 0A\n");

            await client.PublishAsync("concentrator/mq/command", "MCP DIAG PWD=HELLO ID=optical", MqttQualityOfService.AtLeastOnce, cancellationToken: cancel);
            string? diag = await NextOn(received, "concentrator/mq/command/reply", TimeSpan.FromSeconds(5), cancel);
            StringAssert.StartsWith(diag, "ID=optical ST=OK RD=");
            StringAssert.Contains(diag, " LINK=[IEC C 9600 7E1] LAST=");

            await client.PublishAsync("concentrator/mq/command", "MCP DIAG PWD=HELLO", MqttQualityOfService.AtLeastOnce, cancellationToken: cancel);
            string? all = await NextOn(received, "concentrator/mq/command/reply", TimeSpan.FromSeconds(5), cancel);
            StringAssert.Contains(all, " MQTT=UP ");
            Assert.AreEqual(0, await run, error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The next message on the topic within the wait (others are skipped), or null.
    private static async Task<string?> NextOn(ClientRecorder received, string topic, TimeSpan wait, CancellationToken cancel)
    {
        DateTime until = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < until)
        {
            if (received.TryNext(out MqttMessageReceivedEventArgs? message))
            {
                if (message.Message.Topic == topic)
                {
                    return Encoding.UTF8.GetString(message.Message.Payload);
                }

                continue;
            }

            await Task.Delay(50, cancel);
        }

        return null;
    }
}
