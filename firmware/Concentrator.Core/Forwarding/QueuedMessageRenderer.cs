using System;
using System.Text;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Forwarding
{
    /// <summary>
    /// Turns a record read from the <see cref="ForwardQueue"/> into the MQTT topic and payload to publish, the one place
    /// where that happens. A <see cref="QueuedRecordKind.TopicAndPayload"/> record is published as stored (error texts,
    /// discovery configs, readings queued by an older firmware). A <see cref="QueuedRecordKind.ReadingSet"/> record is
    /// decoded (<see cref="ReadingRecordCodec"/>) into a reused <see cref="ReadingSet"/> and formatted by
    /// <see cref="ReadingJsonFormatter.WriteReadingsPayload"/> into a reused buffer: the same bytes the set gave when it
    /// was read, on the topic <see cref="MqttTopics.Readings"/> of its meter. Topics are remembered (the last
    /// <see cref="CachedTopics"/>), so the steady state allocates nothing. A record that cannot be rendered (damaged, a
    /// newer format, a payload beyond the buffer) makes <see cref="Render"/> return false with the reason in
    /// <see cref="Problem"/>: the caller reports it and acknowledges the record, so it never blocks the queue.
    /// One instance per thread.
    /// </summary>
    public sealed class QueuedMessageRenderer
    {
        /// <summary>Topics kept for reuse (error topics, JSON records' topics); more than the meters of a full inventory.</summary>
        public const int CachedTopics = 40;

        /// <summary>Meter ids and readings topics kept for reuse: every meter of a full inventory (older ones are replaced in turn).</summary>
        public const int CachedMeters = Configuration.ConcentratorConfiguration.MaxMeters + 1;

        private readonly string _prefix;
        private readonly string _deviceId;
        private readonly ReadingRecordCodec _codec = new ReadingRecordCodec();
        private readonly ReadingJsonFormatter _formatter = new ReadingJsonFormatter();
        private readonly ReadingSet _set;
        private readonly JsonWriter _writer;
        private readonly string[] _meterIds = new string[CachedMeters];
        private readonly string[] _readingsTopics = new string[CachedMeters];
        private readonly string[] _topics = new string[CachedTopics];
        private int _nextMeter;
        private int _nextTopic;

        /// <param name="topicPrefix">First topic level (as the readings were queued with).</param>
        /// <param name="deviceId">This concentrator's id in topics.</param>
        /// <param name="maxReadings">Most readings a queued reading set may hold.</param>
        /// <param name="textCapacity">Most text bytes (values, units, identifiers) a queued reading set may hold.</param>
        /// <param name="payloadCapacity">Size of the JSON buffer (the same as the readings were checked against when queued).</param>
        public QueuedMessageRenderer(string topicPrefix, string deviceId, int maxReadings, int textCapacity, int payloadCapacity)
            : this(topicPrefix, deviceId, maxReadings, textCapacity, new JsonWriter(payloadCapacity))
        {
        }

        /// <summary>
        /// As above, formatting into <paramref name="payload"/>, a writer the caller may use between renders too (the
        /// board checks each reading set's JSON size in the same buffer when it queues the set, under one lock with the
        /// renders: one payload-sized buffer instead of two on a small heap).
        /// </summary>
        public QueuedMessageRenderer(string topicPrefix, string deviceId, int maxReadings, int textCapacity, JsonWriter payload)
        {
            if (payload == null)
            {
                throw new ArgumentNullException("payload");
            }

            if (topicPrefix == null)
            {
                throw new ArgumentNullException("topicPrefix");
            }

            if (deviceId == null)
            {
                throw new ArgumentNullException("deviceId");
            }

            _prefix = topicPrefix;
            _deviceId = deviceId;
            _set = new ReadingSet(maxReadings, textCapacity);
            _writer = payload;
        }

        /// <summary>After a successful <see cref="Render"/>: the topic to publish on.</summary>
        public string Topic { get; private set; }

        /// <summary>After a successful <see cref="Render"/>: the buffer holding the payload (the message's or this renderer's; valid until the next call).</summary>
        public byte[] Payload { get; private set; }

        public int PayloadLength { get; private set; }

        /// <summary>After a failed <see cref="Render"/>: why the record cannot be published (which record, which field).</summary>
        public string Problem { get; private set; }

        /// <summary>Records that could not be rendered since this instance was made.</summary>
        public int Failures { get; private set; }

        /// <summary>The reading set of the last rendered <see cref="QueuedRecordKind.ReadingSet"/> record.</summary>
        public ReadingSet Readings
        {
            get { return _set; }
        }

        /// <summary>Fills <see cref="Topic"/> and <see cref="Payload"/> from the message; false (with <see cref="Problem"/>) when it cannot be published.</summary>
        public bool Render(QueuedMessage message)
        {
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }

            Problem = null;
            if (message.Kind == QueuedRecordKind.TopicAndPayload)
            {
                Topic = TopicOf(message.Topic, message.TopicLength);
                Payload = message.Payload;
                PayloadLength = message.PayloadLength;
                return true;
            }

            if (message.Kind != QueuedRecordKind.ReadingSet)
            {
                return Fail(message, "record kind " + ((int)message.Kind).ToString() + " is not known to this firmware (written by a newer one?)");
            }

            if (_codec.Decode(message.Payload, 0, message.PayloadLength, _set) != ReadingRecordStatus.Ok)
            {
                return Fail(message, _codec.Problem);
            }

            int meter = FindMeter(message.Payload, _codec.MeterIdOffset, _codec.MeterIdLength);
            _writer.Reset();
            _formatter.WriteReadingsPayload(_writer, _meterIds[meter], _set, _codec.ReceivedUtc);
            if (_writer.Overflowed)
            {
                return Fail(message, "its readings JSON needs more than the " + _writer.Buffer.Length.ToString() + "-byte payload buffer");
            }

            Topic = _readingsTopics[meter];
            Payload = _writer.Buffer;
            PayloadLength = _writer.Length;
            return true;
        }

        private bool Fail(QueuedMessage message, string reason)
        {
            Failures++;
            Topic = null;
            Payload = null;
            PayloadLength = 0;
            Problem = "queued message " + message.Sequence.ToString() + " cannot be published and is skipped: " + reason;
            return false;
        }

        private int FindMeter(byte[] bytes, int offset, int length)
        {
            for (int i = 0; i < CachedMeters; i++)
            {
                if (AsciiEquals(_meterIds[i], bytes, offset, length))
                {
                    return i;
                }
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)bytes[offset + i];
            }

            int slot = _nextMeter;
            _nextMeter = (_nextMeter + 1) % CachedMeters;
            _meterIds[slot] = new string(chars);
            _readingsTopics[slot] = MqttTopics.Readings(_prefix, _deviceId, _meterIds[slot]);
            return slot;
        }

        private string TopicOf(byte[] bytes, int length)
        {
            for (int i = 0; i < CachedTopics; i++)
            {
                if (AsciiEquals(_topics[i], bytes, 0, length))
                {
                    return _topics[i];
                }
            }

            string topic = Encoding.UTF8.GetString(bytes, 0, length);
            bool ascii = true;
            for (int i = 0; i < length && ascii; i++)
            {
                ascii = bytes[i] < 0x80;
            }

            if (ascii)
            {
                // Only ASCII topics are kept: their bytes and characters compare one to one.
                _topics[_nextTopic] = topic;
                _nextTopic = (_nextTopic + 1) % CachedTopics;
            }

            return topic;
        }

        private static bool AsciiEquals(string text, byte[] bytes, int offset, int length)
        {
            if (text == null || text.Length != length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (text[i] != bytes[offset + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
