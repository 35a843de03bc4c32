namespace Concentrator.Core.Forwarding
{
    /// <summary>
    /// What a record in the <see cref="ForwardQueue"/> holds (byte 9 of the record). Every queue file ever written holds
    /// <see cref="TopicAndPayload"/> records (the byte was zero), so an old queue drains as before after an upgrade; a kind
    /// this firmware does not know is reported and skipped when it is sent (<see cref="QueuedMessageRenderer"/>).
    /// </summary>
    public enum QueuedRecordKind : byte
    {
        /// <summary>An MQTT topic (UTF-8) and the payload bytes, published as they are (error texts, discovery, old readings).</summary>
        TopicAndPayload = 0,

        /// <summary>
        /// One meter's reading set in the compact form of <see cref="Readings.ReadingRecordCodec"/> (its first byte is the
        /// format version); the readings topic and the JSON payload are made when it is sent.
        /// </summary>
        ReadingSet = 1,
    }
}
