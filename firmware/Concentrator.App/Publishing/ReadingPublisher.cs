using System;
using Concentrator.App.Mqtt;
using Concentrator.App.Settings;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Json;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;

namespace Concentrator.App.Publishing
{
    /// <summary>
    /// Puts readings of any meter on any port into the persistent store-and-forward queue at QoS 1, as compact records
    /// (<see cref="ReadingRecordCodec"/>) that become the readings payload (JSON keyed by OBIS) when they are sent; the
    /// payload is checked against the reused buffer of <see cref="ConcentratorSettings.PayloadBytes"/> here. Port threads share it: the buffer is used under a lock, one payload at a time. Each meter has a
    /// <see cref="MeterPublisher"/> (its topics, counters and report throttle) made by <see cref="Add"/>.
    /// </summary>
    public sealed class ReadingPublisher
    {
        private readonly MqttLink _mqtt;
        private readonly ConcentratorSettings _settings;
        private readonly JsonWriter _writer;
        private readonly ReadingJsonFormatter _formatter = new ReadingJsonFormatter();
        private readonly ReadingRecordCodec _codec = new ReadingRecordCodec();
        private readonly byte[] _record = new byte[CompactRecordBytes];
        private readonly object _sync = new object();
        private readonly MeterPublisher[] _meters = new MeterPublisher[Core.Configuration.ConcentratorConfiguration.MaxMeters + 1];
        private int _count;
        private int _readings;

        /// <summary>Largest compact record; a set that needs more is queued as JSON.</summary>
        public const int CompactRecordBytes = 1024;

        public ReadingPublisher(MqttLink mqtt, ConcentratorSettings settings)
        {
            if (mqtt == null)
            {
                throw new ArgumentNullException("mqtt");
            }

            _mqtt = mqtt;
            _settings = settings;
            _writer = mqtt.PayloadWriter; // shared with the renders of queued records, under mqtt.PayloadLock
        }

        public MqttLink Mqtt
        {
            get { return _mqtt; }
        }

        /// <summary>Readings queued or dropped, all meters together (the activity LED follows it).</summary>
        public int Readings
        {
            get { return _readings; }
        }

        public int Count
        {
            get { return _count; }
        }

        public MeterPublisher this[int index]
        {
            get { return _meters[index]; }
        }

        /// <summary>The publisher of meter <paramref name="meterId"/>, made on first use (set-up time; allocates its topics).</summary>
        public MeterPublisher Add(string meterId, MeterPort port)
        {
            MeterPublisher existing = Find(meterId);
            if (existing != null)
            {
                return existing;
            }

            if (_count == _meters.Length)
            {
                throw new InvalidOperationException("more than " + _meters.Length.ToString() + " meters");
            }

            MeterPublisher meter = new MeterPublisher(this, _settings, meterId, port);
            _meters[_count++] = meter;
            return meter;
        }

        /// <summary>The publisher of this meter, or null.</summary>
        public MeterPublisher Find(string meterId)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_meters[i].MeterId == meterId)
                {
                    return _meters[i];
                }
            }

            return null;
        }

        /// <summary>
        /// Queues one reading set; returns null, or why it was not queued. The JSON is formatted here only to check that it
        /// fits the payload buffer; the queue keeps the compact record (<see cref="ReadingRecordCodec"/>), from which the
        /// forwarding thread makes the same JSON when it sends it. A set larger than
        /// <see cref="ConcentratorSettings.CompactReadings"/> or <see cref="CompactRecordBytes"/> is queued as JSON.
        /// </summary>
        internal string Publish(string meterId, string topic, ReadingSet readings)
        {
            lock (_sync)
            lock (_mqtt.PayloadLock)
            {
                _readings++;
                _mqtt.ObserveReadings(meterId, topic, readings); // Home Assistant discovery: due on a meter's first set (a compare after)
                DateTime received = DateTime.UtcNow;
                _writer.Reset();
                _formatter.WriteReadingsPayload(_writer, meterId, readings, received);
                if (_writer.Overflowed)
                {
                    return "readings payload needs more than " + _writer.Buffer.Length.ToString() + " bytes: raise mqtt.payload_bytes";
                }

                int length;
                QueueStatus status = readings.Count <= _settings.CompactReadings
                    && _codec.Encode(meterId, readings, received, _record, 0, _record.Length, out length) == ReadingRecordStatus.Ok
                    ? _mqtt.EnqueueRecord(QueuedRecordKind.ReadingSet, _record, length)
                    : _mqtt.Enqueue(topic, _writer.Buffer, _writer.Length, false);
                return status == QueueStatus.Ok || status == QueueStatus.OkDroppedOldest ? null : "readings not queued: " + status.ToString();
            }
        }

        /// <summary>Counters of every meter, one line each, for the log.</summary>
        public string Summary()
        {
            string text = "queue depth=" + _mqtt.QueueDepth.ToString() + " dropped by the full queue=" + _mqtt.Dropped.ToString();
            for (int i = 0; i < _count; i++)
            {
                text += "\n" + _meters[i].Summary();
            }

            return text;
        }
    }
}
