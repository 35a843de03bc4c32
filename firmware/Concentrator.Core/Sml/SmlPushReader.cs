using System;
using Concentrator.Core.Io;

namespace Concentrator.Core.Sml
{
    /// <summary>
    /// Reads a port on which a meter pushes SML files unasked (the eHZ optical interface): bytes from an
    /// <see cref="IByteLink"/> into an <see cref="SmlFileDecoder"/>, files and failures out to an
    /// <see cref="ISmlFileSink"/>. Call <see cref="PolledLinkReader.Poll"/> in a loop; each call is bounded by
    /// <see cref="SmlPushReaderOptions.ReadTimeoutMilliseconds"/>. Silence in the middle of a file ends it as truncated;
    /// silence between files is reported once it passes the alarm limit. Allocation-free after construction.
    /// </summary>
    public sealed class SmlPushReader : PolledLinkReader
    {
        private readonly SmlFileDecoder _decoder;
        private readonly ISmlFileSink _sink;

        public SmlPushReader(IByteLink link, SmlFileDecoder decoder, ISmlFileSink sink, SmlPushReaderOptions options)
            : this(link, decoder, sink, options ?? new SmlPushReaderOptions(), true)
        {
            // (the second constructor lets the options default once, before the base constructor reads them)
        }

        private SmlPushReader(IByteLink link, SmlFileDecoder decoder, ISmlFileSink sink, SmlPushReaderOptions options, bool defaulted)
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

        public SmlFileDecoder Decoder
        {
            get { return _decoder; }
        }

        protected override bool InFrame
        {
            get { return _decoder.InFile; }
        }

        protected override void Feed(byte[] buffer, int count)
        {
            int offset = 0;
            while (offset < count)
            {
                int consumed;
                SmlStatus file = _decoder.Feed(buffer, offset, count - offset, out consumed);
                offset += consumed;
                Report(file);
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

        private void Report(SmlStatus status)
        {
            switch (status)
            {
                case SmlStatus.NeedMoreData:
                    return;
                case SmlStatus.FileReady:
                    _sink.OnFile(_decoder.Readings, false);
                    return;
                case SmlStatus.PartialFile:
                    _sink.OnFailure(_decoder.LastError);
                    _sink.OnFile(_decoder.Readings, true);
                    return;
                default:
                    _sink.OnFailure(_decoder.LastError);
                    return;
            }
        }
    }
}
