using System;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Forwarding
{
    [TestClass]
    public class ForwardQueueTests
    {
        private static ForwardQueue OpenNew(MemoryBlockStore store)
        {
            ForwardQueue queue = new ForwardQueue(store, 200);
            queue.Open();
            return queue;
        }

        private static QueueStatus Put(ForwardQueue queue, string topic, string payload)
        {
            byte[] bytes = Ascii.Bytes(payload);
            return queue.Enqueue(topic, bytes, 0, bytes.Length, 1, false);
        }

        private static string PayloadText(QueuedMessage message)
        {
            return Ascii.Text(message.Payload, 0, message.PayloadLength);
        }

        [TestMethod]
        public void New_store_is_created_empty_and_sequences_start_at_one()
        {
            MemoryBlockStore store = new MemoryBlockStore(1024);
            ForwardQueue queue = new ForwardQueue(store, 200);
            Assert.AreEqual((int)QueueOpenResult.Created, (int)queue.Open());
            Assert.AreEqual(0, queue.Count);
            Assert.AreEqual(1u, queue.NextSequence);
            Assert.AreEqual(1024 - ForwardQueue.HeaderBytes, queue.RingBytes);
        }

        [TestMethod]
        public void Messages_come_out_in_order_with_topic_flags_and_consecutive_sequences()
        {
            ForwardQueue queue = OpenNew(new MemoryBlockStore(1024));
            byte[] retained = Ascii.Bytes("online");
            Assert.AreEqual((int)QueueStatus.Ok, (int)Put(queue, "a/b/readings", "{\"v\":1}"));
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.Enqueue("a/b/status", retained, 0, retained.Length, 0, true));
            Assert.AreEqual((int)QueueStatus.Ok, (int)Put(queue, "a/b/readings", "{\"v\":2}"));

            QueuedMessage message = new QueuedMessage(200);
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.AreEqual(1u, message.Sequence);
            Assert.IsTrue(message.TopicEquals("a/b/readings"));
            Assert.AreEqual("{\"v\":1}", PayloadText(message));
            Assert.AreEqual((byte)1, message.QualityOfService);
            Assert.IsFalse(message.Retain);

            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.AreEqual(2u, message.Sequence);
            Assert.IsTrue(message.TopicEquals("a/b/status"));
            Assert.AreEqual((byte)0, message.QualityOfService);
            Assert.IsTrue(message.Retain);

            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.AreEqual(3u, message.Sequence);
            Assert.AreEqual((int)QueueStatus.Empty, (int)queue.TryReadNext(message));
            Assert.AreEqual(3, queue.InFlight);
            Assert.AreEqual(3, queue.Count);
        }

        [TestMethod]
        public void Only_acknowledged_messages_leave_and_out_of_order_acknowledgements_wait_for_the_oldest()
        {
            ForwardQueue queue = OpenNew(new MemoryBlockStore(1024));
            Put(queue, "t", "one");
            Put(queue, "t", "two");
            Put(queue, "t", "three");
            QueuedMessage message = new QueuedMessage(200);
            queue.TryReadNext(message);
            queue.TryReadNext(message);

            Assert.IsTrue(queue.Acknowledge(2));
            Assert.AreEqual(3, queue.Count, "2 acknowledged but 1 is not: nothing leaves yet");
            Assert.IsFalse(queue.Acknowledge(3), "3 was never sent");
            Assert.IsTrue(queue.Acknowledge(1));
            Assert.AreEqual(1, queue.Count);
            Assert.AreEqual(3u, queue.OldestSequence);
            Assert.IsFalse(queue.Acknowledge(1), "a second PUBACK for the same message changes nothing");
        }

        [TestMethod]
        public void Rewind_sends_everything_unacknowledged_again_in_order()
        {
            ForwardQueue queue = OpenNew(new MemoryBlockStore(1024));
            Put(queue, "t", "one");
            Put(queue, "t", "two");
            QueuedMessage message = new QueuedMessage(200);
            queue.TryReadNext(message);
            queue.TryReadNext(message);
            queue.Acknowledge(1);

            queue.Rewind();
            Assert.AreEqual(0, queue.InFlight);
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.AreEqual(2u, message.Sequence);
            Assert.AreEqual("two", PayloadText(message));
        }

        [TestMethod]
        public void Reopening_recovers_unacknowledged_messages_and_the_dropped_count()
        {
            MemoryBlockStore store = new MemoryBlockStore(1024);
            ForwardQueue queue = OpenNew(store);
            for (int i = 0; i < 40; i++)
            {
                Put(queue, "concentrator/dev/meters/m1/readings", "{\"n\":" + i.ToString() + "}");
            }

            Assert.IsTrue(queue.Dropped > 0, "40 messages of ~51 bytes overflow a 960-byte ring");
            QueuedMessage message = new QueuedMessage(200);
            queue.TryReadNext(message);
            queue.Acknowledge(message.Sequence);
            queue.Checkpoint();
            int count = queue.Count;
            uint oldest = queue.OldestSequence;

            ForwardQueue again = new ForwardQueue(store, 200);
            Assert.AreEqual((int)QueueOpenResult.Recovered, (int)again.Open());
            Assert.AreEqual(count, again.Count);
            Assert.AreEqual(oldest, again.OldestSequence);
            Assert.AreEqual(queue.Dropped, again.Dropped);
            Assert.AreEqual((int)QueueStatus.Ok, (int)again.TryReadNext(message));
            Assert.AreEqual(oldest, message.Sequence);
            Assert.AreEqual("{\"n\":" + (oldest - 1).ToString() + "}", PayloadText(message));
        }

        [TestMethod]
        public void A_full_queue_drops_the_oldest_and_says_so()
        {
            ForwardQueue queue = OpenNew(new MemoryBlockStore(ForwardQueue.HeaderBytes + 800));
            QueueStatus last = QueueStatus.Ok;
            int puts = 0;
            while (queue.Dropped == 0)
            {
                last = Put(queue, "t", "0123456789012345678901234567890123456789");
                puts++;
            }

            Assert.AreEqual((int)QueueStatus.OkDroppedOldest, (int)last);
            Assert.AreEqual(puts - 1, queue.Count);
            Assert.AreEqual(2u, queue.OldestSequence, "message 1 was the one dropped");
            Assert.IsTrue(queue.BytesUsed <= queue.RingBytes);
        }

        [TestMethod]
        public void Too_large_and_bad_messages_are_refused_and_nothing_is_stored()
        {
            ForwardQueue queue = OpenNew(new MemoryBlockStore(1024));
            byte[] big = new byte[200];
            Assert.AreEqual((int)QueueStatus.TooLarge, (int)queue.Enqueue("t", big, 0, big.Length, 1, false));
            Assert.AreEqual((int)QueueStatus.BadMessage, (int)queue.Enqueue("", big, 0, 1, 1, false));
            Assert.AreEqual((int)QueueStatus.BadMessage, (int)queue.Enqueue("t", big, 0, 1, 3, false));
            Assert.AreEqual(0, queue.Count);
            Assert.AreEqual(1u, queue.NextSequence);
        }

        [TestMethod]
        public void A_queue_of_another_size_is_replaced_with_the_reason()
        {
            MemoryBlockStore store = new MemoryBlockStore(1024);
            ForwardQueue queue = OpenNew(store);
            Put(queue, "t", "x");

            ForwardQueue other = new ForwardQueue(store, 150);
            Assert.AreEqual((int)QueueOpenResult.Replaced, (int)other.Open());
            Assert.IsNotNull(other.OpenProblem);
            Assert.IsTrue(other.OpenProblem.IndexOf("records up to 200") >= 0, other.OpenProblem);
            Assert.AreEqual(0, other.Count);
        }

        [TestMethod]
        public void A_record_damaged_on_the_medium_is_reported_and_cuts_the_queue_there()
        {
            MemoryBlockStore store = new MemoryBlockStore(1024);
            ForwardQueue queue = OpenNew(store);
            Put(queue, "t", "first");
            Put(queue, "t", "second");
            Put(queue, "t", "third");
            // Record 2 starts after record 1 (14 + 1 + 5 bytes); flip a payload bit.
            store.Bytes[ForwardQueue.HeaderBytes + 20 + 14] ^= 0x01;

            QueuedMessage message = new QueuedMessage(200);
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.AreEqual((int)QueueStatus.Corrupt, (int)queue.TryReadNext(message));
            Assert.AreEqual(1, queue.CorruptRecords);
            Assert.AreEqual(2u, queue.Dropped);
            Assert.AreEqual((int)QueueStatus.Ok, (int)Put(queue, "t", "fourth"));
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
            Assert.AreEqual("fourth", PayloadText(message));
            Assert.AreEqual(2u, message.Sequence);
        }

        [TestMethod]
        public void At_most_MaxInFlight_messages_await_acknowledgement()
        {
            ForwardQueue queue = OpenNew(new MemoryBlockStore(8192));
            for (int i = 0; i < ForwardQueue.MaxInFlight + 3; i++)
            {
                Put(queue, "t", "x");
            }

            QueuedMessage message = new QueuedMessage(200);
            int read = 0;
            while (queue.TryReadNext(message) == QueueStatus.Ok)
            {
                read++;
            }

            Assert.AreEqual(ForwardQueue.MaxInFlight, read);
            queue.Acknowledge(1);
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryReadNext(message));
        }

        [TestMethod]
        public void Using_the_queue_before_Open_is_refused()
        {
            ForwardQueue queue = new ForwardQueue(new MemoryBlockStore(1024), 200);
            Assert.ThrowsException(typeof(InvalidOperationException), () => Put(queue, "t", "x"));
        }
    }
}
