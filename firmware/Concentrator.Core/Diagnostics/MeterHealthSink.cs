using System;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;

namespace Concentrator.Core.Diagnostics
{
    /// <summary>
    /// A polled port's <see cref="IMeterReadSink"/> that keeps each meter's <see cref="MeterHealth"/> (by the meter's
    /// index in the scheduler) before passing every event on: good reads with the reader's working link
    /// (<see cref="IWorkingLinkSource"/>, else the meter's fixed link text), failures with the reader's error, offline and
    /// online changes. Allocates nothing.
    /// </summary>
    public sealed class MeterHealthSink : IMeterReadSink
    {
        private readonly IMeterReadSink _inner;
        private readonly MeterHealth[] _health;
        private readonly string[] _links;

        /// <param name="health">One per meter, in the scheduler's order.</param>
        /// <param name="links">How each meter is reached when its reader does not say ("COM3 9600 8N1 HDLC 1/17"); may be null.</param>
        public MeterHealthSink(IMeterReadSink inner, MeterHealth[] health, string[] links)
        {
            if (inner == null)
            {
                throw new ArgumentNullException("inner");
            }

            if (health == null)
            {
                throw new ArgumentNullException("health");
            }

            _inner = inner;
            _health = health;
            _links = links;
        }

        public void OnReading(MeterSchedule meter, ReadingSet readings, long slotMilliseconds, long startedMilliseconds)
        {
            IWorkingLinkSource source = meter.Reader as IWorkingLinkSource;
            string link = source != null ? source.WorkingLink : null;
            if ((link == null || link.Length == 0) && _links != null)
            {
                link = _links[meter.Index];
            }

            _health[meter.Index].Reading(link);
            _inner.OnReading(meter, readings, slotMilliseconds, startedMilliseconds);
        }

        public void OnReadFailed(MeterSchedule meter, MeterReadStatus status, string error, bool willRetry)
        {
            _health[meter.Index].Failure(error != null && error.Length > 0 ? error : CapturingMeterReader.Outcome(status));
            _inner.OnReadFailed(meter, status, error, willRetry);
        }

        public void OnMissedSlots(MeterSchedule meter, long count, long firstMissedSlotMilliseconds)
        {
            _inner.OnMissedSlots(meter, count, firstMissedSlotMilliseconds);
        }

        public void OnOffline(MeterSchedule meter)
        {
            _health[meter.Index].SetOffline(true, null);
            _inner.OnOffline(meter);
        }

        public void OnOnline(MeterSchedule meter)
        {
            _health[meter.Index].SetOffline(false, null);
            _inner.OnOnline(meter);
        }
    }
}
