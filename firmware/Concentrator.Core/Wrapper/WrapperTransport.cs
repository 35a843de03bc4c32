using System;
using Concentrator.Core.Dlms;
using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Wrapper
{
    /// <summary>
    /// The DLMS/COSEM TCP-UDP wrapper (IEC 62056-47, TCP port 4059) over an <see cref="IByteLink"/>: each APDU goes with
    /// an 8-byte header (version 1, source wPort, destination wPort, length, all big-endian 16-bit). No segmentation, no
    /// retransmission (TCP does both); every wait is bounded and a late answer to an earlier request that timed out is
    /// drained before the next request, so it is never taken for the new answer. Allocation-free per exchange.
    /// </summary>
    public sealed class WrapperTransport : IApduTransport
    {
        public const int HeaderLength = 8;
        public const int Version = 1;

        private readonly IByteLink _link;
        private readonly IMillisecondClock _clock;
        private readonly WrapperTransportOptions _options;
        private readonly byte[] _header = new byte[HeaderLength];
        private readonly byte[] _discard = new byte[64];
        private bool _open;
        private string _lastError = string.Empty;

        public WrapperTransport(IByteLink link, IMillisecondClock clock, WrapperTransportOptions options)
        {
            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (options.ClientPort < 0 || options.ClientPort > 0xFFFF || options.ServerPort < 0 || options.ServerPort > 0xFFFF || options.ResponseTimeoutMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException("options");
            }

            _link = link;
            _clock = clock;
            _options = options;
        }

        public string LastError
        {
            get { return _lastError; }
        }

        public long BytesSent { get; private set; }

        public long BytesReceived { get; private set; }

        public int RoundTrips { get; private set; }

        /// <summary>Nothing to negotiate: the TCP connection is the link's business.</summary>
        public ApduTransportStatus Open()
        {
            _open = true;
            _lastError = string.Empty;
            return ApduTransportStatus.Ok;
        }

        public void Close()
        {
            _open = false;
        }

        public ApduTransportStatus Exchange(byte[] request, int offset, int count, byte[] response, out int responseLength)
        {
            responseLength = 0;
            if (request == null || response == null || offset < 0 || count < 0 || offset + count > request.Length || count > 0xFFFF)
            {
                throw new ArgumentException("request");
            }

            if (!_open)
            {
                return Fail(ApduTransportStatus.NotOpen, "wrapper transport is not open");
            }

            ApduTransportStatus status = DrainStale();
            if (status != ApduTransportStatus.Ok)
            {
                return status;
            }

            WriteHeader(_header, _options.ClientPort, _options.ServerPort, count);
            LinkStatus written = _link.Write(_header, 0, HeaderLength);
            if (written == LinkStatus.Ok)
            {
                written = _link.Write(request, offset, count);
            }

            if (written != LinkStatus.Ok)
            {
                return LinkFailed(written, "writing");
            }

            BytesSent += HeaderLength + count;
            RoundTrips++;
            status = ReadExactly(_header, 0, HeaderLength, "wrapper header");
            if (status != ApduTransportStatus.Ok)
            {
                return status;
            }

            int version = (_header[0] << 8) | _header[1];
            int source = (_header[2] << 8) | _header[3];
            int destination = (_header[4] << 8) | _header[5];
            int length = (_header[6] << 8) | _header[7];
            if (version != Version)
            {
                return Fail(ApduTransportStatus.Corrupt, "wrapper version " + version.ToString() + " in the answer, expected 1");
            }

            if (source != _options.ServerPort || destination != _options.ClientPort)
            {
                return Fail(ApduTransportStatus.Corrupt, "answer from wPort " + source.ToString() + " to wPort " + destination.ToString() + ", expected " + _options.ServerPort.ToString() + " to " + _options.ClientPort.ToString());
            }

            if (length > response.Length)
            {
                // Read it all anyway, so the stream stays in step for the next exchange.
                int left = length;
                while (left > 0)
                {
                    int piece = left < _discard.Length ? left : _discard.Length;
                    status = ReadExactly(_discard, 0, piece, "answer");
                    if (status != ApduTransportStatus.Ok)
                    {
                        return status;
                    }

                    left -= piece;
                }

                return Fail(ApduTransportStatus.BufferTooSmall, "answer of " + length.ToString() + " bytes does not fit the " + response.Length.ToString() + "-byte buffer");
            }

            status = ReadExactly(response, 0, length, "answer");
            if (status != ApduTransportStatus.Ok)
            {
                return status;
            }

            responseLength = length;
            _lastError = string.Empty;
            return ApduTransportStatus.Ok;
        }

        /// <summary>Writes the 8-byte header: version 1, source, destination, length.</summary>
        public static void WriteHeader(byte[] buffer, int sourcePort, int destinationPort, int length)
        {
            buffer[0] = 0;
            buffer[1] = Version;
            buffer[2] = (byte)(sourcePort >> 8);
            buffer[3] = (byte)sourcePort;
            buffer[4] = (byte)(destinationPort >> 8);
            buffer[5] = (byte)destinationPort;
            buffer[6] = (byte)(length >> 8);
            buffer[7] = (byte)length;
        }

        private ApduTransportStatus ReadExactly(byte[] buffer, int offset, int count, string what)
        {
            int got = 0;
            long deadline = _clock.NowMilliseconds + _options.ResponseTimeoutMilliseconds;
            while (got < count)
            {
                long remaining = deadline - _clock.NowMilliseconds;
                if (remaining <= 0)
                {
                    return Fail(ApduTransportStatus.Timeout, (got == 0 ? "no " : "incomplete ") + what + " from wPort " + _options.ServerPort.ToString() + " within " + _options.ResponseTimeoutMilliseconds.ToString() + " ms (" + got.ToString() + " of " + count.ToString() + " bytes)");
                }

                int read;
                LinkStatus status = _link.Read(buffer, offset + got, count - got, (int)remaining, out read);
                if (status == LinkStatus.Timeout || (status == LinkStatus.Ok && read == 0))
                {
                    continue;
                }

                if (status != LinkStatus.Ok)
                {
                    return LinkFailed(status, "reading " + what);
                }

                got += read;
                BytesReceived += read;
                deadline = _clock.NowMilliseconds + _options.ResponseTimeoutMilliseconds;
            }

            return ApduTransportStatus.Ok;
        }

        // Bytes waiting before a request are a late answer to one that timed out: throw them away.
        private ApduTransportStatus DrainStale()
        {
            long deadline = _clock.NowMilliseconds + _options.ResponseTimeoutMilliseconds;
            while (true)
            {
                if (_clock.NowMilliseconds > deadline)
                {
                    return Fail(ApduTransportStatus.Corrupt, "wPort " + _options.ServerPort.ToString() + " keeps sending unasked bytes");
                }

                int read;
                LinkStatus status = _link.Read(_discard, 0, _discard.Length, 0, out read);
                if (status == LinkStatus.Timeout || (status == LinkStatus.Ok && read == 0))
                {
                    return ApduTransportStatus.Ok;
                }

                if (status != LinkStatus.Ok)
                {
                    return LinkFailed(status, "draining stale bytes");
                }

                BytesReceived += read;
            }
        }

        private ApduTransportStatus LinkFailed(LinkStatus status, string doing)
        {
            _open = false;
            return Fail(status == LinkStatus.Closed ? ApduTransportStatus.Disconnected : ApduTransportStatus.LinkFault, "connection to wPort " + _options.ServerPort.ToString() + " " + (status == LinkStatus.Closed ? "closed" : "failed") + " while " + doing);
        }

        private ApduTransportStatus Fail(ApduTransportStatus status, string message)
        {
            _lastError = message;
            return status;
        }
    }
}
