using System;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Forwarding
{
    [TestClass]
    public class SegmentedBlockStoreTests
    {
        [TestMethod]
        public void The_scripted_queue_run_leaves_the_same_bytes_as_in_one_region()
        {
            // 16 segments of 48 bytes: records of 24..113 bytes cross segment ends all the time.
            MemoryBlockStore whole = new MemoryBlockStore(16 * 48);
            MemorySegmentFiles files = new MemorySegmentFiles(16, 48);
            SegmentedBlockStore segmented = new SegmentedBlockStore(files);
            Assert.AreEqual(whole.Capacity, segmented.Capacity);

            ForwardQueue a = new ForwardQueue(whole, QueueScript.MaxRecord);
            ForwardQueue b = new ForwardQueue(segmented, QueueScript.MaxRecord);
            a.Open();
            b.Open();
            QueuedMessage scratch = new QueuedMessage(QueueScript.MaxRecord);
            for (int step = 0; step < QueueScript.Steps; step++)
            {
                QueueScript.Step(a, scratch, step);
                QueueScript.Step(b, scratch, step);
            }

            for (int i = 0; i < whole.Capacity; i++)
            {
                Assert.AreEqual(whole.Bytes[i], files.Segment(i / 48)[i % 48], "byte " + i.ToString());
            }

            for (int i = 0; i < files.SegmentCount; i++)
            {
                Assert.IsTrue(files.Writes[i] > 0, "segment " + i.ToString() + " is used");
            }

            ForwardQueue reopened = new ForwardQueue(segmented, QueueScript.MaxRecord);
            Assert.AreEqual((int)QueueOpenResult.Recovered, (int)reopened.Open());
            string problem;
            QueueScript.CheckContents(reopened, scratch, out problem);
            Assert.IsNull(problem, problem);
        }

        [TestMethod]
        public void Reads_and_writes_are_split_at_segment_ends_and_bounded()
        {
            MemorySegmentFiles files = new MemorySegmentFiles(3, 10);
            SegmentedBlockStore store = new SegmentedBlockStore(files);
            byte[] data = Ascii.Bytes("abcdefghijklmnopqrstuvw");
            store.Write(4, data, 1, 23 - 1); // offsets 4..25: segment 0 (6 bytes), 1 (10), 2 (6)
            Assert.AreEqual(1, files.Writes[0]);
            Assert.AreEqual(1, files.Writes[1]);
            Assert.AreEqual(1, files.Writes[2]);
            byte[] back = new byte[22];
            store.Read(4, back, 0, 22);
            Assert.AreEqual("bcdefghijklmnopqrstuvw", Ascii.Text(back, 0, 22));
            store.Flush();
            Assert.AreEqual(1, files.Flushes);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Write(25, data, 0, 6));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Read(-1, back, 0, 1));
        }
    }
}
