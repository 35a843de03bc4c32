using Concentrator.Core.Readings;

namespace Concentrator.Core.Scheduling
{
    /// <summary>Where a <see cref="PortScheduler"/> reports what happened; called on the scheduler's thread, between reads.</summary>
    public interface IMeterReadSink
    {
        /// <summary>A read succeeded. The set belongs to the reader and is reused: copy what must outlive the call.</summary>
        void OnReading(MeterSchedule meter, ReadingSet readings, long slotMilliseconds, long startedMilliseconds);

        /// <summary>An attempt failed; <paramref name="willRetry"/> says whether another attempt is scheduled in this slot.</summary>
        void OnReadFailed(MeterSchedule meter, MeterReadStatus status, string error, bool willRetry);

        /// <summary><paramref name="count"/> slots from <paramref name="firstMissedSlotMilliseconds"/> on passed without an attempt.</summary>
        void OnMissedSlots(MeterSchedule meter, long count, long firstMissedSlotMilliseconds);

        /// <summary>The meter failed too often in a row and is now probed only once per probe interval.</summary>
        void OnOffline(MeterSchedule meter);

        /// <summary>An offline meter answered again.</summary>
        void OnOnline(MeterSchedule meter);
    }
}
