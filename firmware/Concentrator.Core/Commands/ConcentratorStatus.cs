namespace Concentrator.Core.Commands
{
    /// <summary>
    /// The runtime's state for INFO and DIAG replies, filled by <see cref="IDiagnosticsSource.FillStatus"/> into one
    /// reused instance. Unknown values stay at their defaults and are shown empty.
    /// </summary>
    public sealed class ConcentratorStatus
    {
        /// <summary>Signal strength in dBm (Wi-Fi RSSI or the modem's), or <see cref="UnknownSignal"/>.</summary>
        public int SignalDbm = UnknownSignal;

        public const int UnknownSignal = int.MinValue;

        /// <summary>The concentrator's own IP address ("" while not connected).</summary>
        public string LocalIp = string.Empty;

        /// <summary>INFO's TECH: WIFI, ETH, GPRS, UMTS, LTE ("" to derive it from the configured network).</summary>
        public string Technology = string.Empty;

        /// <summary>INFO's STAT: what the concentrator is doing now: LISTEN (idle), OPTO, 485, P1, SML, TCP.</summary>
        public string State = "LISTEN";

        public bool BrokerConnected;

        public long UptimeSeconds;

        /// <summary>Free managed heap in bytes, or -1.</summary>
        public int FreeHeap = -1;

        /// <summary>Readings taken and failed polls, all meters together.</summary>
        public long Readings;

        public long Failures;

        /// <summary>Readings waiting in the store-and-forward queue, and readings dropped because it was full.</summary>
        public int QueueDepth;

        public long QueueDropped;

        /// <summary>Meters currently marked offline.</summary>
        public int MetersOffline;

        /// <summary>
        /// Set by a caller that asks often and only compares counters (the status schedule, once a minute): the source
        /// then leaves out what costs a heap collection or a radio scan (<see cref="FreeHeap"/>, <see cref="SignalDbm"/>
        /// stay unknown). INFO and DIAG ask with it cleared.
        /// </summary>
        public bool CountersOnly;

        public void Clear()
        {
            SignalDbm = UnknownSignal;
            LocalIp = string.Empty;
            Technology = string.Empty;
            State = "LISTEN";
            BrokerConnected = false;
            UptimeSeconds = 0;
            FreeHeap = -1;
            Readings = 0;
            Failures = 0;
            QueueDepth = 0;
            QueueDropped = 0;
            MetersOffline = 0;
            CountersOnly = false;
        }
    }
}
