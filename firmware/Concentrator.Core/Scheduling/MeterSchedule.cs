using Concentrator.Core.Meters;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Scheduling
{
    /// <summary>
    /// What a <see cref="PortScheduler"/> knows about one meter: its current slot, retries, offline state and counters.
    /// One per meter, allocated when the scheduler is built; the poll cycle only updates fields.
    /// </summary>
    public sealed class MeterSchedule
    {
        internal MeterSchedule(int index, MeterDefinition definition, IMeterReader reader, SchedulerOptions options)
        {
            _ids = (uint)index;
            Definition = definition;
            Reader = reader;
            NextRetryMilliseconds = options.RetryFirstDelayMilliseconds;
            IntervalSeconds = definition.IntervalSeconds;
            IntervalMilliseconds = definition.IntervalSeconds * 1000L;
            int probeSeconds = options.OfflineProbeIntervalSeconds > definition.IntervalSeconds ? options.OfflineProbeIntervalSeconds : definition.IntervalSeconds;
            ProbeIntervalMilliseconds = probeSeconds * 1000L;
        }

        /// <summary>Position in the scheduler's inventory (the index a quality checker or a status table uses).</summary>
        public int Index
        {
            get { return (int)_ids; }
        }

        public MeterDefinition Definition { get; private set; }

        public IMeterReader Reader { get; private set; }

        /// <summary>
        /// The poll interval the meter is scheduled on: its definition's, or the one a text command set since
        /// (<see cref="PortScheduler.RequestInterval"/>).
        /// </summary>
        public int IntervalSeconds
        {
            get { return (int)(_ids >> 32); }
            internal set { _ids = (_ids & 0xFFFFFFFFL) | ((long)value << 32); }
        }

        // Small fields packed in pairs: on nanoCLR every field is a 12-byte slot, whatever its type, so an int and an int
        // in one long take one slot instead of two (84 bytes less per meter with the counters, 2.6 KB for a bus of 31).
        private long _ids;      // Index (low 32 bits), IntervalSeconds (high 32)
        private long _attempts; // ConsecutiveFailures (low 32 bits), AttemptsInSlot (high 32)
        private int _state;     // LastStatus (low 16 bits), SlotDone (bit 16), Offline (bit 17)
        private long _reads;    // counters as unsigned 32-bit halves: Reads (low), Failures (high)
        private long _slots;    // FailedSlots (low), MissedSlots (high)
        private long _events;   // Overruns (low), OfflineEvents (high)

        // A counter half; a counter stops at uint.MaxValue (136 years of one event a second) instead of wrapping.
        private static long Counter(long pair, int shift)
        {
            return (pair >> shift) & 0xFFFFFFFFL;
        }

        private static long Count(long pair, int shift, long value)
        {
            long half = value < 0 ? 0 : value > 0xFFFFFFFFL ? 0xFFFFFFFFL : value;
            return (pair & ~(0xFFFFFFFFL << shift)) | (half << shift);
        }

        /// <summary>The next retry delay in the slot (the scheduler's shared <see cref="RetryBackoff"/> advances it).</summary>
        internal int NextRetryMilliseconds;
        internal long IntervalMilliseconds;
        internal long ProbeIntervalMilliseconds;

        /// <summary>Start of the slot being served (UTC ms).</summary>
        public long SlotMilliseconds { get; internal set; }

        /// <summary>When the next attempt is due (the slot start, or a retry time).</summary>
        public long DueMilliseconds { get; internal set; }

        /// <summary>True once the current slot is done (read, or given up); the meter waits for its next slot.</summary>
        public bool SlotDone
        {
            get { return (_state & 0x10000) != 0; }
            internal set { _state = value ? _state | 0x10000 : _state & ~0x10000; }
        }

        /// <summary>Attempts made in the current slot.</summary>
        public int AttemptsInSlot
        {
            get { return (int)(_attempts >> 32); }
            internal set { _attempts = (_attempts & 0xFFFFFFFFL) | ((long)value << 32); }
        }

        /// <summary>Failed attempts since the last success.</summary>
        public int ConsecutiveFailures
        {
            get { return (int)_attempts; }
            internal set { _attempts = (_attempts & ~0xFFFFFFFFL) | (uint)value; }
        }

        /// <summary>True after <see cref="SchedulerOptions.OfflineAfterFailures"/> consecutive failures, until the next success.</summary>
        public bool Offline
        {
            get { return (_state & 0x20000) != 0; }
            internal set { _state = value ? _state | 0x20000 : _state & ~0x20000; }
        }

        /// <summary>Successful reads.</summary>
        public long Reads
        {
            get { return Counter(_reads, 0); }
            internal set { _reads = Count(_reads, 0, value); }
        }

        /// <summary>Failed attempts (retries included).</summary>
        public long Failures
        {
            get { return Counter(_reads, 32); }
            internal set { _reads = Count(_reads, 32, value); }
        }

        /// <summary>Slots that ended without a successful read although attempts were made.</summary>
        public long FailedSlots
        {
            get { return Counter(_slots, 0); }
            internal set { _slots = Count(_slots, 0, value); }
        }

        /// <summary>Slots that ended without even one attempt (the port was busy with overrunning reads, or the clock jumped).</summary>
        public long MissedSlots
        {
            get { return Counter(_slots, 32); }
            internal set { _slots = Count(_slots, 32, value); }
        }

        /// <summary>Reads that took longer than the budget plus the tolerance (a reader that does not keep its budget).</summary>
        public long Overruns
        {
            get { return Counter(_events, 0); }
            internal set { _events = Count(_events, 0, value); }
        }

        /// <summary>Times the meter went offline.</summary>
        public long OfflineEvents
        {
            get { return Counter(_events, 32); }
            internal set { _events = Count(_events, 32, value); }
        }

        /// <summary>Status of the last attempt.</summary>
        public MeterReadStatus LastStatus
        {
            get { return (MeterReadStatus)(_state & 0xFFFF); }
            internal set { _state = (_state & ~0xFFFF) | ((int)value & 0xFFFF); }
        }

        /// <summary>Error text of the last failed attempt (null before the first failure).</summary>
        public string LastError { get; internal set; }

        /// <summary>When the last attempt started, and how long after its slot start that was.</summary>
        public long LastStartMilliseconds { get; internal set; }

        public long LastStartDelayMilliseconds { get; internal set; }

        /// <summary>The longest delay between a slot start and the first attempt in it, since start.</summary>
        public long MaxFirstAttemptDelayMilliseconds { get; internal set; }

        /// <summary>How long the last attempt took.</summary>
        public long LastDurationMilliseconds { get; internal set; }

        /// <summary>The interval the meter is scheduled on now: its own, or the probe interval while offline.</summary>
        internal long EffectiveIntervalMilliseconds
        {
            get { return Offline ? ProbeIntervalMilliseconds : IntervalMilliseconds; }
        }
    }
}
