using System;

namespace Concentrator.Core.Forwarding
{
    /// <summary>
    /// One message read from the <see cref="ForwardQueue"/>, into buffers the caller allocates once and reuses:
    /// topic (UTF-8), payload, QoS, retain flag, the record kind and the queue's sequence number.
    /// </summary>
    public sealed class QueuedMessage
    {
        public QueuedMessage(int payloadCapacity)
        {
            if (payloadCapacity < 1)
            {
                throw new ArgumentOutOfRangeException("payloadCapacity");
            }

            Topic = new byte[ForwardQueue.MaxTopicBytes];
            Payload = new byte[payloadCapacity];
        }

        public byte[] Topic { get; private set; }

        public int TopicLength { get; internal set; }

        public byte[] Payload { get; private set; }

        public int PayloadLength { get; internal set; }

        /// <summary>Position in the queue: consecutive, one per enqueued message, never reused.</summary>
        public uint Sequence { get; internal set; }

        public byte QualityOfService { get; internal set; }

        public bool Retain { get; internal set; }

        /// <summary>What the record holds: a topic and payload, or a body (in <see cref="Payload"/>) that becomes them when sent.</summary>
        public QueuedRecordKind Kind { get; internal set; }

        /// <summary>True when the topic equals <paramref name="topic"/> (ASCII compare; no string is made).</summary>
        public bool TopicEquals(string topic)
        {
            if (topic == null || topic.Length != TopicLength)
            {
                return false;
            }

            for (int i = 0; i < TopicLength; i++)
            {
                if (Topic[i] != topic[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
