using System;
using Concentrator.Core.Io;

namespace Concentrator.Core.Sml
{
    /// <summary>
    /// Pulls readings from an SML meter or communication module (e.g. the Landis+Gyr E750's CM over TCP): sends
    /// SML_PublicOpen.Req + SML_GetList.Req + SML_PublicClose.Req in one file and reads files until one carries the
    /// matching SML_GetList.Res (or an attention response, silence, or too many bytes ends the attempt). Stale bytes
    /// from an earlier answer are drained first; responses to another transaction are skipped and counted. Every wait
    /// is bounded. Allocation-free after construction.
    /// </summary>
    public sealed class SmlClientSession
    {
        private readonly IByteLink _link;
        private readonly SmlFileDecoder _decoder;
        private readonly SmlClientOptions _options;
        private readonly SmlRequestWriter _requests;
        private readonly byte[] _buffer = new byte[256];

        public SmlClientSession(IByteLink link, SmlFileDecoder decoder, SmlClientOptions options)
        {
            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            if (decoder == null)
            {
                throw new ArgumentNullException("decoder");
            }

            _link = link;
            _decoder = decoder;
            _options = options ?? new SmlClientOptions();
            if (_options.ClientId == null || _options.ReadTimeoutMilliseconds < 1 || _options.SilenceTimeoutMilliseconds < _options.ReadTimeoutMilliseconds)
            {
                throw new ArgumentException("SML client options: a client id, a read timeout of at least 1 ms and a silence limit not below it are required");
            }

            _requests = new SmlRequestWriter(_options.MaxRequestPayload);
        }

        /// <summary>The decoder: readings of the last response and its last error.</summary>
        public SmlFileDecoder Decoder
        {
            get { return _decoder; }
        }

        /// <summary>The request writer (the last request's bytes, for logs and tests).</summary>
        public SmlRequestWriter Requests
        {
            get { return _requests; }
        }

        /// <summary>The link's status when <see cref="SmlClientStatus.LinkFailed"/> was reported.</summary>
        public LinkStatus LastLinkStatus { get; private set; }

        /// <summary>Responses skipped because their transaction id belonged to another request.</summary>
        public int StaleResponses { get; private set; }

        /// <summary>Files that failed a check while waiting for the list (the decoder's LastError has the last one).</summary>
        public int BadFiles { get; private set; }

        /// <summary>Sends the request and waits for the list.</summary>
        public SmlClientStatus ReadList()
        {
            LinkStatus status = Drain();
            if (status != LinkStatus.Ok)
            {
                return LinkFailed(status);
            }

            int length = _requests.WriteGetList(_options.ClientId, _options.ServerId, _options.User, _options.Password, _options.ListName, _options.RequestCrc);
            if (length < 0)
            {
                throw new ArgumentException("SML request does not fit MaxRequestPayload");
            }

            status = _link.Write(_requests.File, 0, length);
            if (status != LinkStatus.Ok)
            {
                return LinkFailed(status);
            }

            _decoder.Reset();
            int silent = 0;
            int received = 0;
            bool sawFiles = false;
            while (true)
            {
                int read;
                status = _link.Read(_buffer, 0, _buffer.Length, _options.ReadTimeoutMilliseconds, out read);
                if (status == LinkStatus.Timeout || (status == LinkStatus.Ok && read == 0))
                {
                    silent += _options.ReadTimeoutMilliseconds;
                    if (silent >= _options.SilenceTimeoutMilliseconds)
                    {
                        SmlStatus last = _decoder.Finish(false);
                        if (last == SmlStatus.PartialFile && HasOurList())
                        {
                            return SmlClientStatus.Partial;
                        }

                        return sawFiles || last != SmlStatus.NeedMoreData ? SmlClientStatus.NoList : SmlClientStatus.Timeout;
                    }

                    continue;
                }

                if (status != LinkStatus.Ok)
                {
                    _decoder.Reset();
                    return LinkFailed(status);
                }

                silent = 0;
                received += read;
                int offset = 0;
                while (offset < read)
                {
                    int consumed;
                    SmlStatus file = _decoder.Feed(_buffer, offset, read - offset, out consumed);
                    offset += consumed;
                    if (file == SmlStatus.NeedMoreData || file == SmlStatus.GarbageSkipped)
                    {
                        continue;
                    }

                    sawFiles = true;
                    if (file != SmlStatus.FileReady && file != SmlStatus.PartialFile)
                    {
                        BadFiles++;
                        continue;
                    }

                    if (_decoder.Parser.HasAttention)
                    {
                        return SmlClientStatus.Attention;
                    }

                    if (HasOurList())
                    {
                        return file == SmlStatus.FileReady ? SmlClientStatus.Ok : SmlClientStatus.Partial;
                    }

                    if (_decoder.Parser.GetListTransactionIdLength > 0)
                    {
                        StaleResponses++;
                    }
                }

                if (received >= _options.MaxResponseBytes)
                {
                    _decoder.Reset();
                    return SmlClientStatus.NoList;
                }
            }
        }

        private bool HasOurList()
        {
            SmlFileParser parser = _decoder.Parser;
            int length = parser.GetListTransactionIdLength;
            if (length == 0 || parser.GetListResponses == 0)
            {
                return false;
            }

            byte[] expected = _requests.GetListTransactionId;
            if (length != expected.Length)
            {
                return false;
            }

            byte[] payload = _decoder.LastFile;
            int start = parser.GetListTransactionIdStart;
            for (int i = 0; i < length; i++)
            {
                if (payload[start + i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        // Bytes that arrived before the request (a late answer to an earlier one) would be taken for the answer.
        private LinkStatus Drain()
        {
            int total = 0;
            while (total < _options.MaxResponseBytes)
            {
                int read;
                LinkStatus status = _link.Read(_buffer, 0, _buffer.Length, 0, out read);
                if (status == LinkStatus.Timeout || (status == LinkStatus.Ok && read == 0))
                {
                    return LinkStatus.Ok;
                }

                if (status != LinkStatus.Ok)
                {
                    return status;
                }

                total += read;
            }

            return LinkStatus.Ok;
        }

        private SmlClientStatus LinkFailed(LinkStatus status)
        {
            LastLinkStatus = status;
            return SmlClientStatus.LinkFailed;
        }
    }
}
