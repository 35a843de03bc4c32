using System;
using Concentrator.Core.Checksums;

namespace Concentrator.Core.Hdlc
{
    /// <summary>
    /// Finds and checks HDLC frames (IEC 62056-46) in a byte stream that arrives in pieces. The frame's length field
    /// (not byte stuffing: 0x7E may occur inside a frame) says where the frame ends; the byte after it must be the
    /// closing flag, which may double as the next frame's opening flag. Every check that fails (format, length,
    /// addresses, HCS, FCS, closing flag) is reported with a status and the decoder resynchronises: it searches the
    /// bytes of the failed frame for the next flag and decodes on from there, so a frame cut short by noise does not
    /// take the following good frame with it. Allocation-free after construction; one thread owns an instance.
    /// </summary>
    public sealed class HdlcFrameDecoder
    {
        private const byte Flag = 0x7E;

        // Hunt: looking for a flag. Opened: after a flag, before a frame's first byte. InFrame: collecting Length bytes.
        // Closing: Length bytes taken, the closing flag is due.
        private const int Hunt = 0;
        private const int Opened = 1;
        private const int InFrame = 2;
        private const int Closing = 3;

        private readonly byte[] _frameBytes;
        private readonly HdlcFrame _frame = new HdlcFrame();
        private readonly int[] _counts = new int[10];
        private byte[] _replay;
        private byte[] _spare;
        private int _replayCount;
        private int _replayPosition;
        private int _state;
        private int _count;
        private int _length;
        private int _garbage;
        private bool _headerChecked;

        /// <param name="maxFrameLength">Largest length field accepted (at most 2047): the negotiated max information
        /// length plus the 15 bytes of header and checks is enough.</param>
        public HdlcFrameDecoder(int maxFrameLength)
        {
            if (maxFrameLength < 7 || maxFrameLength > HdlcFrameEncoder.MaxLength)
            {
                throw new ArgumentOutOfRangeException("maxFrameLength");
            }

            MaxFrameLength = maxFrameLength;
            _frameBytes = new byte[maxFrameLength + 1];
            _replay = new byte[maxFrameLength + 2];
            _spare = new byte[maxFrameLength + 2];
            _frame.Buffer = _frameBytes;
        }

        public int MaxFrameLength { get; private set; }

        /// <summary>The last frame reported as <see cref="HdlcDecodeStatus.FrameReady"/>; valid until the next Feed.</summary>
        public HdlcFrame Frame
        {
            get { return _frame; }
        }

        /// <summary>True while a frame has begun and not ended.</summary>
        public bool InFrameNow
        {
            get { return _state == InFrame || _state == Closing; }
        }

        /// <summary>The kind of the last failure reported.</summary>
        public HdlcDecodeStatus LastFailure { get; private set; }

        /// <summary>The value the frame stated in the last failure (its check sequence, its length, the byte found).</summary>
        public int LastExpected { get; private set; }

        /// <summary>The value computed or allowed in the last failure.</summary>
        public int LastActual { get; private set; }

        /// <summary>How many times a status was reported since construction (or <see cref="ResetCounts"/>).</summary>
        public int GetCount(HdlcDecodeStatus status)
        {
            return _counts[(int)status];
        }

        public void ResetCounts()
        {
            for (int i = 0; i < _counts.Length; i++)
            {
                _counts[i] = 0;
            }
        }

        /// <summary>Forgets any frame in progress and any bytes held for resynchronisation.</summary>
        public void Reset()
        {
            _state = Hunt;
            _count = 0;
            _garbage = 0;
            _replayCount = 0;
            _replayPosition = 0;
        }

        /// <summary>
        /// Decodes from <paramref name="data"/> until a frame is ready, a check fails, or the bytes run out.
        /// <paramref name="consumed"/> says how many bytes were taken; call again with the rest (it may be 0 while the
        /// decoder works through bytes it held back after a failure).
        /// </summary>
        public HdlcDecodeStatus Feed(byte[] data, int offset, int count, out int consumed)
        {
            consumed = 0;
            while (_replayPosition < _replayCount)
            {
                HdlcDecodeStatus replayed = Step(_replay[_replayPosition++]);
                if (replayed != HdlcDecodeStatus.NeedMoreData)
                {
                    return replayed;
                }
            }

            _replayCount = 0;
            _replayPosition = 0;
            while (consumed < count)
            {
                HdlcDecodeStatus status = Step(data[offset + consumed]);
                consumed++;
                if (status != HdlcDecodeStatus.NeedMoreData)
                {
                    return status;
                }
            }

            return HdlcDecodeStatus.NeedMoreData;
        }

