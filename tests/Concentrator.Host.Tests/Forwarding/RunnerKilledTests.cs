using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Core.Forwarding;
using Concentrator.Host.Forwarding;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Tests.Support;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Forwarding;

/// <summary>
/// The runner as a real process (<c>concentrator demo --mqtt … --queue FILE</c>) killed with SIGKILL while it writes
/// telegrams into its queue, then started again: the queue file opens intact and everything in it is delivered, in
/// order, ahead of the new readings.
/// </summary>
[TestClass]
public sealed class RunnerKilledTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task Runner_killed_while_writing_and_restarted_delivers_the_whole_queue_in_order()
    {
        CancellationToken cancel = TestContext.CancellationToken;
        string directory = Directory.CreateTempSubdirectory("killed-runner-").FullName;
        string queueFile = Path.Combine(directory, "queue.bin");
        try
        {
            // Run 1: no broker yet, telegrams every 20 ms go into the queue file; killed mid-stream.
            int deadPort = FreePort();
            using (Process first = CliRun.StartProcess("demo", "--mqtt", "127.0.0.1:" + deadPort, "--queue", queueFile, "--optical", "0", "--dlms", "0", "--interval", "0.02", "--device", "killed"))
            {
                Assert.IsTrue(Eventually.True(() => File.Exists(queueFile) && new FileInfo(queueFile).Length > 0, TimeSpan.FromSeconds(30)), "the queue file appears");
                await Task.Delay(TimeSpan.FromSeconds(3), cancel);
                Assert.IsFalse(first.HasExited, "the runner still runs before the kill");
                first.Kill(); // SIGKILL: no finally blocks, no flush, no checkpoint
                Assert.IsTrue(first.WaitForExit(10_000));
            }

            // The file as the kill left it: a recovered queue of consecutive, complete readings messages.
            List<string> queued = new();
            using (var store = new FileBlockStore(queueFile, 1024 * 1024))
            {
                var queue = new ForwardQueue(store, 16 * 1024) { CheckpointInterval = int.MaxValue }; // acknowledgements stay in memory
                Assert.AreEqual(QueueOpenResult.Recovered, queue.Open());
                var message = new QueuedMessage(16 * 1024);
                uint expected = queue.OldestSequence;
                while (queue.TryReadNext(message) == QueueStatus.Ok)
                {
                    Assert.AreEqual(expected++, message.Sequence);
                    string topic = Encoding.UTF8.GetString(message.Topic, 0, message.TopicLength);
                    string payload = Encoding.UTF8.GetString(message.Payload, 0, message.PayloadLength);
                    if (topic == "concentrator/killed/meters/p1/readings")
                    {
                        using JsonDocument json = JsonDocument.Parse(payload); // complete JSON, not a torn tail
                        queued.Add(payload);
                    }

                    if (queue.InFlight == ForwardQueue.MaxInFlight)
                    {
                        queue.Acknowledge(queue.OldestSequence); // to read past the in-flight window; never checkpointed
                    }
                }

                Assert.AreEqual(queue.NextSequence, expected, "read to the end");
            }

            Assert.IsTrue(queued.Count >= 20, "the first run queued readings: " + queued.Count);

            // Run 2: the broker is up; the restarted runner sends the old queue first, then new readings.
            using MosquittoBroker broker = MosquittoBroker.Start();
            using MqttClient watcher = await TestClients.ConnectAsync(broker, "killed-watcher", cancel);
            ClientRecorder received = new(watcher);
            await watcher.SubscribeAsync("concentrator/killed/meters/p1/readings", MqttQualityOfService.AtLeastOnce, cancel);
            CliRun second = await Task.Run(() => CliRun.InProcess("demo", "--mqtt", "127.0.0.1:" + broker.Port, "--queue", queueFile, "--optical", "0", "--dlms", "0", "--interval", "0.2",
                "--device", "killed", "--count", "2", "--drain", "20"), cancel);
            Assert.AreEqual(0, second.ExitCode, second.Error);
            StringAssert.Contains(second.Error, "Recovered");

            for (int i = 0; i < queued.Count; i++)
            {
                MqttMessageReceivedEventArgs message = await received.NextMessageAsync(TimeSpan.FromSeconds(20), cancel);
                Assert.AreEqual(queued[i], Encoding.UTF8.GetString(message.Message.Payload), "queued reading " + i + " of " + queued.Count + ", in order");
            }

            for (int i = 0; i < 2; i++)
            {
                MqttMessageReceivedEventArgs message = await received.NextMessageAsync(TimeSpan.FromSeconds(20), cancel);
                using JsonDocument json = JsonDocument.Parse(message.Message.Payload);
                Assert.AreEqual("p1", json.RootElement.GetProperty("meter").GetString(), "then the new readings");
            }
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
