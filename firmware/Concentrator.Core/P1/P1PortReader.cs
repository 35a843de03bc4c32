using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Io;

namespace Concentrator.Core.P1
{
    /// <summary>
    /// Reads a DSMR P1 port: bytes from an <see cref="IByteLink"/> into a <see cref="DsmrTelegramDecoder"/>, telegrams
    /// and failures out to an <see cref="IP1TelegramSink"/>. Call <see cref="PolledLinkReader.Poll"/> in a loop; each
    /// call is bounded by <see cref="P1ReaderOptions.ReadTimeoutMilliseconds"/>. Silence in the middle of a telegram
    /// ends it as truncated; silence between telegrams is reported once it passes the alarm limit. Allocation-free
    /// after construction.
    /// </summary>
    public sealed class P1PortReader : PolledLinkReader
    {
        private readonly DsmrTelegramDecoder _decoder;
        private readonly IP1TelegramSink _sink;

        public P1PortReader(IByteLink link, DsmrTelegramDecoder decoder, IP1TelegramSink sink, P1ReaderOptions options)
            : this(link, decoder, sink, options ?? new P1ReaderOptions(), true)
        {
            // (the second constructor lets the options default once, before the base constructor reads them)
        }

        private P1PortReader(IByteLink link, DsmrTelegramDecoder decoder, IP1TelegramSink sink, P1ReaderOptions options, bool defaulted)
            : base(link, options.ReadTimeoutMilliseconds, options.InterByteTimeoutMilliseconds, options.SilenceAlarmMilliseconds, options.ReadBufferSize)
        {
            if (decoder == null)
            {
                throw new ArgumentNullException("decoder");
            }

            if (sink == null)
            {
                throw new ArgumentNullException("sink");
            }

            _decoder = decoder;
            _sink = sink;
        }

        public DsmrTelegramDecoder Decoder
        {
            get { return _decoder; }
        }

        protected override bool InFrame
        {
            get { return _decoder.InTelegram; }
        }

        protected override void Feed(byte[] buffer, int count)
        {
            int offset = 0;
            while (offset < count)
            {
                int consumed;
                DsmrStatus status = _decoder.Feed(buffer, offset, count - offset, out consumed);
                offset += consumed;
                Report(status);
            }
        }

        protected override void FinishAfterSilence()
        {
            Report(_decoder.Finish(false));
        }

        protected override void ResetDecoder()
        {
            _decoder.Reset();
        }

        protected override void ReportSilence(int silentMilliseconds)
        {
            _sink.OnSilence(silentMilliseconds);
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
