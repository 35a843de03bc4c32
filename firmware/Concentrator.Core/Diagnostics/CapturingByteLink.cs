using System;
using Concentrator.Core.Io;

namespace Concentrator.Core.Diagnostics
{
    /// <summary>
    /// The link a meter is read through, with a <see cref="FrameCapture"/> listening: what is written, read and every
    /// framing change go to the capture while this link's session is being captured, and nowhere otherwise (one
    /// reference compare per call, no allocation). On a push port (P1, SML head) set <see cref="ContinuousMeterId"/>: the
    /// captured meter's session then begins with the next read, and the sink ends it per telegram or file.
    /// </summary>
    public sealed class CapturingByteLink : IByteLink
    {
        private readonly IByteLink _inner;
        private readonly FrameCapture _capture;

        public CapturingByteLink(IByteLink inner, FrameCapture capture)
        {
            if (inner == null)
            {
                throw new ArgumentNullException("inner");
            }

            if (capture == null)
            {
                throw new ArgumentNullException("capture");
            }

            _inner = inner;
            _capture = capture;
        }

        /// <summary>The meter that pushes on this link (a P1 or SML port), or null on a polled port.</summary>
        public string ContinuousMeterId { get; set; }

        public IByteLink Inner
        {
            get { return _inner; }
        }

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            string pushing = ContinuousMeterId;
            if (pushing != null)
            {
                _capture.Begin(pushing, this);
            }

            LinkStatus status = _inner.Read(buffer, offset, count, timeoutMilliseconds, out bytesRead);
            if (status == LinkStatus.Ok && bytesRead > 0)
            {
                _capture.Record(this, CaptureRecordKind.Receive, buffer, offset, bytesRead);
            }

            return status;
        }

        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            // Recorded before it goes out: the time is when the request started, the reply's comes after it.
            _capture.Record(this, CaptureRecordKind.Transmit, buffer, offset, count);
            return _inner.Write(buffer, offset, count);
        }

        public LinkStatus Configure(LineSettings settings)
        {
            LinkStatus status = _inner.Configure(settings);
            if (status == LinkStatus.Ok)
            {
                _capture.RecordLine(this, settings);
            }

            return status;
        }
    }
}
