namespace Concentrator.Core.Forwarding
{
    /// <summary>What <see cref="ForwardQueue.Open"/> found in the store.</summary>
    public enum QueueOpenResult : byte
    {
        /// <summary>A queue was there; every committed record after the last acknowledgement was recovered.</summary>
        Recovered = 0,

        /// <summary>No queue was there (new or erased store): an empty one was written.</summary>
        Created = 1,

        /// <summary>
        /// A queue of another size (or format version) was there; it cannot be read with this geometry and was
        /// replaced by an empty one. <see cref="ForwardQueue.OpenProblem"/> says what differed.
        /// </summary>
        Replaced = 2,
    }
}
