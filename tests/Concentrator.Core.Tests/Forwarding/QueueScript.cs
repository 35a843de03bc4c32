using System;
using Concentrator.Core.Forwarding;

namespace Concentrator.Core.Tests.Forwarding
{
    /// <summary>
    /// Deterministic messages for the queue tests (topic and payload follow from the sequence number, so any message
    /// found after a power cut can be checked byte for byte) and a scripted run of enqueues, reads, acknowledgements,
    /// a reconnect and overflow that wraps a small ring several times.
    /// </summary>
    public static class QueueScript
    {
        public const int RingStoreBytes = ForwardQueue.HeaderBytes + 700;
        public const int MaxRecord = 160;
        public const int Steps = 70;

        public static string Topic(uint sequence)
        {
            return "c/dev/meters/m" + (sequence % 7).ToString() + "/readings";
        }

        public static int PayloadLength(uint sequence)
        {
            return 10 + (int)((sequence * 37) % 90);
        }

        public static byte[] Payload(uint sequence)
        {
            byte[] payload = new byte[PayloadLength(sequence)];
            for (int i = 0; i < payload.Length; i++)
            {
                payload[i] = (byte)(sequence * 31 + i * 7);
            }

            return payload;
        }

        public static QueueStatus Enqueue(ForwardQueue queue)
        {
            uint sequence = queue.NextSequence;
            byte[] payload = Payload(sequence);
            if (IsCompact(sequence))
            {
                return queue.EnqueueRecord(QueuedRecordKind.ReadingSet, payload, 0, payload.Length, 1, sequence % 5 == 0);
            }

            return queue.Enqueue(Topic(sequence), payload, 0, payload.Length, 1, sequence % 5 == 0);
        }

        /// <summary>Every third message is a record without a topic (a compact reading set), the others topic and payload.</summary>
        public static bool IsCompact(uint sequence)
        {
            return sequence % 3 == 0;
        }

        /// <summary>
        /// One step of the script: enqueue one or two messages, send up to three, acknowledge some (not always in order),
        /// and now and then lose the connection (rewind). The broker is "down" for steps 25..45, so the ring fills and drops.
        /// </summary>
        public static void Step(ForwardQueue queue, QueuedMessage scratch, int step)
        {
            Enqueue(queue);
            if (step % 3 == 0)
            {
                Enqueue(queue);
            }

            bool brokerUp = step < 25 || step > 45;
            if (!brokerUp)
            {
                return;
            }

            if (step % 11 == 0)
            {
                queue.Rewind();
            }

            uint first = 0;
            int sent = 0;
            for (int i = 0; i < 3; i++)
            {
                if (queue.TryReadNext(scratch) != QueueStatus.Ok)
                {
                    break;
                }

                if (sent == 0)
                {
                    first = scratch.Sequence;
                }

                sent++;
            }

            // PUBACKs: the second before the first when two went out, the third left for a later step.
            if (sent >= 2)
            {
                queue.Acknowledge(first + 1);
            }

            if (sent >= 1 && step % 4 != 1)
            {
                queue.Acknowledge(first);
            }
        }

        /// <summary>Reads every message left and checks each against its sequence number. Returns how many there were.</summary>
        public static int CheckContents(ForwardQueue queue, QueuedMessage scratch, out string problem)
        {
            problem = null;
            queue.Rewind();
            uint expected = queue.OldestSequence;
            int count = 0;
            QueueStatus status;
            while ((status = queue.TryReadNext(scratch)) == QueueStatus.Ok)
            {
                if (scratch.Sequence != expected)
                {
                    problem = "sequence " + scratch.Sequence.ToString() + " where " + expected.ToString() + " was next";
                    return count;
                }

                bool topicRight = IsCompact(expected)
                    ? scratch.Kind == QueuedRecordKind.ReadingSet && scratch.TopicLength == 0
                    : scratch.Kind == QueuedRecordKind.TopicAndPayload && scratch.TopicEquals(Topic(expected));
                if (!topicRight || scratch.QualityOfService != 1 || scratch.Retain != (expected % 5 == 0))
                {
                    problem = "message " + expected.ToString() + " has the wrong kind, topic, QoS or retain flag";
                    return count;
                }

                byte[] payload = Payload(expected);
                if (scratch.PayloadLength != payload.Length)
                {
                    problem = "message " + expected.ToString() + " has " + scratch.PayloadLength.ToString() + " payload bytes, expected " + payload.Length.ToString();
                    return count;
                }

                for (int i = 0; i < payload.Length; i++)
                {
                    if (scratch.Payload[i] != payload[i])
                    {
                        problem = "message " + expected.ToString() + " differs at payload byte " + i.ToString();
                        return count;
                    }
                }

                queue.Acknowledge(expected);
                expected++;
                count++;
            }

            if (status != QueueStatus.Empty)
            {
                problem = "reading stopped with " + status.ToString();
            }
            else if (expected != queue.NextSequence)
            {
                problem = "read up to " + expected.ToString() + " but the next sequence is " + queue.NextSequence.ToString();
            }

            return count;
        }
    }
}
