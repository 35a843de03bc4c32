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
    private const string ReadingsTopic = "concentrator/killed/meters/p1/readings";

    /// <summary>Readings the first run has written to its queue when it is killed.</summary>
    private const int ReadingsBeforeKill = 30;

    /// <summary>The size of the demo's queue file.</summary>
    private const int QueueBytes = 1024 * 1024;

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
            // Run 1: no broker yet (a port that refuses connections), telegrams every 20 ms go into the queue file; killed
            // mid-stream once the file holds enough readings. The file is created at its full size when the queue opens, so
            // its length says nothing: the test counts the readings topics written into it (the queue stores topics verbatim).
            using (var deadPort = new RefusingPort())
            using (Process first = CliRun.StartProcess("demo", "--mqtt", "127.0.0.1:" + deadPort.Port, "--queue", queueFile, "--optical", "0", "--dlms", "0", "--interval", "0.02", "--device", "killed"))
            {
                // Its output is read as it comes, so that a full pipe never blocks it, and shown when the test fails.
                var log = new StringBuilder();
                first.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
                first.OutputDataReceived += (_, e) => { }; // the messages go to the queue; nothing is expected here
                first.BeginErrorReadLine();
                first.BeginOutputReadLine();
                string Log() { lock (log) { return log.ToString(); } }
                try
                {
                    int written = 0;
                    bool filled = Eventually.True(() => first.HasExited || (written = ReadingsInSnapshot(queueFile)) >= ReadingsBeforeKill, TimeSpan.FromSeconds(60));
                    Assert.IsFalse(first.HasExited, "the runner still runs before the kill; its output:\n" + Log());
                    Assert.IsTrue(filled, "the runner wrote " + ReadingsBeforeKill + " readings into the queue within 60 s; it wrote " + written + "; its output:\n" + Log());
                    first.Kill(); // SIGKILL: no finally blocks, no flush, no checkpoint
                    Assert.IsTrue(first.WaitForExit(10_000));
                }
                finally
                {
                    if (!first.HasExited)
                    {
                        first.Kill();
                    }
                }
            }

            // The file as the kill left it: a recovered queue of consecutive, complete readings messages.
            List<string> queued;
            using (var store = new FileBlockStore(queueFile, QueueBytes))
            {
                queued = QueuedReadings(store, strict: true);
            }

            // Every record that was whole when the kill came is there.
            Assert.IsTrue(queued.Count >= ReadingsBeforeKill, "the first run queued readings: " + queued.Count);

            // Run 2: the broker is up; the restarted runner sends the old queue first, then new readings.
            using MosquittoBroker broker = MosquittoBroker.Start();
            using MqttClient watcher = await TestClients.ConnectAsync(broker, "killed-watcher", cancel);
            ClientRecorder received = new(watcher);
            await watcher.SubscribeAsync(ReadingsTopic, MqttQualityOfService.AtLeastOnce, cancel);
            CliRun second = await Task.Run(() => CliRun.InProcess("demo", "--mqtt", "127.0.0.1:" + broker.Port, "--queue", queueFile, "--optical", "0", "--dlms", "0", "--sml", "0",
                "--interval", "0.2", "--device", "killed", "--count", "2", "--drain", "20"), cancel); // --count counts every meter's readings: P1 only
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

    /// <summary>
    /// The readings messages in a queue store, read the way the restarted runner reads them (acknowledgements stay in
    /// memory). Strict: asserts that the queue was recovered and holds consecutive, complete messages to its end.
    /// </summary>
    private static List<string> QueuedReadings(IBlockStore store, bool strict)
    {
        List<string> readings = new();
        var queue = new ForwardQueue(store, 16 * 1024) { CheckpointInterval = int.MaxValue }; // acknowledgements stay in memory
        QueueOpenResult opened = queue.Open();
        if (strict)
        {
            Assert.AreEqual(QueueOpenResult.Recovered, opened);
        }

        var message = new QueuedMessage(16 * 1024);
        var renderer = new QueuedMessageRenderer(Concentrator.Core.Mqtt.MqttTopics.DefaultPrefix, "killed", 1024, 16 * 1024, 16 * 1024);
        uint expected = queue.OldestSequence;
        while (queue.TryReadNext(message) == QueueStatus.Ok)
        {
            Assert.AreEqual(expected++, message.Sequence);
            Assert.IsTrue(renderer.Render(message), renderer.Problem); // what the restarted runner sends
            string topic = renderer.Topic;
            string payload = Encoding.UTF8.GetString(renderer.Payload, 0, renderer.PayloadLength);
            if (topic == ReadingsTopic)
            {
                using JsonDocument json = JsonDocument.Parse(payload); // complete JSON, not a torn tail
                Assert.AreEqual(QueuedRecordKind.ReadingSet, message.Kind, "readings are queued as compact records");
                readings.Add(payload);
            }

            if (queue.InFlight == ForwardQueue.MaxInFlight)
            {
                queue.Acknowledge(queue.OldestSequence); // to read past the in-flight window; never checkpointed
            }
        }

        if (strict)
        {
            Assert.AreEqual(queue.NextSequence, expected, "read to the end");
        }

        return readings;
    }

    /// <summary>
    /// How many readings messages a copy of the queue file holds now (taken while the runner writes it; a record half
    /// written at that moment is not counted). 0 while the file cannot be read.
    /// </summary>
    private static int ReadingsInSnapshot(string path)
    {
        var snapshot = new MemoryBlockStore(QueueBytes);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.ReadAtLeast(snapshot.Bytes, snapshot.Bytes.Length, throwOnEndOfStream: false);
            return QueuedReadings(snapshot, strict: false).Count;
        }
        catch (Exception exception) when (exception is IOException or JsonException or AssertFailedException)
        {
            return 0; // not created yet, or caught mid-write: look again
        }
    }
}
