namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// What the retained status message reports, filled by whoever knows it (the forwarder: queue figures; the
    /// configuration: whether the password is still the default) and formatted by <see cref="StatusPayloadFormatter"/>.
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
    }
}
