using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Io;

namespace Concentrator.Core.P1
{
    /// <summary>
    /// Reads a DSMR P1 port: bytes from an <see cref="IByteLink"/> into a <see cref="DsmrTelegramDecoder"/>, telegrams
    /// and failures out to an <see cref="IP1TelegramSink"/>. Call <see cref="Poll"/> in a loop; each call is bounded by
    /// <see cref="P1ReaderOptions.ReadTimeoutMilliseconds"/>. Silence in the middle of a telegram ends it as truncated;
    /// silence between telegrams is reported once it passes the alarm limit. Allocation-free after construction.
    /// </summary>
    public sealed class P1PortReader
    {
        private readonly IByteLink _link;
        private readonly DsmrTelegramDecoder _decoder;
        private readonly IP1TelegramSink _sink;
        private readonly P1ReaderOptions _options;
        private readonly byte[] _buffer;
        private int _silentMilliseconds;
        private bool _silenceReported;

        public P1PortReader(IByteLink link, DsmrTelegramDecoder decoder, IP1TelegramSink sink, P1ReaderOptions options)
        {
            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            if (decoder == null)
            {
                throw new ArgumentNullException("decoder");
            }

            if (sink == null)
            {
                throw new ArgumentNullException("sink");
            }

            _link = link;
            _decoder = decoder;
            _sink = sink;
            _options = options ?? new P1ReaderOptions();
            _buffer = new byte[_options.ReadBufferSize];
        }

        /// <summary>Bytes received since construction.</summary>
        public long BytesReceived { get; private set; }

        public DsmrTelegramDecoder Decoder
        {
            get { return _decoder; }
        }

        /// <summary>Waits for bytes once and handles them. Returns the link's status (Timeout is normal between telegrams).</summary>
        public LinkStatus Poll()
        {
            int read;
            LinkStatus status = _link.Read(_buffer, 0, _buffer.Length, _options.ReadTimeoutMilliseconds, out read);
            if (status == LinkStatus.Ok && read > 0)
            {
                _silentMilliseconds = 0;
                _silenceReported = false;
                BytesReceived += read;
                Feed(read);
                return LinkStatus.Ok;
            }

            if (status == LinkStatus.Timeout || (status == LinkStatus.Ok && read == 0))
            {
                _silentMilliseconds += _options.ReadTimeoutMilliseconds;
                if (_decoder.InTelegram && _silentMilliseconds >= _options.InterByteTimeoutMilliseconds)
                {
                    Report(_decoder.Finish(false));
                }

                if (!_silenceReported && _silentMilliseconds >= _options.SilenceAlarmMilliseconds)
                {
                    _silenceReported = true;
                    _sink.OnSilence(_silentMilliseconds);
                }

                return LinkStatus.Timeout;
            }

            // The link failed: whatever was half-received cannot be finished.
            _decoder.Reset();
            return status;
        }

        private void Feed(int count)
        {
            int offset = 0;
            while (offset < count)
            {
                int consumed;
                DsmrStatus status = _decoder.Feed(_buffer, offset, count - offset, out consumed);
                offset += consumed;
                Report(status);
            }
        }

        private void Report(DsmrStatus status)
        {
            if (status == DsmrStatus.TelegramReady)
            {
                _sink.OnTelegram(_decoder.Readings);
            }
            else if (status != DsmrStatus.NeedMoreData)
            {
                _sink.OnFailure(_decoder.LastError);
            }
        }
    }
}
