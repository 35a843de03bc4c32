using System;
using Concentrator.App.Mqtt;
using Concentrator.App.Publishing;
using Concentrator.Core.Commands;

namespace Concentrator.App.Commands
{
    /// <summary>
    /// What this app knows for INFO and DIAG: uptime, free heap, the broker connection, the counters of all meters
    /// together and each meter's own (by its id). The publishers are attached when the ports start; text commands start
    /// before them. Read from the SMS thread: only whole ints and references are read, no locks.
    /// </summary>
    public sealed class AppDiagnostics : IDiagnosticsSource
    {
        private MqttLink _mqtt;
        private ReadingPublisher _publisher;
        private MeterPublisher _p1;

        /// <param name="p1">The P1 meter's publisher when the P1 port runs (STAT names the running ports), else null.</param>
        public void Attach(MqttLink mqtt, ReadingPublisher publisher, MeterPublisher p1)
        {
            _mqtt = mqtt;
            _p1 = p1;
            _publisher = publisher;
        }

        public void FillStatus(ConcentratorStatus status)
        {
            status.UptimeSeconds = Environment.TickCount64 / 1000;
            status.FreeHeap = (int)nanoFramework.Runtime.Native.GC.Run(false);
            MqttLink mqtt = _mqtt;
            ReadingPublisher publisher = _publisher;
            if (mqtt != null)
            {
                status.BrokerConnected = mqtt.IsConnected;
            }

            if (publisher != null)
            {
                status.State = _p1 != null && publisher.Count == 1 ? "P1" : "meters " + publisher.Count.ToString();
                int readings = 0;
                int failures = 0;
                int dropped = 0;
                for (int i = 0; i < publisher.Count; i++)
                {
                    MeterPublisher meter = publisher[i];
                    readings += meter.Readings;
                    failures += meter.Failures;
                    dropped += meter.Dropped;
                }

                status.Readings = readings;
                status.Failures = failures;
                status.QueueDropped = dropped;
            }
        }

        public bool FillMeter(string meterId, MeterDiagnostics diagnostics)
        {
            ReadingPublisher publisher = _publisher;
            MeterPublisher meter = publisher == null ? null : publisher.Find(meterId);
            if (meter == null)
            {
                return false;
            }

            diagnostics.Readings = meter.Readings;
            diagnostics.Failures = meter.Failures;
            diagnostics.WorkingLink = meter.Readings > 0 ? meter.Link : string.Empty;
            return true;
        }
    }
}
