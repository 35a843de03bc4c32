using System;

namespace Concentrator.Core.Scheduling
{
    /// <summary>The timing rules of a <see cref="PortScheduler"/>. <see cref="Validate"/> checks them once, with a clear message.</summary>
    public sealed class SchedulerOptions
    {
        /// <summary>
        /// Longest one read may take (the reader's budget). A silent or broken meter delays the others on its port by
        /// at most this much per attempt.
        /// </summary>
        public int ReadBudgetMilliseconds = 5000;

        /// <summary>Extra time a reader may overrun its budget before the read is counted as an overrun.</summary>
        public int OverrunToleranceMilliseconds = 250;

        /// <summary>Retries of a failed read within one slot (0: none), after a doubling delay …</summary>
        public int RetriesPerSlot = 2;

        /// <summary>… starting here …</summary>
        public int RetryFirstDelayMilliseconds = 2000;

        /// <summary>… up to this. A retry that would fall into the next slot is not made.</summary>
        public int RetryMaxDelayMilliseconds = 60000;

        /// <summary>Consecutive failed attempts after which a meter is marked offline.</summary>
        public int OfflineAfterFailures = 5;

        /// <summary>An offline meter is probed once per this many seconds (aligned like an interval; never more often than its own interval).</summary>
        public int OfflineProbeIntervalSeconds = 3600;

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that cannot work.</summary>
        public void Validate()
        {
            if (ReadBudgetMilliseconds < 1 || ReadBudgetMilliseconds > 600000)
            {
                throw new ArgumentOutOfRangeException("ReadBudgetMilliseconds", "the read budget must be 1 .. 600000 ms");
            }

            if (OverrunToleranceMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException("OverrunToleranceMilliseconds", "the overrun tolerance must not be negative");
            }

            if (RetriesPerSlot < 0 || RetriesPerSlot > 100)
            {
                throw new ArgumentOutOfRangeException("RetriesPerSlot", "retries per slot must be 0 .. 100");
            }

            if (RetryFirstDelayMilliseconds < 1 || RetryMaxDelayMilliseconds < RetryFirstDelayMilliseconds)
            {
                throw new ArgumentOutOfRangeException("RetryMaxDelayMilliseconds", "the first retry delay must be at least 1 ms and not above the longest");
            }

            if (OfflineAfterFailures < 1)
            {
                throw new ArgumentOutOfRangeException("OfflineAfterFailures", "a meter can be marked offline after 1 failure at the earliest");
            }

            if (OfflineProbeIntervalSeconds < 1 || OfflineProbeIntervalSeconds > SlotAlignment.SecondsPerDay)
            {
                throw new ArgumentOutOfRangeException("OfflineProbeIntervalSeconds", "the offline probe interval must be 1 .. 86400 s");
            }
        }
    }
}
