using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;

namespace Concentrator.App.Publishing
{
    /// <summary>
    /// What a polled port's <see cref="PortScheduler"/> reports, handed to each meter's <see cref="MeterPublisher"/>
    /// (by the meter's index in the scheduler): good reads are published, failed ones, missed slots and offline changes
    /// go to the meter's error topic.
    /// </summary>
    public sealed class ScheduledPortSink : IMeterReadSink
    {
        private readonly MeterPublisher[] _meters;

        /// <param name="meters">One publisher per meter, in the scheduler's order.</param>
        public ScheduledPortSink(MeterPublisher[] meters)
        {
            _meters = meters;
        }

        public void OnReading(MeterSchedule meter, ReadingSet readings, long slotMilliseconds, long startedMilliseconds)
        {
            _meters[meter.Index].Publish(readings);
        }

        public void OnReadFailed(MeterSchedule meter, MeterReadStatus status, string error, bool willRetry)
        {
            _meters[meter.Index].Fail("read " + status.ToString() + ": " + (error == null ? "no detail" : error)
                + (willRetry ? "; retrying in this slot" : "; next try in the next slot"));
        }

        public void OnMissedSlots(MeterSchedule meter, long count, long firstMissedSlotMilliseconds)
        {
            _meters[meter.Index].ReportProblem(count.ToString() + " poll slot(s) passed without a read: the port was busy with other meters; lengthen the interval or shorten the read budget");
        }

        public void OnOffline(MeterSchedule meter)
        {
            _meters[meter.Index].ReportProblem("offline after " + meter.ConsecutiveFailures.ToString() + " failed reads; probed less often until it answers");
        }

        public void OnOnline(MeterSchedule meter)
        {
            _meters[meter.Index].ReportProblem("answering again");
        }
    }
}
