using System;

namespace Concentrator.Core.Io
{
    /// <summary>
    /// The read loop of a port on which a meter sends unasked (P1, an SML optical port): <see cref="Poll"/> waits for
    /// bytes once (bounded by the read timeout) and hands them to the decoder; silence in the middle of a frame ends it
    /// as truncated once it passes the inter-byte limit; silence between frames is reported once it passes the alarm
    /// limit; a failed link resets the decoder. Subclasses connect their decoder and sink. Allocation-free after
    /// construction.
    /// </summary>
    public abstract class PolledLinkReader
    {
        private readonly IByteLink _link;
        private readonly byte[] _buffer;
        private readonly int _readTimeout;
        private readonly int _interByteTimeout;
        private readonly int _silenceAlarm;
        private int _silentMilliseconds;
        private bool _silenceReported;

        protected PolledLinkReader(IByteLink link, int readTimeoutMilliseconds, int interByteTimeoutMilliseconds, int silenceAlarmMilliseconds, int bufferSize)
        {
            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            if (readTimeoutMilliseconds < 1 || bufferSize < 1)
            {
                throw new ArgumentOutOfRangeException("readTimeoutMilliseconds");
            }

            _link = link;
            _readTimeout = readTimeoutMilliseconds;
            _interByteTimeout = interByteTimeoutMilliseconds;
            _silenceAlarm = silenceAlarmMilliseconds;
            _buffer = new byte[bufferSize];
        }

        /// <summary>Bytes received since construction.</summary>
        public long BytesReceived { get; private set; }

        /// <summary>Waits for bytes once and handles them. Returns the link's status (Timeout is normal between frames).</summary>
        public LinkStatus Poll()
        {
            int read;
            LinkStatus status = _link.Read(_buffer, 0, _buffer.Length, _readTimeout, out read);
            if (status == LinkStatus.Ok && read > 0)
            {
                _silentMilliseconds = 0;
                _silenceReported = false;
                BytesReceived += read;
                Feed(_buffer, read);
                return LinkStatus.Ok;
            }

            if (status == LinkStatus.Timeout || (status == LinkStatus.Ok && read == 0))
            {
                _silentMilliseconds += _readTimeout;
                if (InFrame && _silentMilliseconds >= _interByteTimeout)
                {
                    FinishAfterSilence();
                }

                if (!_silenceReported && _silentMilliseconds >= _silenceAlarm)
                {
                    _silenceReported = true;
                    ReportSilence(_silentMilliseconds);
                }

                return LinkStatus.Timeout;
            }

            // The link failed: whatever was half-received cannot be finished.
            ResetDecoder();
            return status;
        }

        /// <summary>True while the decoder holds a frame that has started and not ended.</summary>
        protected abstract bool InFrame { get; }

        /// <summary>Decodes <c>buffer[0..count)</c> and reports what completes.</summary>
        protected abstract void Feed(byte[] buffer, int count);

        /// <summary>The line went silent inside a frame: end it (reported as truncated).</summary>
        protected abstract void FinishAfterSilence();

        /// <summary>Forget a partial frame without reporting it.</summary>
        protected abstract void ResetDecoder();

        /// <summary>No byte for this long (once per silence).</summary>
        protected abstract void ReportSilence(int silentMilliseconds);
    }
}
