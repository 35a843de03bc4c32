using System;
using Concentrator.Core.Dlms;
using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Hdlc
{
    /// <summary>
    /// The client side of an HDLC link (IEC 62056-46, normal response mode) to one meter over an <see cref="IByteLink"/>
    /// (a UART on RS485 or the optical port, or TCP): SNRM/UA with parameter negotiation, I frames carrying APDUs with
    /// the LLC header, segmentation in both directions (RR asks for the next segment), N(S)/N(R) checking,
    /// retransmission when an answer does not come, DM/FRMR handling and DISC. Every wait is bounded by the response
    /// timeout (plus the frame's wire time) and the retry count; frames from other stations on a shared bus and our
    /// own echo are skipped. Buffers are made once; steady-state exchanges allocate nothing (error texts are built only
    /// when something fails). One thread owns a session; <see cref="Retarget"/> points it at another meter on the same
    /// bus, so one session serves a whole bus.
    /// </summary>
    public sealed class HdlcSession : IApduTransport
    {
        // IEC 62056-46 8.2 / IEC 62056-47: LLC header of a request and of a response.
        private const byte LlcDestination = 0xE6;
        private const byte LlcSourceRequest = 0xE6;
        private const byte LlcSourceResponse = 0xE7;
        private const int LlcLength = 3;
        private const int CaptureSize = 64;

        // Longest xDLMS APDU (its PDU size is a 16-bit value).
        private const int MaxApduLength = 0xFFFF;

        private readonly IByteLink _link;
        private readonly IMillisecondClock _clock;
        private readonly HdlcSessionOptions _options;
        private readonly HdlcFrameDecoder _decoder;
        private readonly byte[] _tx;
        private readonly byte[] _txInformation;
        private readonly byte[] _read;
        private readonly byte[] _capture = new byte[CaptureSize];
        private HdlcAddress _client;
        private HdlcAddress _server;
        private LineSettings _lineSettings;
        private int _txLength;
        private int _readOffset;
        private int _readCount;
        private int _captureCount;
        private int _sendSequence;
        private int _receiveSequence;
        private bool _open;
        private string _lastError = string.Empty;

        public HdlcSession(IByteLink link, IMillisecondClock clock, HdlcSessionOptions options)
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

            if (options.MaxInformationTransmit < 32 || options.MaxInformationTransmit > 2030 || options.MaxInformationReceive < 32 || options.MaxInformationReceive > 2030)
            {
                throw new ArgumentOutOfRangeException("options", "max information lengths must be 32..2030");
            }

            if (options.WindowReceive < 1 || options.WindowReceive > 7 || options.ResponseTimeoutMilliseconds < 1 || options.MaxRetries < 0 || options.ReadChunkSize < 1)
            {
                throw new ArgumentOutOfRangeException("options");
            }

            if (options.Client.Size != 1 || options.Server.IsEmpty)
            {
                throw new ArgumentException("client address must be 1 byte and the server address set");
            }

            _link = link;
            _clock = clock;
            _options = options;
            _client = options.Client;
            _server = options.Server;
            _lineSettings = options.Line;
            _decoder = new HdlcFrameDecoder(options.MaxInformationReceive + HdlcFrameEncoder.MaxOverhead - 2);
            _tx = new byte[options.MaxInformationTransmit + HdlcFrameEncoder.MaxOverhead];
            _txInformation = new byte[options.MaxInformationTransmit > 32 ? options.MaxInformationTransmit : 32];
            _read = new byte[options.ReadChunkSize];
            Negotiated = HdlcLinkParameters.Defaults;
        }

        /// <summary>The parameters in force since the last <see cref="Open"/>, from our side: transmit = what we send.</summary>
        public HdlcLinkParameters Negotiated { get; private set; }

        public bool IsOpen
        {
            get { return _open; }
        }

        public HdlcAddress Server
        {
            get { return _server; }
        }

        public string LastError
        {
            get { return _lastError; }
        }

        public long BytesSent { get; private set; }

        public long BytesReceived { get; private set; }

        public int RoundTrips { get; private set; }

        /// <summary>Frames repeated because an answer did not come or was corrupt.</summary>
        public int Retransmissions { get; private set; }

        /// <summary>Our own frames heard back (optical heads, transceivers that listen while sending), skipped.</summary>
        public int EchoesSkipped { get; private set; }

        /// <summary>Good frames for other stations (other meters' traffic on a shared bus), skipped.</summary>
        public int ForeignFramesSkipped { get; private set; }

        /// <summary>The frame decoder, for its per-failure counts.</summary>
        public HdlcFrameDecoder Decoder
        {
            get { return _decoder; }
        }

        /// <summary>
        /// Points the (closed) session at another meter on the same line, reusing its buffers; <paramref name="line"/>
        /// is that meter's framing, for the wire time added to each wait.
        /// </summary>
        public void Retarget(HdlcAddress server, HdlcAddress client, LineSettings line)
        {
            if (_open)
            {
                throw new InvalidOperationException("close the HDLC session before retargeting it");
            }

            if (client.Size != 1 || server.IsEmpty)
            {
                throw new ArgumentException("client address must be 1 byte and the server address set");
            }

            _server = server;
            _client = client;
            _lineSettings = line;
        }

        public ApduTransportStatus Open()
        {
            _open = false;
            _decoder.Reset();
            _readOffset = 0;
            _readCount = 0;
            _sendSequence = 0;
            _receiveSequence = 0;
            Negotiated = HdlcLinkParameters.Defaults;
            int informationLength = 0;
            if (_options.ProposeParameters)
            {
                HdlcLinkParameters proposal = new HdlcLinkParameters(_options.MaxInformationTransmit, _options.MaxInformationReceive, 1, _options.WindowReceive);
                informationLength = proposal.WriteTo(_txInformation, 0);
            }

            HdlcFrame frame;
            ApduTransportStatus status = Transact(HdlcControl.Unnumbered(HdlcControl.Snrm), false, informationLength, out frame);
            if (status != ApduTransportStatus.Ok)
            {
                return status;
            }

            HdlcFrameType type = frame.Type;
            if (type == HdlcFrameType.DisconnectedMode)
            {
                return Fail(ApduTransportStatus.Disconnected, "meter " + _server.ToString() + " answered SNRM with DM (it refuses the connection: wrong client address, or another client holds it)");
            }

            if (type != HdlcFrameType.UnnumberedAcknowledge)
            {
                return Fail(ApduTransportStatus.Corrupt, "meter " + _server.ToString() + " answered SNRM with " + HdlcControl.Name(type) + " instead of UA");
            }

            HdlcLinkParameters offered;
            if (!HdlcLinkParameters.TryRead(frame.Buffer, frame.InformationOffset, frame.InformationLength, out offered))
            {
                return Fail(ApduTransportStatus.Corrupt, "UA from meter " + _server.ToString() + " carries a malformed parameter block");
            }

            // The UA's values are the meter's: its transmit is our receive and the other way round.
            Negotiated = new HdlcLinkParameters(
                Math.Min(_options.MaxInformationTransmit, offered.MaxInformationReceive),
                Math.Min(_options.MaxInformationReceive, offered.MaxInformationTransmit),
                1,
                Math.Min(_options.WindowReceive, offered.WindowTransmit));
            _open = true;
            return Succeed();
        }

        public ApduTransportStatus Exchange(byte[] request, int offset, int count, byte[] response, out int responseLength)
        {
            responseLength = 0;
            if (request == null || response == null || offset < 0 || count < 0 || offset + count > request.Length)
            {
                throw new ArgumentException("request");
            }

            if (!_open)
            {
                return Fail(ApduTransportStatus.NotOpen, "HDLC link to meter " + _server.ToString() + " is not open");
            }

            // Send: LLC header + APDU, in segments of the negotiated length; each segment but the last is acknowledged by RR.
            int total = LlcLength + count;
            int sent = 0;
            int maxInformation = Negotiated.MaxInformationTransmit;
            HdlcFrame frame = null;
            while (sent < total)
            {
                int length = total - sent < maxInformation ? total - sent : maxInformation;
                for (int i = 0; i < length; i++)
                {
                    int position = sent + i;
                    _txInformation[i] = position == 0 ? LlcDestination : position == 1 ? LlcSourceRequest : position == 2 ? (byte)0 : request[offset + position - LlcLength];
                }

                bool last = sent + length == total;
                byte control = HdlcControl.Information(_sendSequence, _receiveSequence, true);
                ApduTransportStatus status = Transact(control, !last, length, out frame);
                if (status != ApduTransportStatus.Ok)
                {
                    return status;
                }

                status = CheckNotDropped(frame);
                if (status != ApduTransportStatus.Ok)
                {
                    return status;
                }

                if (!last)
                {
                    if (frame.Type != HdlcFrameType.ReceiveReady || frame.ReceiveSequence != ((_sendSequence + 1) & 7))
                    {
                        return Fail(ApduTransportStatus.Corrupt, "segment " + _sendSequence.ToString() + " of the request was answered with " + HdlcControl.Name(frame.Type) + " N(R)=" + frame.ReceiveSequence.ToString() + " instead of RR N(R)=" + ((_sendSequence + 1) & 7).ToString());
                    }
                }

                _sendSequence = (_sendSequence + 1) & 7;
                sent += length;
            }

            return ReceiveResponse(frame, response, out responseLength);
        }

        public void Close()
        {
            if (!_open)
            {
                return;
            }

            _open = false;
            HdlcFrame frame;
            ApduTransportStatus status = Transact(HdlcControl.Unnumbered(HdlcControl.Disc), false, 0, out frame);
            if (status == ApduTransportStatus.Ok && frame.Type != HdlcFrameType.UnnumberedAcknowledge && frame.Type != HdlcFrameType.DisconnectedMode)
            {
                Fail(ApduTransportStatus.Corrupt, "meter " + _server.ToString() + " answered DISC with " + HdlcControl.Name(frame.Type));
            }
        }

        // Collects the I frames of the response, starting with the one that answered the request's last segment.
        private ApduTransportStatus ReceiveResponse(HdlcFrame frame, byte[] response, out int responseLength)
        {
            responseLength = 0;
            int collected = 0;
            int busyPolls = 0;
            int duplicates = 0;
            bool tooLong = false;
            while (true)
            {
                HdlcFrameType type = frame.Type;
                if (type == HdlcFrameType.ReceiveNotReady || (type == HdlcFrameType.ReceiveReady && frame.ReceiveSequence == _sendSequence))
                {
                    // The meter is busy (RNR), or acknowledged without answering yet (RR, as some meters do while they
                    // prepare a long answer): ask again, a bounded number of times.
                    if (++busyPolls > _options.MaxRetries + 1)
                    {
                        return Fail(ApduTransportStatus.Timeout, "meter " + _server.ToString() + " stayed busy (" + HdlcControl.Name(type) + ") through " + (busyPolls - 1).ToString() + " polls");
                    }

                    ApduTransportStatus busy = Transact(HdlcControl.ReceiveReady(_receiveSequence, true), false, 0, out frame);
                    if (busy != ApduTransportStatus.Ok)
                    {
                        return busy;
                    }

                    busy = CheckNotDropped(frame);
                    if (busy != ApduTransportStatus.Ok)
                    {
                        return busy;
                    }

                    continue;
                }

                if (type != HdlcFrameType.Information)
                {
                    return Fail(ApduTransportStatus.Corrupt, "expected an I frame from meter " + _server.ToString() + ", got " + HdlcControl.Name(type));
                }

                if (frame.ReceiveSequence != _sendSequence)
                {
                    return Fail(ApduTransportStatus.Corrupt, "sequence error: meter's N(R)=" + frame.ReceiveSequence.ToString() + ", expected " + _sendSequence.ToString());
                }

                bool duplicate = frame.SendSequence == ((_receiveSequence + 7) & 7);
                if (!duplicate && frame.SendSequence != _receiveSequence)
                {
                    return Fail(ApduTransportStatus.Corrupt, "sequence error: meter's N(S)=" + frame.SendSequence.ToString() + ", expected " + _receiveSequence.ToString());
                }

                if (duplicate && ++duplicates > _options.MaxRetries + 1)
                {
                    return Fail(ApduTransportStatus.Corrupt, "meter " + _server.ToString() + " keeps repeating segment N(S)=" + frame.SendSequence.ToString());
                }

                if (!duplicate)
                {
                    int start = frame.InformationOffset;
                    int length = frame.InformationLength;
                    if (collected == 0 && !tooLong)
                    {
                        // Tolerated: a response carrying the request's LLC source byte (E6 E6 00), as a few servers send.
                        if (length < LlcLength || frame.Buffer[start] != LlcDestination || (frame.Buffer[start + 1] != LlcSourceResponse && frame.Buffer[start + 1] != LlcSourceRequest) || frame.Buffer[start + 2] != 0)
                        {
                            return Fail(ApduTransportStatus.Corrupt, "response from meter " + _server.ToString() + " does not start with the LLC header E6 E7 00");
                        }

                        start += LlcLength;
                        length -= LlcLength;
                    }

                    if (collected + length > response.Length)
                    {
                        tooLong = true;
                    }
                    else
                    {
                        Array.Copy(frame.Buffer, start, response, collected, length);
                    }

                    collected += length;
                    _receiveSequence = (_receiveSequence + 1) & 7;
                    if (collected > MaxApduLength)
                    {
                        // No APDU is that long (xDLMS PDU sizes are 16-bit): the meter is streaming nonsense.
                        _open = false;
                        return Fail(ApduTransportStatus.Corrupt, "answer from meter " + _server.ToString() + " runs past " + MaxApduLength.ToString() + " bytes");
                    }
                }

                if (!frame.Segmented && !duplicate)
                {
                    break;
                }

                ApduTransportStatus status;
                if (frame.PollFinal)
                {
                    // IEC 62056-46 6.4.4.7: RR with N(R) asks for the next segment (and repeats after a lost RR).
                    status = Transact(HdlcControl.ReceiveReady(_receiveSequence, true), false, 0, out frame);
                }
                else
                {
                    // More frames of the meter's window follow without a poll; should none come (a meter that leaves
                    // the final bit clear on every segment), ask with RR after all.
                    status = WaitFrame(out frame);
                    if (status == ApduTransportStatus.Timeout)
                    {
                        status = Transact(HdlcControl.ReceiveReady(_receiveSequence, true), false, 0, out frame);
                    }
                }

                if (status != ApduTransportStatus.Ok)
                {
                    return status;
                }

                status = CheckNotDropped(frame);
                if (status != ApduTransportStatus.Ok)
                {
                    return status;
                }
            }

            if (tooLong)
            {
                return Fail(ApduTransportStatus.BufferTooSmall, "response of " + collected.ToString() + " bytes does not fit the " + response.Length.ToString() + "-byte buffer");
            }

            responseLength = collected;
            return Succeed();
        }

        private ApduTransportStatus CheckNotDropped(HdlcFrame frame)
        {
            HdlcFrameType type = frame.Type;
            if (type == HdlcFrameType.DisconnectedMode)
            {
                _open = false;
                return Fail(ApduTransportStatus.Disconnected, "meter " + _server.ToString() + " dropped the link (DM)");
            }

            if (type == HdlcFrameType.FrameReject)
            {
                _open = false;
                return Fail(ApduTransportStatus.Disconnected, "meter " + _server.ToString() + " rejected a frame (FRMR)");
            }

            return ApduTransportStatus.Ok;
        }

        // Sends a frame (information from _txInformation) and waits for the answer, repeating it while none comes.
        private ApduTransportStatus Transact(byte control, bool segmented, int informationLength, out HdlcFrame frame)
        {
            frame = null;
            _txLength = HdlcFrameEncoder.Encode(_tx, 0, _server, _client, control, segmented, _txInformation, 0, informationLength);
            ApduTransportStatus status = ApduTransportStatus.Timeout;
            int echoesBefore = EchoesSkipped;
            for (int attempt = 0; attempt <= _options.MaxRetries; attempt++)
            {
                if (attempt > 0)
                {
                    Retransmissions++;
                }

                _captureCount = 0;
                LinkStatus written = _link.Write(_tx, 0, _txLength);
                if (written != LinkStatus.Ok)
                {
                    return LinkFailed(written, "writing");
                }

                BytesSent += _txLength;
                RoundTrips++;
                status = WaitFrame(out frame);
                if (status != ApduTransportStatus.Timeout)
                {
                    return status;
                }
            }

            string what = HdlcControl.Name(HdlcControl.TypeOf(control));
            if (HdlcEchoCheck.ContainsParityEcho(_tx, 0, _txLength, _capture, 0, _captureCount))
            {
                return Fail(ApduTransportStatus.Corrupt, "heard our own " + what + " back with bit 7 as even parity: the port is still in 7E1 framing (IEC 62056-21 sign-on) while HDLC needs 8N1; switch the line to 8N1 before SNRM");
            }

            if (EchoesSkipped > echoesBefore)
            {
                return Fail(ApduTransportStatus.Timeout, "only our own " + what + " echoed back, no answer from meter " + _server.ToString() + " after " + (_options.MaxRetries + 1).ToString() + " tries");
            }

            return Fail(ApduTransportStatus.Timeout, "no answer to " + what + " from meter " + _server.ToString() + " after " + (_options.MaxRetries + 1).ToString() + " tries of " + _options.ResponseTimeoutMilliseconds.ToString() + " ms" + (_decoder.LastFailure != HdlcDecodeStatus.NeedMoreData && _captureCount > 0 ? " (last line error: " + _decoder.DescribeLastFailure() + ")" : string.Empty));
        }

        // Waits for a good frame from our meter to us, skipping echoes, other stations' frames and line errors.
        private ApduTransportStatus WaitFrame(out HdlcFrame frame)
        {
            frame = null;
            // The answer must start within the response timeout after our frame has left the line; after that the wait
            // ends at a silence as long as the response timeout, so a long frame at a low baud is not cut off, but
            // never later than the longest frame's own wire time allows (a line that babbles forever is given up on).
            long now = _clock.NowMilliseconds;
            int timeout = _options.ResponseTimeoutMilliseconds;
            long deadline = now + timeout + (_lineSettings.WireMicroseconds(_txLength) / 1000);
            long longestAnswer = _lineSettings.WireMicroseconds(_decoder.MaxFrameLength + 2) / 1000;
            long limit = deadline + (longestAnswer > timeout ? longestAnswer : timeout);
            while (true)
            {
                HdlcFrame candidate = NextDecodedFrame();
                if (candidate != null)
                {
                    frame = candidate;
                    return ApduTransportStatus.Ok;
                }

                long remaining = deadline - _clock.NowMilliseconds;
                if (remaining <= 0)
                {
                    // Silence: a frame still open never ends. Look inside it for a good frame (a bogus length may have
                    // swallowed one) before giving up.
                    HdlcDecodeStatus finished;
                    while ((finished = _decoder.Finish()) != HdlcDecodeStatus.NeedMoreData)
                    {
                        if (finished == HdlcDecodeStatus.FrameReady && IsForUs(_decoder.Frame))
                        {
                            frame = _decoder.Frame;
                            return ApduTransportStatus.Ok;
                        }
                    }

                    _decoder.Reset();
                    return ApduTransportStatus.Timeout;
                }

                int read;
                LinkStatus status = _link.Read(_read, 0, _read.Length, (int)remaining, out read);
                if (status == LinkStatus.Timeout || (status == LinkStatus.Ok && read == 0))
                {
                    continue;
                }

                if (status != LinkStatus.Ok)
                {
                    return LinkFailed(status, "reading");
                }

                BytesReceived += read;
                long quietUntil = _clock.NowMilliseconds + timeout;
                if (quietUntil > deadline)
                {
                    deadline = quietUntil < limit ? quietUntil : limit;
                }

                _readOffset = 0;
                _readCount = read;
                int room = CaptureSize - _captureCount;
                int copy = read < room ? read : room;
                if (copy > 0)
                {
                    Array.Copy(_read, 0, _capture, _captureCount, copy);
                    _captureCount += copy;
                }
            }
        }

        // Decodes what has been read (and what the decoder held back after a line error) until a frame from our meter
        // to us turns up; null when the bytes run out first.
        private HdlcFrame NextDecodedFrame()
        {
            while (true)
            {
                int consumed;
                HdlcDecodeStatus decoded = _decoder.Feed(_read, _readOffset, _readCount, out consumed);
                _readOffset += consumed;
                _readCount -= consumed;
                if (decoded == HdlcDecodeStatus.NeedMoreData)
                {
                    return null;
                }

                if (decoded != HdlcDecodeStatus.FrameReady)
                {
                    continue;
                }

                if (IsForUs(_decoder.Frame))
                {
                    return _decoder.Frame;
                }
            }
        }

        // True for a frame from our meter to us; counts the others (our echo, other stations' traffic).
        private bool IsForUs(HdlcFrame candidate)
        {
            if (candidate.Destination.SameAs(_client) && candidate.Source.SameAs(_server))
            {
                return true;
            }

            if (candidate.Destination.SameAs(_server) && candidate.Source.SameAs(_client))
            {
                EchoesSkipped++;
            }
            else
            {
                ForeignFramesSkipped++;
            }

            return false;
        }

        private ApduTransportStatus LinkFailed(LinkStatus status, string doing)
        {
            _open = false;
            if (status == LinkStatus.Closed)
            {
                return Fail(ApduTransportStatus.Disconnected, "the line to meter " + _server.ToString() + " closed while " + doing);
            }

            return Fail(ApduTransportStatus.LinkFault, "the line to meter " + _server.ToString() + " failed while " + doing);
        }

        private ApduTransportStatus Succeed()
        {
            _lastError = string.Empty;
            return ApduTransportStatus.Ok;
        }

        private ApduTransportStatus Fail(ApduTransportStatus status, string message)
        {
            _lastError = message;
            return status;
        }
    }
}