        /// <summary>
        /// The input has ended (or gone silent): works through held-back bytes, then reports a frame still open as
        /// <see cref="HdlcDecodeStatus.Truncated"/>. Call until it returns NeedMoreData.
        /// </summary>
        public HdlcDecodeStatus Finish()
        {
            int none;
            HdlcDecodeStatus status = Feed(_frameBytes, 0, 0, out none);
            if (status != HdlcDecodeStatus.NeedMoreData)
            {
                return status;
            }

            if (InFrameNow)
            {
                // A good frame may hide in the unfinished one (a bogus length swallowed it): decode on from its first flag.
                return Fail(HdlcDecodeStatus.Truncated, _count >= 2 ? _length : 0, _count);
            }

            if (_state == Hunt && _garbage > 0)
            {
                int skipped = _garbage;
                _garbage = 0;
                return Report(HdlcDecodeStatus.GarbageSkipped, 0, skipped);
            }

            return HdlcDecodeStatus.NeedMoreData;
        }

        /// <summary>"FCS mismatch: frame says 0x1234, computed 0xABCD" — for logs and the decode command (allocates).</summary>
        public string DescribeLastFailure()
        {
            switch (LastFailure)
            {
                case HdlcDecodeStatus.GarbageSkipped:
                    return LastActual.ToString() + " byte(s) outside any frame skipped";
                case HdlcDecodeStatus.BadFormat:
                    return LastActual < 0x100
                        ? "frame format 0x" + LastActual.ToString("X2") + " is not type 3 (top nibble 0xA)"
                        : "frame length " + (LastActual - 0x100).ToString() + " is below the minimum of 7";
                case HdlcDecodeStatus.TooLong:
                    return "frame length " + LastExpected.ToString() + " exceeds the maximum of " + LastActual.ToString();
                case HdlcDecodeStatus.BadAddress:
                    return (LastExpected == 0 ? "destination" : "source") + " address does not end within 4 bytes (or is 3 bytes long)";
                case HdlcDecodeStatus.BadHcs:
                    return "HCS mismatch: frame says 0x" + LastExpected.ToString("X4") + ", computed 0x" + LastActual.ToString("X4");
                case HdlcDecodeStatus.BadFcs:
                    return "FCS mismatch: frame says 0x" + LastExpected.ToString("X4") + ", computed 0x" + LastActual.ToString("X4");
                case HdlcDecodeStatus.MissingClosingFlag:
                    return "closing flag expected after " + LastActual.ToString() + " bytes, found 0x" + LastExpected.ToString("X2");
                case HdlcDecodeStatus.Truncated:
                    return "input ended inside a frame after " + LastActual.ToString() + " of " + LastExpected.ToString() + " bytes";
                default:
                    return string.Empty;
            }
        }

        private HdlcDecodeStatus Step(byte b)
        {
            switch (_state)
            {
                case Hunt:
                    if (b != Flag)
                    {
                        _garbage++;
                        return HdlcDecodeStatus.NeedMoreData;
                    }

                    _state = Opened;
                    if (_garbage > 0)
                    {
                        int skipped = _garbage;
                        _garbage = 0;
                        return Report(HdlcDecodeStatus.GarbageSkipped, 0, skipped);
                    }

                    return HdlcDecodeStatus.NeedMoreData;

                case Opened:
                    if (b == Flag)
                    {
                        // Flags between frames (inter-frame fill) are allowed.
                        return HdlcDecodeStatus.NeedMoreData;
                    }

                    _count = 0;
                    _frameBytes[_count++] = b;
                    _state = InFrame;
                    _headerChecked = false;
                    if ((b & 0xF0) != 0xA0)
                    {
                        return Fail(HdlcDecodeStatus.BadFormat, 0, b);
                    }

                    return HdlcDecodeStatus.NeedMoreData;

                case InFrame:
                    _frameBytes[_count++] = b;
                    if (_count == 2)
                    {
                        _length = ((_frameBytes[0] & 0x07) << 8) | b;
                        if (_length < 7)
                        {
                            return Fail(HdlcDecodeStatus.BadFormat, 0, 0x100 + _length);
                        }

                        if (_length > MaxFrameLength)
                        {
                            return Fail(HdlcDecodeStatus.TooLong, _length, MaxFrameLength);
                        }
                    }

                    if (!_headerChecked && _count > 3)
                    {
                        HdlcDecodeStatus header = CheckHeader();
                        if (header != HdlcDecodeStatus.NeedMoreData)
                        {
                            return header;
                        }
                    }

                    if (_count >= 2 && _count == _length)
                    {
                        _state = Closing;
                    }

                    return HdlcDecodeStatus.NeedMoreData;

                default:
                    if (b != Flag)
                    {
                        _frameBytes[_count++] = b;
                        return Fail(HdlcDecodeStatus.MissingClosingFlag, b, _length);
                    }

                    return Complete();
            }
        }

