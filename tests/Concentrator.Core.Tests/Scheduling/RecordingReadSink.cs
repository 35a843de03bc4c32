using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;

namespace Concentrator.Core.Tests.Scheduling
{
    /// <summary>Counts and keeps the order of what a scheduler reports (preallocated, so it can sit in allocation tests).</summary>
    public sealed class RecordingReadSink : IMeterReadSink
    {
        public readonly int[] ReadOrder = new int[512];
        public int ReadingCount;
        public int FailureCount;
        public int RetriesAnnounced;
        public long MissedReported;
        public long FirstMissedSlot;
        public int MissedEvents;
        public int OfflineEvents;
        public int OnlineEvents;
        public string LastError;

        public void OnReading(MeterSchedule meter, ReadingSet readings, long slotMilliseconds, long startedMilliseconds)
        {
            if (ReadingCount < ReadOrder.Length)
            {
                ReadOrder[ReadingCount] = meter.Index;
            }

            ReadingCount++;
        }

        public void OnReadFailed(MeterSchedule meter, MeterReadStatus status, string error, bool willRetry)
        {
            FailureCount++;
            LastError = error;
            if (willRetry)
            {
                RetriesAnnounced++;
            }
        }

        public void OnMissedSlots(MeterSchedule meter, long count, long firstMissedSlotMilliseconds)
        {
            MissedEvents++;
            MissedReported += count;
            FirstMissedSlot = firstMissedSlotMilliseconds;
        }

        public void OnOffline(MeterSchedule meter)
        {
            OfflineEvents++;
        }

        public void OnOnline(MeterSchedule meter)
        {
            OnlineEvents++;
        }
    }
}
