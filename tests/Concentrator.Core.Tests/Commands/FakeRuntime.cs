using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;

namespace Concentrator.Core.Tests.Commands
{
    /// <summary>Runtime facts a test chooses, and a capture that can be busy.</summary>
    public sealed class FakeRuntime : IDiagnosticsSource, IFrameCapture, ICommandEffects, ICommandReply
    {
        public string ArmedMeter;
        public int ArmedSessions;
        public bool CaptureBusy;
        public int Restarts;
        public int Applied;
        public ConcentratorConfiguration LastApplied;
        public string LastReply;
        public int RepliesBeforeRestart = -1;
        public int Replies;

        /// <summary>What the last status request asked for (INFO and DIAG want the heap and the signal too).</summary>
        public bool AskedCountersOnly = true;

        public void FillStatus(ConcentratorStatus status)
        {
            AskedCountersOnly = status.CountersOnly;
            status.SignalDbm = -57;
            status.LocalIp = "89.24.0.201";
            status.State = "485";
            status.UptimeSeconds = 3600;
            status.Readings = 120;
            status.Failures = 2;
            status.QueueDepth = 5;
            status.QueueDropped = 1;
            status.MetersOffline = 1;
            status.BrokerConnected = true;
            status.FreeHeap = 41000;
        }

        public bool FillMeter(string meterId, MeterDiagnostics diagnostics)
        {
            if (meterId != "bus-07")
            {
                return false;
            }

            diagnostics.Readings = 96;
            diagnostics.Failures = 3;
            diagnostics.ConsecutiveFailures = 2;
            diagnostics.SecondsSinceReading = 1800;
            diagnostics.WorkingLink = "9600 7E1 mode C";
            diagnostics.LastError = "timeout";
            return true;
        }

        public bool Arm(string meterId, int sessions)
        {
            if (CaptureBusy)
            {
                return false;
            }

            ArmedMeter = meterId;
            ArmedSessions = sessions;
            return true;
        }

        public void ConfigurationApplied(ConcentratorConfiguration configuration)
        {
            Applied++;
            LastApplied = configuration;
        }

        public void RestartRequested()
        {
            Restarts++;
            RepliesBeforeRestart = Replies;
        }

        public void Send(string text)
        {
            Replies++;
            LastReply = text;
        }
    }
}
