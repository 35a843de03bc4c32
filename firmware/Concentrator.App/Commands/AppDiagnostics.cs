using System;
using Concentrator.App.Mqtt;
using Concentrator.App.P1;
using Concentrator.Core.Commands;

namespace Concentrator.App.Commands
{
    /// <summary>
    /// What this app knows for INFO and DIAG: uptime, free heap, the broker connection and the P1 meter's counters
    /// (the P1 port is read continuously, so STAT is P1 once it runs). The P1 parts are attached when they exist; text
    /// commands start before them. Read from the SMS thread: only whole ints and references are read, no locks.
    /// </summary>
    public sealed class AppDiagnostics : IDiagnosticsSource
    {
        private MqttLink _mqtt;
        private P1TelegramPublisher _publisher;
        private string _p1MeterId;
        private string _p1Link;

        public void Attach(MqttLink mqtt, P1TelegramPublisher publisher, string p1MeterId, string p1Link)
        {
            _mqtt = mqtt;
            _publisher = publisher;
            _p1MeterId = p1MeterId;
            _p1Link = p1Link;
        }

        public void FillStatus(ConcentratorStatus status)
        {
            status.UptimeSeconds = Environment.TickCount64 / 1000;
            status.FreeHeap = (int)nanoFramework.Runtime.Native.GC.Run(false);
            MqttLink mqtt = _mqtt;
            P1TelegramPublisher publisher = _publisher;
            if (mqtt != null)
            {
                status.BrokerConnected = mqtt.IsConnected;
            }

            if (publisher != null)
            {
                status.State = "P1";
                status.Readings = publisher.Telegrams;
                status.Failures = publisher.Failures;
                status.QueueDropped = publisher.Dropped;
            }
        }

        public bool FillMeter(string meterId, MeterDiagnostics diagnostics)
        {
            P1TelegramPublisher publisher = _publisher;
            if (publisher == null || meterId != _p1MeterId)
            {
                return false;
            }

            diagnostics.Readings = publisher.Telegrams;
            diagnostics.Failures = publisher.Failures;
            diagnostics.WorkingLink = publisher.Telegrams > 0 ? _p1Link : string.Empty;
            return true;
        }
    }
}
