using System;
using Concentrator.Core.Checksums;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Json;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Readings;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Forwarding
{
    [TestClass]
    public class QueuedMessageRendererTests
    {
        private const int MaxRecord = 1200;

        private static QueuedMessageRenderer NewRenderer()
        {
            return new QueuedMessageRenderer("concentrator", "gw1", 40, 2048, 4096);
        }

        private static string Json(string meterId, ReadingSet set)
        {
            JsonWriter writer = new JsonWriter(4096);
            new ReadingJsonFormatter().WriteReadingsPayload(writer, meterId, set, ReadingSamples.Received);
            return Ascii.Text(writer.Buffer, 0, writer.Length);
        }

        private static QueueStatus PutReadings(ForwardQueue queue, string meterId, ReadingSet set)
        {
            byte[] record = new byte[MaxRecord];
            int length;
            Assert.AreEqual((int)ReadingRecordStatus.Ok, (int)new ReadingRecordCodec().Encode(meterId, set, ReadingSamples.Received, record, 0, record.Length, out length));
            return queue.EnqueueRecord(QueuedRecordKind.ReadingSet, record, 0, length, 1, false);
        }

        private static QueueStatus PutText(ForwardQueue queue, string topic, string text, bool retain)
        {
            byte[] bytes = Ascii.Bytes(text);
            return queue.Enqueue(topic, bytes, 0, bytes.Length, 1, retain);
        }

        private static void AssertRenders(QueuedMessageRenderer renderer, QueuedMessage message, string topic, string payload)
        {
            Assert.IsTrue(renderer.Render(message), renderer.Problem);
            Assert.AreEqual(topic, renderer.Topic);
            Assert.AreEqual(payload, Ascii.Text(renderer.Payload, 0, renderer.PayloadLength));
        }

        [TestMethod]
        public void Compact_readings_and_topic_records_come_out_in_order_as_topic_and_payload_after_a_reopen()
        {
            MemoryBlockStore store = new MemoryBlockStore(16 * 1024);
            ForwardQueue queue = new ForwardQueue(store, MaxRecord);
            queue.Open();
            Assert.AreEqual((int)QueueStatus.Ok, (int)PutText(queue, "concentrator/gw1/meters/p1/readings", "{\"meter\":\"p1\",\"old\":true}", false));
            Assert.AreEqual((int)QueueStatus.Ok, (int)PutReadings(queue, "p1", ReadingSamples.DsmrE350()));
            Assert.AreEqual((int)QueueStatus.Ok, (int)PutText(queue, "concentrator/gw1/meters/m07/error", "read failed (Timeout)", true));
            Assert.AreEqual((int)QueueStatus.Ok, (int)PutReadings(queue, "m07", ReadingSamples.DlmsTwenty()));

            queue = new ForwardQueue(store, MaxRecord); // a reboot
            Assert.AreEqual((int)QueueOpenResult.Recovered, (int)queue.Open());
            QueuedMessage message = new QueuedMessage(MaxRecord);
            QueuedMessageRenderer renderer = NewRenderer();

            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            AssertRenders(renderer, message, "concentrator/gw1/meters/p1/readings", "{\"meter\":\"p1\",\"old\":true}");
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.AreEqual((int)QueuedRecordKind.ReadingSet, (int)message.Kind);
            AssertRenders(renderer, message, "concentrator/gw1/meters/p1/readings", Json("p1", ReadingSamples.DsmrE350()));
            Assert.IsFalse(message.Retain);
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            AssertRenders(renderer, message, "concentrator/gw1/meters/m07/error", "read failed (Timeout)");
            Assert.IsTrue(message.Retain);
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            AssertRenders(renderer, message, "concentrator/gw1/meters/m07/readings", Json("m07", ReadingSamples.DlmsTwenty()));
            Assert.AreEqual(0, renderer.Failures);
        }

        [TestMethod]
        public void A_queue_written_before_compact_records_keeps_its_byte_layout_and_drains_as_before()
        {
            // The record layout every earlier firmware wrote (Forwarding/README.md): byte 9 was always zero. Built here by
            // hand, byte by byte, and compared with what the queue writes for topic-and-payload today.
            MemoryBlockStore store = new MemoryBlockStore(8192);
            ForwardQueue queue = new ForwardQueue(store, MaxRecord);
            queue.Open();
            string topic = "concentrator/gw1/meters/m07/readings";
            string payload = "{\"meter\":\"m07\",\"protocol\":\"dlms\",\"received\":\"2026-11-21T20:15:03Z\",\"readings\":{}}";
            Assert.AreEqual((int)QueueStatus.Ok, (int)PutText(queue, topic, payload, false));

            int length = ForwardQueue.RecordOverhead + topic.Length + payload.Length;
            byte[] old = new byte[length];
            old[0] = 0xC3;
            old[1] = 1;
            old[2] = (byte)length;
            old[3] = (byte)(length >> 8);
            old[4] = 1; // sequence 1
            old[8] = (byte)topic.Length;
            old[9] = 0;
            old[10] = (byte)payload.Length;
            Array.Copy(Ascii.Bytes(topic), 0, old, 12, topic.Length);
            Array.Copy(Ascii.Bytes(payload), 0, old, 12 + topic.Length, payload.Length);
            ushort crc = Crc16.X25(old, 1, length - 3);
            old[length - 2] = (byte)crc;
            old[length - 1] = (byte)(crc >> 8);
            for (int i = 0; i < length; i++)
            {
                Assert.AreEqual(old[i], store.Bytes[ForwardQueue.HeaderBytes + i], "record byte " + i.ToString());
            }

            queue = new ForwardQueue(store, MaxRecord);
            Assert.AreEqual((int)QueueOpenResult.Recovered, (int)queue.Open());
            QueuedMessage message = new QueuedMessage(MaxRecord);
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.AreEqual((int)QueuedRecordKind.TopicAndPayload, (int)message.Kind);
            AssertRenders(NewRenderer(), message, topic, payload);
        }

        [TestMethod]
        public void A_record_that_cannot_be_rendered_is_reported_and_skipped_and_the_queue_goes_on()
        {
            ForwardQueue queue = new ForwardQueue(new MemoryBlockStore(16 * 1024), MaxRecord);
            queue.Open();
            byte[] damaged = new byte[MaxRecord];
            int length;
            new ReadingRecordCodec().Encode("m07", ReadingSamples.IecFive(), ReadingSamples.Received, damaged, 0, damaged.Length, out length);
            damaged[0] = 9; // a format version this firmware does not know
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.EnqueueRecord(QueuedRecordKind.ReadingSet, damaged, 0, length, 1, false));
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.EnqueueRecord((QueuedRecordKind)7, damaged, 0, 10, 1, false));
            byte[] cut = new byte[MaxRecord];
            new ReadingRecordCodec().Encode("m07", ReadingSamples.IecFive(), ReadingSamples.Received, cut, 0, cut.Length, out length);
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.EnqueueRecord(QueuedRecordKind.ReadingSet, cut, 0, length - 5, 1, false));
            Assert.AreEqual((int)QueueStatus.Ok, (int)PutReadings(queue, "m07", ReadingSamples.IecFive()));

            QueuedMessageRenderer renderer = NewRenderer();
            QueuedMessage message = new QueuedMessage(MaxRecord);
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.IsFalse(renderer.Render(message));
            Assert.IsTrue(renderer.Problem.IndexOf("queued message 1 ") >= 0 && renderer.Problem.IndexOf("version 9") >= 0, renderer.Problem);
            Assert.IsTrue(queue.Acknowledge(message.Sequence)); // what the publishers do: skip it

            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.IsFalse(renderer.Render(message));
            Assert.IsTrue(renderer.Problem.IndexOf("kind 7") >= 0, renderer.Problem);
            Assert.IsTrue(queue.Acknowledge(message.Sequence));

            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.IsFalse(renderer.Render(message));
            Assert.IsTrue(renderer.Problem.IndexOf("truncated") >= 0, renderer.Problem);
            Assert.IsTrue(queue.Acknowledge(message.Sequence));

            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            AssertRenders(renderer, message, "concentrator/gw1/meters/m07/readings", Json("m07", ReadingSamples.IecFive()));
            Assert.AreEqual(3, renderer.Failures);
            Assert.IsTrue(queue.Acknowledge(message.Sequence));
            Assert.AreEqual(0, queue.Count);
        }

        [TestMethod]
        public void A_set_beyond_the_renderers_buffers_is_reported()
        {
            ForwardQueue queue = new ForwardQueue(new MemoryBlockStore(16 * 1024), MaxRecord);
            queue.Open();
            Assert.AreEqual((int)QueueStatus.Ok, (int)PutReadings(queue, "m07", ReadingSamples.DlmsTwenty()));
            Assert.AreEqual((int)QueueStatus.Ok, (int)PutReadings(queue, "m07", ReadingSamples.DlmsTwenty()));
            QueuedMessage message = new QueuedMessage(MaxRecord);

            queue.TryReadNext(message);
            QueuedMessageRenderer fewReadings = new QueuedMessageRenderer("concentrator", "gw1", 10, 2048, 4096);
            Assert.IsFalse(fewReadings.Render(message));
            Assert.IsTrue(fewReadings.Problem.IndexOf("holds 20 readings") >= 0, fewReadings.Problem);

            queue.TryReadNext(message);
            QueuedMessageRenderer smallPayload = new QueuedMessageRenderer("concentrator", "gw1", 40, 2048, 200);
            Assert.IsFalse(smallPayload.Render(message));
            Assert.IsTrue(smallPayload.Problem.IndexOf("200-byte payload buffer") >= 0, smallPayload.Problem);
        }

        [TestMethod]
        public void Queue_refuses_compact_records_it_cannot_hold()
        {
            ForwardQueue queue = new ForwardQueue(new MemoryBlockStore(4096), 200);
            queue.Open();
            byte[] body = new byte[300];
            Assert.AreEqual((int)QueueStatus.BadMessage, (int)queue.EnqueueRecord(QueuedRecordKind.TopicAndPayload, body, 0, 10, 1, false));
            Assert.AreEqual((int)QueueStatus.BadMessage, (int)queue.EnqueueRecord(QueuedRecordKind.ReadingSet, body, 0, 10, 3, false));
            Assert.AreEqual((int)QueueStatus.TooLarge, (int)queue.EnqueueRecord(QueuedRecordKind.ReadingSet, body, 0, 200 - ForwardQueue.RecordOverhead, 1, false));
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.EnqueueRecord(QueuedRecordKind.ReadingSet, body, 0, 199 - ForwardQueue.RecordOverhead, 1, false));
            QueuedMessage message = new QueuedMessage(200);
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.AreEqual(199 - ForwardQueue.RecordOverhead, message.PayloadLength);
            Assert.AreEqual(0, message.TopicLength);
        }
    }
}