        // Checks the addresses and, when an information field is announced, the HCS as soon as the header is in, so a
        // frame with a damaged length or a bogus start (an echo in the wrong framing) fails at once instead of after
        // its announced length.
        private HdlcDecodeStatus CheckHeader()
        {
            int available = _count - 2;
            HdlcAddress address;
            int destination = HdlcAddress.TryRead(_frameBytes, 2, available, out address);
            if (destination == 0)
            {
                return available >= 4 ? Fail(HdlcDecodeStatus.BadAddress, 0, 0) : HdlcDecodeStatus.NeedMoreData;
            }

            int source = HdlcAddress.TryRead(_frameBytes, 2 + destination, available - destination, out address);
            if (source == 0)
            {
                return available - destination >= 4 ? Fail(HdlcDecodeStatus.BadAddress, 1, 0) : HdlcDecodeStatus.NeedMoreData;
            }

            int headerEnd = 2 + destination + source + 1;
            if (_length - 2 <= headerEnd)
            {
                // No information field, so no HCS: the FCS at the end covers the header.
                _headerChecked = true;
                return HdlcDecodeStatus.NeedMoreData;
            }

            if (_count < headerEnd + 2)
            {
                return HdlcDecodeStatus.NeedMoreData;
            }

            _headerChecked = true;
            int stated = _frameBytes[headerEnd] | (_frameBytes[headerEnd + 1] << 8);
            ushort computed = Crc16.X25(_frameBytes, 0, headerEnd);
            return stated != computed ? Fail(HdlcDecodeStatus.BadHcs, stated, computed) : HdlcDecodeStatus.NeedMoreData;
        }

        private HdlcDecodeStatus Complete()
        {
            HdlcAddress destination;
            HdlcAddress source;
            int p = 2;
            int size = HdlcAddress.TryRead(_frameBytes, p, _length - 2 - p, out destination);
            if (size == 0)
            {
                return Fail(HdlcDecodeStatus.BadAddress, 0, 0);
            }

            p += size;
            size = HdlcAddress.TryRead(_frameBytes, p, _length - 2 - p, out source);
            if (size == 0)
            {
                return Fail(HdlcDecodeStatus.BadAddress, 1, 0);
            }

            p += size;
            if (p + 1 > _length - 2)
            {
                return Fail(HdlcDecodeStatus.BadAddress, 1, 0);
            }

            byte control = _frameBytes[p++];
            int stated;
            ushort computed;
            int informationOffset = p;
            int informationLength = 0;
            if (_length - 2 > p)
            {
                // IEC 62056-46 6.4.4: an information field follows, so a HCS sits before it.
                if (_length - 2 < p + 2)
                {
                    return Fail(HdlcDecodeStatus.BadFormat, 0, 0x100 + _length);
                }

                stated = _frameBytes[p] | (_frameBytes[p + 1] << 8);
                computed = Crc16.X25(_frameBytes, 0, p);
                if (stated != computed)
                {
                    return Fail(HdlcDecodeStatus.BadHcs, stated, computed);
                }

                informationOffset = p + 2;
                informationLength = _length - 2 - informationOffset;
            }

            stated = _frameBytes[_length - 2] | (_frameBytes[_length - 1] << 8);
            computed = Crc16.X25(_frameBytes, 0, _length - 2);
            if (stated != computed)
            {
                return Fail(HdlcDecodeStatus.BadFcs, stated, computed);
            }

            _frame.Length = _length;
            _frame.Segmented = (_frameBytes[0] & 0x08) != 0;
            _frame.Destination = destination;
            _frame.Source = source;
            _frame.Control = control;
            _frame.InformationOffset = informationOffset;
            _frame.InformationLength = informationLength;

            // The closing flag may open the next frame.
            _state = Opened;
            _count = 0;
            _counts[(int)HdlcDecodeStatus.FrameReady]++;
            return HdlcDecodeStatus.FrameReady;
        }

        // A check failed: report it, and decode on from the first flag inside the failed frame's bytes (followed by
        // whatever was still held back from an earlier failure).
        private HdlcDecodeStatus Fail(HdlcDecodeStatus status, int expected, int actual)
        {
            int flagAt = -1;
            for (int i = 0; i < _count; i++)
            {
                if (_frameBytes[i] == Flag)
                {
                    flagAt = i;
                    break;
                }
            }

            int n = 0;
            if (flagAt >= 0)
            {
                n = _count - flagAt;
                Array.Copy(_frameBytes, flagAt, _spare, 0, n);
            }

            int rest = _replayCount - _replayPosition;
            if (rest > 0)
            {
                Array.Copy(_replay, _replayPosition, _spare, n, rest);
                n += rest;
            }

            byte[] swap = _replay;
            _replay = _spare;
            _spare = swap;
            _replayCount = n;
            _replayPosition = 0;
            _state = Hunt;
            _count = 0;
            _garbage = 0;
            return Report(status, expected, actual);
        }

        private HdlcDecodeStatus Report(HdlcDecodeStatus status, int expected, int actual)
        {
            LastFailure = status;
            LastExpected = expected;
            LastActual = actual;
            _counts[(int)status]++;
            return status;
        }
    }
}
