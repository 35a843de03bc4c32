namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// What the retained status message reports, filled by whoever knows it (the forwarder: queue figures; the
    /// configuration: whether the password is still the default; the runtime: counters, uptime, heap) and formatted by
    /// <see cref="StatusPayloadFormatter"/>. A figure left at -1 is unknown and left out of the payload.
    /// </summary>
    public sealed class StatusReport
    {
        /// <summary>Messages waiting in the store-and-forward queue (not yet acknowledged by the broker).</summary>
        public int QueueDepth;

        /// <summary>Messages the full queue dropped (oldest first) since it was created.</summary>
        public uint QueueDropped;

        /// <summary>True while the command password is the factory default (flagged in every status until changed).</summary>
        public bool DefaultPassword;

        /// <summary>Seconds since start; negative when unknown.</summary>
        public long UptimeSeconds = -1;

        /// <summary>Good reading sets since start, all meters together; negative when unknown.</summary>
        public long Readings = -1;

        /// <summary>Failed reads, telegrams or files since start, all meters together; negative when unknown.</summary>
        public long Failures = -1;

        /// <summary>Meters the scheduler holds offline now; negative when unknown.</summary>
        public int MetersOffline = -1;

        /// <summary>Free managed heap in bytes; negative when unknown.</summary>
        public int FreeHeap = -1;

        /// <summary>RINT in force (hours between status reports, 0 = on connect and changes only); negative when unknown.</summary>
        public int IntervalHours = -1;

        /// <summary>Copies the runtime's figures (as INFO and DIAG see them) that the status reports; queue figures are not taken (the queue's own are).</summary>
        public void TakeCounters(Commands.ConcentratorStatus status)
        {
            UptimeSeconds = status.UptimeSeconds;
            Readings = status.Readings;
            Failures = status.Failures;
            MetersOffline = status.MetersOffline;
            FreeHeap = status.FreeHeap;
        }
    }
}
