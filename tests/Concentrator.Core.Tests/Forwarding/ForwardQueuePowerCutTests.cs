using Concentrator.Core.Forwarding;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Forwarding
{
    /// <summary>
    /// The queue against a power cut at every byte of every write of a scripted run (enqueues, sends, out-of-order
    /// acknowledgements, a reconnect, an outage that fills the ring and drops the oldest): after each cut the queue
    /// reopens intact, has lost nothing unacknowledged, resends at most what the last checkpoint had not yet recorded,
    /// and goes on working.
    /// </summary>
    [TestClass]
    public class ForwardQueuePowerCutTests
    {
        private const int CheckpointInterval = 4;

        [TestMethod]
        public void The_script_wraps_the_ring_and_drops()
        {
            MemoryBlockStore memory = new MemoryBlockStore(QueueScript.RingStoreBytes);
            PowerCutBlockStore counting = new PowerCutBlockStore(memory, -1);
            ForwardQueue queue = NewQueue(counting);
            Assert.AreEqual((int)QueueOpenResult.Created, (int)queue.Open());
            QueuedMessage scratch = new QueuedMessage(QueueScript.MaxRecord);
            for (int step = 0; step < QueueScript.Steps; step++)
            {
                QueueScript.Step(queue, scratch, step);
            }

            Assert.IsTrue(counting.Written > 3 * queue.RingBytes, "the run writes the ring over more than three times: " + counting.Written.ToString());
            Assert.IsTrue(queue.Dropped > 0, "the outage overflows the ring");
            string problem;
            QueueScript.CheckContents(queue, scratch, out problem);
            Assert.IsNull(problem, problem);
        }

        [TestMethod]
        public void Power_cut_at_every_written_byte_leaves_an_intact_queue()
        {
            MemoryBlockStore probe = new MemoryBlockStore(QueueScript.RingStoreBytes);
            PowerCutBlockStore counting = new PowerCutBlockStore(probe, -1);
            ForwardQueue full = NewQueue(counting);
            full.Open();
            QueuedMessage scratch = new QueuedMessage(QueueScript.MaxRecord);
            for (int step = 0; step < QueueScript.Steps; step++)
            {
                QueueScript.Step(full, scratch, step);
            }

            int total = counting.Written;
            int resent = 0;
            for (int cut = 0; cut < total; cut++)
            {
                MemoryBlockStore memory = new MemoryBlockStore(QueueScript.RingStoreBytes);
                PowerCutBlockStore store = new PowerCutBlockStore(memory, cut);
                ForwardQueue queue = NewQueue(store);
                bool opened = false;
                uint durableBefore = 0;
                try
                {
                    queue.Open();
                    opened = true;
                    for (int step = 0; step < QueueScript.Steps; step++)
                    {
                        durableBefore = queue.DurableOldestSequence;
                        QueueScript.Step(queue, scratch, step);
                    }
                }
                catch (PowerCutException)
                {
                }

                Assert.IsTrue(store.IsCut, "cut at byte " + cut.ToString() + " happened");
                ForwardQueue again = NewQueue(memory);
                QueueOpenResult result = again.Open();
                string at = "cut after " + cut.ToString() + " bytes: ";
                if (!opened)
                {
                    Assert.AreEqual(0, again.Count, at + "a queue cut while being created is empty");
                    Assert.IsTrue(result != QueueOpenResult.Replaced, at + "a queue cut while being created is not taken for another format");
                }
                else
                {
                    Assert.AreEqual((int)QueueOpenResult.Recovered, (int)result, at + "recovered");
                    uint first = again.OldestSequence;
                    Assert.IsTrue((int)(first - durableBefore) >= 0, at + "restarts at or after the last checkpoint " + durableBefore.ToString() + ", got " + first.ToString());
                    Assert.IsTrue((int)(queue.OldestSequence - first) >= 0, at + "nothing unacknowledged lost: oldest " + queue.OldestSequence.ToString() + ", recovered from " + first.ToString());
                    Assert.IsTrue((int)(queue.OldestSequence - first) <= CheckpointInterval + 2, at + "resends only what the checkpoint had not recorded");
                    int extra = (int)(again.NextSequence - queue.NextSequence);
                    Assert.IsTrue(extra == 0 || extra == 1, at + "every completed enqueue kept, at most the interrupted one more; next " + again.NextSequence.ToString() + " vs " + queue.NextSequence.ToString());
                    Assert.IsTrue(again.Dropped <= queue.Dropped, at + "dropped count not above the one before the cut");
                    resent += (int)(queue.OldestSequence - first);
                }

                // The recovered queue goes on: a new message lands after the recovered ones and everything reads back.
                QueueStatus enqueued = QueueScript.Enqueue(again);
                Assert.IsTrue(enqueued == QueueStatus.Ok || enqueued == QueueStatus.OkDroppedOldest, at + "enqueue after recovery: " + enqueued.ToString());
                string problem;
                QueueScript.CheckContents(again, scratch, out problem);
                Assert.IsNull(problem, at + problem);
                Assert.AreEqual(0, again.Count);
            }

            Assert.IsTrue(resent > 0, "some cuts fall between an acknowledgement and its checkpoint (at-least-once is exercised)");
        }

        private static ForwardQueue NewQueue(IBlockStore store)
        {
            ForwardQueue queue = new ForwardQueue(store, QueueScript.MaxRecord);
            queue.CheckpointInterval = CheckpointInterval;
            return queue;
        }
    }
}
