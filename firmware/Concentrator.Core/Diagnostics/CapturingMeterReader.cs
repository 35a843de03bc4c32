using System;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;

namespace Concentrator.Core.Diagnostics
{
    /// <summary>
    /// A scheduled meter's reader with the port's <see cref="FrameCapture"/> around each read: when the capture is armed
    /// for this meter, the read is one captured session on <see cref="CapturingByteLink"/> (on a bus the other meters'
    /// reads are not recorded). Otherwise it only passes the read on. Allocates nothing.
    /// </summary>
    public sealed class CapturingMeterReader : IMeterReader, IWorkingLinkSource
    {
        private readonly IMeterReader _inner;
        private readonly FrameCapture _capture;
        private readonly object _link;

        /// <param name="link">The port's <see cref="CapturingByteLink"/> (the object whose traffic is recorded).</param>
        public CapturingMeterReader(IMeterReader inner, FrameCapture capture, object link)
        {
            if (inner == null)
            {
                throw new ArgumentNullException("inner");
            }

            if (capture == null)
            {
                throw new ArgumentNullException("capture");
            }

            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            _inner = inner;
            _capture = capture;
            _link = link;
        }

        public IMeterReader Inner
        {
            get { return _inner; }
        }

        public ReadingSet Readings
        {
            get { return _inner.Readings; }
        }

        public string LastError
        {
            get { return _inner.LastError; }
        }

        public string WorkingLink
        {
            get
            {
                IWorkingLinkSource source = _inner as IWorkingLinkSource;
                return source == null ? string.Empty : source.WorkingLink;
            }
        }

        public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
        {
            if (meter == null)
            {
                throw new ArgumentNullException("meter");
            }

            bool captured = _capture.Begin(meter.Id, _link);
            MeterReadStatus status = MeterReadStatus.LinkFailure;
            try
            {
                status = _inner.Read(meter, budgetMilliseconds);
            }
            finally
            {
                if (captured)
                {
                    _capture.End(meter.Id, Outcome(status), status == MeterReadStatus.Ok ? null : _inner.LastError);
                }
            }

            return status;
        }

        /// <summary>A fixed word for a read's status (no enum formatting, which allocates).</summary>
        public static string Outcome(MeterReadStatus status)
        {
            switch (status)
            {
                case MeterReadStatus.Ok:
                    return "ok";
                case MeterReadStatus.NoAnswer:
                    return "no answer";
                case MeterReadStatus.BadAnswer:
                    return "bad answer";
                case MeterReadStatus.LinkFailure:
                    return "link failure";
                case MeterReadStatus.Refused:
                    return "refused";
                default:
                    return "not supported";
            }
        }
    }
}
