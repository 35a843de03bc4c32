namespace Concentrator.Core.Forwarding
{
    /// <summary>Outcome of a <see cref="ForwardQueue"/> operation.</summary>
    public enum QueueStatus : byte
    {
        Ok = 0,

        /// <summary>Stored, but the oldest messages were dropped to make room (see <see cref="ForwardQueue.Dropped"/>).</summary>
        OkDroppedOldest = 1,

        /// <summary>Nothing (more) to read.</summary>
        Empty = 2,

        /// <summary>The message is larger than the queue's largest record; nothing was stored.</summary>
        TooLarge = 3,

        /// <summary>Topic empty or longer than 255 bytes in UTF-8, or QoS above 2; nothing was stored.</summary>
        BadMessage = 4,

        /// <summary>A stored record failed its check when read back (flash damage); the queue was cut there.</summary>
        Corrupt = 5,
    }
}
