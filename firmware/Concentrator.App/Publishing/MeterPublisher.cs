using System;
using System.Text;
using Concentrator.App.Mqtt;
using Concentrator.App.Settings;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Meters;
using Concentrator.Core.Mqtt;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Sml;
using Concentrator.Core.Timing;

namespace Concentrator.App.Publishing
{
    /// <summary>
    /// Publishes what one meter's reader found, whatever the port: each good reading set as the readings payload through
    /// the shared <see cref="ReadingPublisher"/>, failures and silences as text on the meter's error topic (retained), at
    /// most one per <see cref="ConcentratorSettings.ReportIntervalSeconds"/> (the rest counted and mentioned in the next
    /// one). Push ports hand it their telegrams and files directly (<see cref="IP1TelegramSink"/>, <see cref="ISmlFileSink"/>);
    /// polled ports through <see cref="ScheduledPortSink"/>. Everything goes into the persistent queue
    /// (<see cref="MqttLink.Enqueue"/>), so nothing is lost while the broker is away. Called on its port's thread.
    /// </summary>
    public sealed class MeterPublisher : IP1TelegramSink, ISmlFileSink
    {
        private readonly ReadingPublisher _shared;
        private readonly string _readingsTopic;
        private readonly string _errorTopic;
        private readonly ReportThrottle _reports;

        internal MeterPublisher(ReadingPublisher shared, ConcentratorSettings settings, string meterId, MeterPort port)
        {
            _shared = shared;
            MeterId = meterId;
            Port = port;
            Link = string.Empty;
            _readingsTopic = MqttTopics.Readings(settings.TopicPrefix, settings.DeviceId, meterId);
            _errorTopic = MqttTopics.MeterError(settings.TopicPrefix, settings.DeviceId, meterId);
            _reports = new ReportThrottle(settings.ReportIntervalSeconds * 1000L);
        }

        public string MeterId { get; private set; }

        public MeterPort Port { get; private set; }

        /// <summary>How the meter is reached ("COM2 115200 8N1"), for DIAG; set by the port thread once it runs.</summary>
        public string Link { get; set; }

        /// <summary>Good reading sets (telegrams, files, scheduled reads).</summary>
        public int Readings { get; private set; }

        /// <summary>Reading sets stored in the queue (sent when the broker acknowledges them).</summary>
        public int Queued { get; private set; }

        /// <summary>Reading sets not queued (payload too large, flash failure); drops of a full queue are counted by the queue.</summary>
        public int Dropped { get; private set; }

        /// <summary>Reads, telegrams or files (or bytes before one) that failed a check or got no answer.</summary>
        public int Failures { get; private set; }

        /// <summary>Publishes one good reading set.</summary>
        public void Publish(ReadingSet readings)
        {
            Readings++;
            string problem = _shared.Publish(MeterId, _readingsTopic, readings);
            if (problem == null)
            {
                Queued++;
                return;
            }

            Dropped++;
            ReportProblem(problem);
        }

        /// <summary>Counts a failed read and reports it (throttled).</summary>
        public void Fail(string message)
        {
            Failures++;
            ReportProblem(message);
        }

        public void OnTelegram(ReadingSet readings)
        {
            Publish(readings);
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

        public void OnFile(ReadingSet readings, bool partial)
        {
            // A partial file's messages passed their own CRC; its failure has been reported already.
            Publish(readings);
        }

        public void OnFailure(SmlError error)
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
                + (Port == MeterPort.P1
                    ? " s: check the cable, the pull-up on the data line and the data request line"
                    : " s: check the IR head's position on the meter and that the meter's data output is enabled"));
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
            return MeterId + ": readings=" + Readings.ToString() + " queued=" + Queued.ToString()
                + " dropped=" + Dropped.ToString() + " failures=" + Failures.ToString();
        }

        private void Send(string message, long now)
        {
            int suppressed = _reports.Suppressed;
            _reports.Passed(now);
            string text = suppressed > 0 ? message + " (" + suppressed.ToString() + " more since the last report)" : message;
            Log.Warn(MeterId + ": " + text);
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            _shared.Mqtt.Enqueue(_errorTopic, bytes, bytes.Length, true);
        }

        // Wall-clock milliseconds; the throttle copes with the jump of the first SNTP sync.
        private static long NowMilliseconds()
        {
            return DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;
        }
    }
}
