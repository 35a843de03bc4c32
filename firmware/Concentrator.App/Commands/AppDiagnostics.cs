using System;
using System.Text;
using Concentrator.App.Mqtt;
using Concentrator.App.Network;
using Concentrator.App.Publishing;
using Concentrator.App.Settings;
using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Timing;
using Concentrator.Drivers.Timing;

namespace Concentrator.App.Commands
{
    /// <summary>
    /// What this app knows for INFO and DIAG: uptime, free heap, the broker connection and queue depth, signal strength
    /// (Wi-Fi RSSI; none on Ethernet) and the board's address, the counters of all meters together, and each meter's
    /// <see cref="MeterHealth"/> (offline, failures in a row, last error, age of the last reading, the link settings
    /// that worked), kept by the port threads. Also the <see cref="FrameCapture"/> behind CAPT, whose dumps go into the
    /// queue on <c>…/meters/&lt;id&gt;/capture</c> and to the log. The publishers are attached when the ports start;
    /// text commands start before them. Read from the command threads: whole references and ints, or under the
    /// health's own lock.
    /// </summary>
    public sealed class AppDiagnostics : IDiagnosticsSource, ICaptureOutput
    {
        /// <summary>The capture buffer: a 300-baud IEC session's sign-on and a 1.5 KB readout, or a few DLMS exchanges.</summary>
        public const int CaptureBytes = 2048;

        private readonly MeterHealthTable _health;
        private readonly FrameCapture _capture;
        private readonly string _prefix;
        private readonly string _deviceId;
        private readonly int _partBytes;
        private MqttLink _mqtt;
        private ReadingPublisher _publisher;
        private MeterPublisher _p1;
        private NetworkConnection _network;

        public AppDiagnostics(ConcentratorConfiguration configuration, ConcentratorSettings settings)
        {
            IMillisecondClock clock = new SystemMillisecondClock();
            _health = new MeterHealthTable(ConcentratorConfiguration.MaxMeters, clock);
            int longest = 0;
            for (int i = 0; i < configuration.MeterCount; i++)
            {
                int interval = configuration.Meter(i).IntervalSeconds;
                longest = interval > longest ? interval : longest;
            }

            _capture = new FrameCapture(CaptureBytes, clock, this, FrameCapture.BoundFor(longest));
            _prefix = settings.TopicPrefix;
            _deviceId = settings.DeviceId;
            _partBytes = settings.PayloadBytes;
        }

        public MeterHealthTable Health
        {
            get { return _health; }
        }

        public FrameCapture Capture
        {
            get { return _capture; }
        }

        /// <param name="p1">The P1 meter's publisher when the P1 port runs (STAT names the running ports), else null.</param>
        public void Attach(MqttLink mqtt, ReadingPublisher publisher, MeterPublisher p1)
        {
            _mqtt = mqtt;
            _p1 = p1;
            _publisher = publisher;
        }

        /// <summary>The network the board joins (signal strength, address).</summary>
        public NetworkConnection Network
        {
            set { _network = value; }
        }

        /// <summary>Called now and then by the main loop: a capture past its time bound is published with what it has.</summary>
        public void Tick()
        {
            _capture.Expire();
        }

        public void FillStatus(ConcentratorStatus status)
        {
            status.UptimeSeconds = Environment.TickCount64 / 1000;
            if (!status.CountersOnly)
            {
                status.FreeHeap = (int)nanoFramework.Runtime.Native.GC.Run(false);
            }

            MqttLink mqtt = _mqtt;
            ReadingPublisher publisher = _publisher;
            NetworkConnection network = _network;
            if (network != null && !status.CountersOnly)
            {
                status.SignalDbm = network.SignalDbm();
                status.LocalIp = NetworkConnection.LocalAddress();
            }

            if (mqtt != null)
            {
                status.BrokerConnected = mqtt.IsConnected;
                status.QueueDepth = mqtt.QueueDepth;
            }

            // DROP: readings lost for good, whether the full queue dropped its oldest or a set could not be queued at all.
            long dropped = mqtt != null ? (long)mqtt.Dropped : 0;

            status.MetersOffline = _health.OfflineCount();
            if (publisher != null)
            {
                status.State = _p1 != null && publisher.Count == 1 ? "P1" : "meters " + publisher.Count.ToString();
                int readings = 0;
                int failures = 0;
                for (int i = 0; i < publisher.Count; i++)
                {
                    MeterPublisher meter = publisher[i];
                    readings += meter.Readings;
                    failures += meter.Failures;
                    dropped += meter.Dropped;
                }

                status.Readings = readings;
                status.Failures = failures;
            }

            status.QueueDropped = dropped;
        }

        public bool FillMeter(string meterId, MeterDiagnostics diagnostics)
        {
            if (!_health.Fill(meterId, diagnostics))
            {
                return false;
            }

            // Readers that do not describe their link (DLMS, P1, SML) have the port's fixed settings.
            ReadingPublisher publisher = _publisher;
            MeterPublisher meter = publisher == null ? null : publisher.Find(meterId);
            if (diagnostics.WorkingLink.Length == 0 && diagnostics.Readings > 0 && meter != null)
            {
                diagnostics.WorkingLink = MeterHealth.Shorten(meter.Link, MeterHealth.MaxLinkLength);
            }

            return true;
        }

        /// <summary>
        /// A finished capture: into the queue (split at line ends to fit the payload size) and the log, line by line so
        /// that no large string is built (the dump of a full 2 KB buffer is about 7 KB of text).
        /// </summary>
        public void Publish(string meterId, byte[] dump, int length)
        {
            string topic = MqttTopics.Capture(_prefix, _deviceId, meterId);
            byte[] part = new byte[length < _partBytes ? length : _partBytes];
            int start = 0;
            Log.Info("capture of " + meterId + " (" + length.ToString() + " bytes, also on " + topic + "):");
            while (start < length)
            {
                int count = FrameCapture.PartLength(dump, start, length, part.Length);
                Array.Copy(dump, start, part, 0, count);
                int line = 0;
                for (int i = 0; i < count; i++)
                {
                    if (part[i] == (byte)'\n')
                    {
                        Log.Info(Encoding.UTF8.GetString(part, line, i - line));
                        line = i + 1;
                    }
                }

                MqttLink mqtt = _mqtt;
                if (mqtt != null)
                {
                    mqtt.Enqueue(topic, part, count, false);
                }

                start += count;
            }
        }
    }
}
