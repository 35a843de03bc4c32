using System;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>The queue's steady state (enqueue, read, acknowledge, drop when full, checkpoint) and the status payload allocate nothing.</summary>
    [TestClass]
    public class ForwardQueueAllocationTests
    {
        [TestMethod]
        public void Enqueue_read_acknowledge_and_drop_allocate_nothing()
        {
            ForwardQueue queue = new ForwardQueue(new MemoryBlockStore(16 * 1024), 1024);
            queue.Open();
            QueuedMessage message = new QueuedMessage(1024);
            byte[] payload = new byte[344];
            long allocated = Allocation.By(() =>
            {
                for (int i = 0; i < 200; i++)
                {
                    queue.Enqueue("concentrator/gw1/meters/m07/readings", payload, 0, payload.Length, 1, false);
                    if (i % 3 != 0 && queue.TryReadNext(message) == QueueStatus.Ok)
                    {
                        queue.Acknowledge(message.Sequence);
                    }
                }

                queue.Rewind();
                queue.Checkpoint();
            });

            Assert.AreEqual(0L, allocated, "bytes allocated by 200 enqueues with reads, acknowledgements and drops");
            Assert.IsTrue(queue.Dropped > 0, "the loop overflowed the ring");
        }

        [TestMethod]
        public void Status_payload_allocates_nothing()
        {
            JsonWriter writer = new JsonWriter(256);
            StatusReport status = new StatusReport { QueueDepth = 12, QueueDropped = 3, UptimeSeconds = 99 };
            long allocated = Allocation.By(() =>
            {
                writer.Reset();
                StatusPayloadFormatter.WriteOnline(writer, status);
            });
            Assert.AreEqual(0L, allocated);
        }
    }
}
