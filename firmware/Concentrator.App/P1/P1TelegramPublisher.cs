using System;
using System.Text;
using Concentrator.App.Mqtt;
using Concentrator.App.Settings;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Timing;

namespace Concentrator.App.P1
{
    /// <summary>
    /// Receives what the P1 reader found and publishes it: each telegram as the readings payload (JSON keyed by OBIS,
    /// formatted into one reused buffer) at QoS 1, failures and silences as text on the meter's error topic, at most
    /// one per <see cref="ConcentratorSettings.ReportIntervalSeconds"/>. Runs on the P1 thread. Everything goes into the
    /// persistent store-and-forward queue (<see cref="MqttLink.Enqueue"/>), so nothing is lost while the broker is away.
    /// </summary>
    public sealed class P1TelegramPublisher : IP1TelegramSink
    {
        private readonly MqttLink _mqtt;
        private readonly string _meterId;
        private readonly string _readingsTopic;
        private readonly string _errorTopic;
        private readonly JsonWriter _writer;
        private readonly ReadingJsonFormatter _formatter = new ReadingJsonFormatter();
        private readonly ReportThrottle _reports;

        public P1TelegramPublisher(MqttLink mqtt, ConcentratorSettings settings)
        {
            if (mqtt == null)
            {
                throw new ArgumentNullException("mqtt");
            }

            _mqtt = mqtt;
            _meterId = settings.P1MeterId;
            _readingsTopic = MqttTopics.Readings(settings.TopicPrefix, settings.DeviceId, settings.P1MeterId);
            _errorTopic = MqttTopics.MeterError(settings.TopicPrefix, settings.DeviceId, settings.P1MeterId);
            _writer = new JsonWriter(settings.PayloadBytes);
            _reports = new ReportThrottle(settings.ReportIntervalSeconds * 1000L);
        }

        /// <summary>Telegrams that passed every check.</summary>
        public int Telegrams { get; private set; }

        /// <summary>Telegrams stored in the queue (sent when the broker acknowledges them).</summary>
        public int Queued { get; private set; }

        /// <summary>Telegrams not queued (payload too large, flash failure); drops of a full queue are counted by the queue.</summary>
        public int Dropped { get; private set; }

        /// <summary>Telegrams (or bytes before one) that failed a check.</summary>
        public int Failures { get; private set; }

        public void OnTelegram(ReadingSet readings)
        {
            Telegrams++;
            _writer.Reset();
            _formatter.WriteReadingsPayload(_writer, _meterId, readings, DateTime.UtcNow);
            if (_writer.Overflowed)
            {
                Dropped++;
                ReportProblem("readings payload needs more than " + _writer.Buffer.Length.ToString() + " bytes: raise mqtt.payload_bytes");
                return;
            }

            QueueStatus status = _mqtt.Enqueue(_readingsTopic, _writer.Buffer, _writer.Length, false);
            if (status == QueueStatus.Ok || status == QueueStatus.OkDroppedOldest)
            {
                Queued++;
            }
            else
            {
                Dropped++;
                ReportProblem("readings not queued: " + status.ToString());
            }
        }

        public void OnFailure(DsmrError error)
        {
            Failures++;
            long now = NowMilliseconds();
            if (_reports.IsOpen(now))
            {
                Send(error.ToString(), now);
            }
        }

        public void OnSilence(int silentMilliseconds)
        {
            ReportProblem("no data from the meter for " + (silentMilliseconds / 1000).ToString()
                + " s: check the cable, the pull-up on the data line and the data request line");
        }

        /// <summary>Reports a problem reading this meter (logged, and published if the throttle allows).</summary>
        public void ReportProblem(string message)
        {
            long now = NowMilliseconds();
            if (_reports.IsOpen(now))
            {
                Send(message, now);
            }
        }

        /// <summary>Counters for the log.</summary>
        public string Summary()
        {
            return "p1 " + _meterId + ": telegrams=" + Telegrams.ToString() + " queued=" + Queued.ToString()
                + " dropped=" + Dropped.ToString() + " failures=" + Failures.ToString() + "; queue depth=" + _mqtt.QueueDepth.ToString()
                + " dropped by the full queue=" + _mqtt.Dropped.ToString();
        }

        private void Send(string message, long now)
        {
            int suppressed = _reports.Suppressed;
            _reports.Passed(now);
            string text = suppressed > 0 ? message + " (" + suppressed.ToString() + " more since the last report)" : message;
            Log.Warn("p1 " + _meterId + ": " + text);
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            _mqtt.Enqueue(_errorTopic, bytes, bytes.Length, true);
        }

        // Wall-clock milliseconds; the throttle copes with the jump of the first SNTP sync.
        private static long NowMilliseconds()
        {
            return DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;
        }
    }
}
