using System;
using Concentrator.Core.Io;

namespace Concentrator.Core.Sml
{
    /// <summary>
    /// Reads a port on which a meter pushes SML files unasked (the eHZ optical interface): bytes from an
    /// <see cref="IByteLink"/> into an <see cref="SmlFileDecoder"/>, files and failures out to an
    /// <see cref="ISmlFileSink"/>. Call <see cref="Poll"/> in a loop; each call is bounded by
    /// <see cref="SmlPushReaderOptions.ReadTimeoutMilliseconds"/>. Silence in the middle of a file ends it as truncated;
    /// silence between files is reported once it passes the alarm limit. Allocation-free after construction.
    /// </summary>
    public sealed class SmlPushReader
    {
        private readonly IByteLink _link;
        private readonly SmlFileDecoder _decoder;
        private readonly ISmlFileSink _sink;
        private readonly SmlPushReaderOptions _options;
        private readonly byte[] _buffer;
        private int _silentMilliseconds;
        private bool _silenceReported;

        public SmlPushReader(IByteLink link, SmlFileDecoder decoder, ISmlFileSink sink, SmlPushReaderOptions options)
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
            _options = options ?? new SmlPushReaderOptions();
            _buffer = new byte[_options.ReadBufferSize];
        }

        /// <summary>Bytes received since construction.</summary>
        public long BytesReceived { get; private set; }

        public SmlFileDecoder Decoder
        {
            get { return _decoder; }
        }

        /// <summary>Waits for bytes once and handles them. Returns the link's status (Timeout is normal between files).</summary>
        public LinkStatus Poll()
        {
            int read;
            LinkStatus status = _link.Read(_buffer, 0, _buffer.Length, _options.ReadTimeoutMilliseconds, out read);
            if (status == LinkStatus.Ok && read > 0)
            {
                _silentMilliseconds = 0;
                _silenceReported = false;
                BytesReceived += read;
                int offset = 0;
                while (offset < read)
                {
                    int consumed;
                    SmlStatus file = _decoder.Feed(_buffer, offset, read - offset, out consumed);
                    offset += consumed;
                    Report(file);
                }

                return LinkStatus.Ok;
            }

            if (status == LinkStatus.Timeout || (status == LinkStatus.Ok && read == 0))
            {
                _silentMilliseconds += _options.ReadTimeoutMilliseconds;
                if (_decoder.InFile && _silentMilliseconds >= _options.InterByteTimeoutMilliseconds)
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

            _decoder.Reset();
            return status;
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
