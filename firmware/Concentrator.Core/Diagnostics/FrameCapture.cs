using System;
using Concentrator.Core.Commands;
using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Diagnostics
{
    /// <summary>
    /// The raw frame capture behind <c>MCP CAPT</c> (<see cref="IFrameCapture"/>): records both directions of one meter's
    /// next N sessions (polled meters: reads; push meters: telegrams or files) with millisecond timestamps into one
    /// buffer allocated at construction, and hands the finished hex dump to an <see cref="ICaptureOutput"/>.
    /// <para>
    /// Bytes come from <see cref="CapturingByteLink"/>, the decorator of the port's link; sessions are marked by
    /// <see cref="CapturingMeterReader"/> (polled ports: only the chosen meter's session is recorded, so on a bus the
    /// other meters' traffic stays out) or by the link itself and the push sink's <see cref="End"/> (P1, SML head).
    /// One capture at a time: <see cref="Arm"/> refuses while one runs, unless that one has passed its time bound, which
    /// finishes it first. A capture not complete within its bound (<see cref="TimeoutMilliseconds"/> per session asked)
    /// is published with what it has and a note (<see cref="Expire"/>, called by the port loops).
    /// </para>
    /// Thread-safety: the command thread arms; port threads record. <see cref="Record"/> returns at once (one reference
    /// compare) unless its link is the one recording, and then copies under a lock; recording allocates nothing. The dump
    /// is built when the capture finishes, into one array sized exactly (about 3.2 characters per recorded byte).
    /// </summary>
    public sealed class FrameCapture : IFrameCapture
    {
        /// <summary>Most sessions one capture may ask for (CAPT's N: 1–10).</summary>
        public const int MaxSessions = 10;

        /// <summary>Bytes of a record's header: kind, time (ms since the first session began, LE32), length (LE16).</summary>
        public const int HeaderBytes = 7;

        /// <summary>
        /// Pieces of one direction less than this apart are one chunk (a burst: a UART or a paced line delivers a frame
        /// in fragments, at 300 baud one character per 33 ms); the chunk's time is its first byte's.
        /// </summary>
        public const int BurstGapMilliseconds = 50;

        /// <summary>Bytes per dump line of TX/RX data; longer chunks continue on indented lines.</summary>
        public const int BytesPerLine = 32;

        private const int LineRecordBytes = 8;
        private const int MarkerReserve = 2 * MaxSessions * HeaderBytes;

        private readonly object _gate = new object();
        private readonly byte[] _buffer;
        private readonly int _dataLimit;
        private readonly IMillisecondClock _clock;
        private readonly ICaptureOutput _output;
        private readonly long _timeoutPerSession;
        private readonly string[] _outcomes = new string[MaxSessions];
        private readonly string[] _details = new string[MaxSessions];

        private string _meterId;
        private object _active;
        private int _wanted;
        private int _done;
        private long _deadline;
        private long _origin;
        private int _used;
        private int _lastRecord;
        private int _lastAppendTime;
        private int _chunks;
        private int _recordedBytes;
        private bool _truncated;
        private int _lostBytes;
        private int _lostChunks;

        // The dump writer: counts when _out is null, writes otherwise (two passes: exact size, then the text).
        private byte[] _out;
        private int _outLength;

        /// <param name="capacityBytes">The record buffer (2–4 KB on the board); session markers have a reserve of their own.</param>
        /// <param name="timeoutMillisecondsPerSession">The time bound per session asked for (e.g. two read intervals, or 15 minutes).</param>
        public FrameCapture(int capacityBytes, IMillisecondClock clock, ICaptureOutput output, long timeoutMillisecondsPerSession)
        {
            if (capacityBytes < 256)
            {
                throw new ArgumentOutOfRangeException("capacityBytes", "a capture buffer needs at least 256 bytes");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (output == null)
            {
                throw new ArgumentNullException("output");
            }

            if (timeoutMillisecondsPerSession < 1)
            {
                throw new ArgumentOutOfRangeException("timeoutMillisecondsPerSession");
            }

            _buffer = new byte[capacityBytes + MarkerReserve];
            _dataLimit = capacityBytes;
            _clock = clock;
            _output = output;
            _timeoutPerSession = timeoutMillisecondsPerSession;
        }

        /// <summary>
        /// The time bound per session for a runtime whose slowest polled meter is read every
        /// <paramref name="longestIntervalSeconds"/> (0 when every meter pushes): two read intervals (a read may fall
        /// just after the capture was armed, and one may fail), at least a minute; 15 minutes for push meters only.
        /// </summary>
        public static long BoundFor(int longestIntervalSeconds)
        {
            if (longestIntervalSeconds <= 0)
            {
                return 15 * 60 * 1000L;
            }

            long bound = 2L * longestIntervalSeconds * 1000L;
            return bound < 60000 ? 60000 : bound;
        }

        /// <summary>
        /// Bytes of the next part of a dump <c>text[start..end)</c> that fits <paramref name="maxBytes"/> (an MQTT
        /// payload), ending at a line end where one is in reach: a long dump goes out as consecutive messages.
        /// </summary>
        public static int PartLength(byte[] text, int start, int end, int maxBytes)
        {
            int left = end - start;
            if (left <= maxBytes)
            {
                return left;
            }

            for (int i = start + maxBytes - 1; i > start; i--)
            {
                if (text[i] == (byte)'\n')
                {
                    return i - start + 1;
                }
            }

            return maxBytes;
        }

        /// <summary>Bytes of TX/RX data and line changes the buffer holds (session markers aside).</summary>
        public int CapacityBytes
        {
            get { return _dataLimit; }
        }

        public long TimeoutMilliseconds
        {
            get { return _timeoutPerSession; }
        }

        /// <summary>The meter being captured, or null when no capture runs.</summary>
        public string MeterId
        {
            get { return _meterId; }
        }

        /// <summary>True while a session of the captured meter is being recorded.</summary>
        public bool Recording
        {
            get { return _active != null; }
        }

        /// <summary>Captures finished and handed to the output.</summary>
        public int Published { get; private set; }

        /// <summary>Arms a capture of <paramref name="meterId"/>'s next <paramref name="sessions"/> sessions; false while another runs.</summary>
        public bool Arm(string meterId, int sessions)
        {
            if (meterId == null || meterId.Length == 0)
            {
                throw new ArgumentException("a capture needs a meter id");
            }

            if (sessions < 1 || sessions > MaxSessions)
            {
                throw new ArgumentOutOfRangeException("sessions", "1 to " + MaxSessions.ToString() + " sessions");
            }

            Expire();
            lock (_gate)
            {
                if (_meterId != null)
                {
                    return false;
                }

                long now = _clock.NowMilliseconds;
                _wanted = sessions;
                _done = 0;
                _deadline = now + _timeoutPerSession * sessions;
                _origin = -1;
                _used = 0;
                _lastRecord = -1;
                _chunks = 0;
                _recordedBytes = 0;
                _truncated = false;
                _lostBytes = 0;
                _lostChunks = 0;
                _active = null;
                _meterId = meterId;
                return true;
            }
        }

        /// <summary>
        /// A session of <paramref name="meterId"/> begins on <paramref name="link"/>: true when it is the captured meter's,
        /// which makes that link's traffic recorded until <see cref="End"/>.
        /// </summary>
        public bool Begin(string meterId, object link)
        {
            if (_meterId == null || _active != null || link == null)
            {
                return false;
            }

            lock (_gate)
            {
                if (_meterId == null || _active != null || meterId != _meterId)
                {
                    return false;
                }

                long now = _clock.NowMilliseconds;
                if (_origin < 0)
                {
                    _origin = now;
                }

                _active = link;
                AppendMarker(CaptureRecordKind.SessionStart, now);
                return true;
            }
        }

        /// <summary>Bytes that went over <paramref name="link"/>: recorded when that link's session is being captured.</summary>
        public void Record(object link, CaptureRecordKind kind, byte[] data, int offset, int count)
        {
            if (_active != link || count <= 0)
            {
                return;
            }

            lock (_gate)
            {
                if (_active == link)
                {
                    Append(kind, _clock.NowMilliseconds, data, offset, count, 0);
                }
            }
        }

        /// <summary>The framing of <paramref name="link"/> changed (an IEC 62056-21 baud switch): recorded while it is captured.</summary>
        public void RecordLine(object link, LineSettings line)
        {
            if (_active != link)
            {
                return;
            }

            lock (_gate)
            {
                if (_active == link)
                {
                    Append(CaptureRecordKind.Line, _clock.NowMilliseconds, null, 0, LineRecordBytes, line.BaudRate);
                    if (!_truncated)
                    {
                        int at = _used - 4;
                        _buffer[at] = line.DataBits;
                        _buffer[at + 1] = (byte)line.Parity;
                        _buffer[at + 2] = line.StopBits;
                        _buffer[at + 3] = (byte)(line.InvertedLevels ? 1 : 0);
                    }
                }
            }
        }

        /// <summary>
        /// The session of <paramref name="meterId"/> being recorded ended (<paramref name="outcome"/>: a fixed word such as
        /// "ok"; <paramref name="detail"/>: the reader's error text or null; both kept by reference). The last session asked
        /// for, or one past the time bound, finishes the capture and publishes it on this thread.
        /// </summary>
        public void End(string meterId, string outcome, string detail)
        {
            if (_active == null)
            {
                return;
            }

            string id = null;
            byte[] dump = null;
            int length = 0;
            lock (_gate)
            {
                if (_active == null || meterId != _meterId)
                {
                    return;
                }

                long now = _clock.NowMilliseconds;
                CloseSession(now, outcome, detail);
                if (_done >= _wanted || now >= _deadline)
                {
                    id = _meterId;
                    dump = Finish(out length);
                }
            }

            if (id != null)
            {
                _output.Publish(id, dump, length);
            }
        }

        /// <summary>Publishes a capture that has passed its time bound with what it recorded; call it now and then from any thread.</summary>
        public void Expire()
        {
            if (_meterId == null)
            {
                return;
            }

            string id;
            byte[] dump;
            int length;
            lock (_gate)
            {
                long now = _clock.NowMilliseconds;
                if (_meterId == null || now < _deadline)
                {
                    return;
                }

                if (_active != null)
                {
                    CloseSession(now, "cut", "the capture's time bound passed during the session");
                }

                id = _meterId;
                dump = Finish(out length);
            }

            _output.Publish(id, dump, length);
        }

        private void CloseSession(long now, string outcome, string detail)
        {
            AppendMarker(CaptureRecordKind.SessionEnd, now);
            if (_done < MaxSessions)
            {
                _outcomes[_done] = outcome;
                _details[_done] = detail;
            }

            _done++;
            _active = null;
        }

        private void AppendMarker(CaptureRecordKind kind, long now)
        {
            // Markers have their own reserve (two per session), so a full buffer still shows where sessions ended.
            if (_used + HeaderBytes > _buffer.Length)
            {
                return;
            }

            WriteHeader(_used, kind, (int)(now - _origin), 0);
            _lastRecord = -1;
            _used += HeaderBytes;
        }

        private void Append(CaptureRecordKind kind, long now, byte[] data, int offset, int count, int lineBaud)
        {
            bool bytes = kind == CaptureRecordKind.Transmit || kind == CaptureRecordKind.Receive;
            if (_truncated)
            {
                if (bytes)
                {
                    _lostBytes += count;
                    _lostChunks++;
                }

                return;
            }

            int time = (int)(now - _origin);

            // Pieces of one direction close together are one chunk (BurstGapMilliseconds).
            bool burst = bytes && _lastRecord >= 0 && _lastRecord + HeaderBytes + RecordLength(_lastRecord) == _used
                && _buffer[_lastRecord] == (byte)kind && time - _lastAppendTime < BurstGapMilliseconds;
            _lastAppendTime = time;
            if (burst)
            {
                int length = RecordLength(_lastRecord);
                int take = Fit(count, _dataLimit - _used, 65535 - length);
                Array.Copy(data, offset, _buffer, _used, take);
                _used += take;
                _recordedBytes += take;
                WriteHeader(_lastRecord, kind, RecordTime(_lastRecord), length + take);
                Overflow(count - take, take == 0);
                return;
            }

            int room = _dataLimit - _used - HeaderBytes;
            if (room <= 0 || (!bytes && room < count))
            {
                _truncated = true;
                if (bytes)
                {
                    Overflow(count, true);
                }

                return;
            }

            int taken = bytes ? Fit(count, room, 65535) : count;
            WriteHeader(_used, kind, time, taken);
            _lastRecord = _used;
            _used += HeaderBytes;
            if (bytes)
            {
                Array.Copy(data, offset, _buffer, _used, taken);
                _recordedBytes += taken;
            }
            else
            {
                WriteInt(_used, lineBaud);
            }

            _used += taken;
            _chunks++;
            Overflow(count - taken, false);
        }

        private void Overflow(int lost, bool wholeChunk)
        {
            if (lost <= 0)
            {
                return;
            }

            _truncated = true;
            _lostBytes += lost;
            if (wholeChunk)
            {
                _lostChunks++;
            }
        }

        private static int Fit(int count, int room, int limit)
        {
            int take = count < room ? count : room;
            take = take < limit ? take : limit;
            return take < 0 ? 0 : take;
        }

        private void WriteHeader(int at, CaptureRecordKind kind, int time, int length)
        {
            _buffer[at] = (byte)kind;
            WriteInt(at + 1, time);
            _buffer[at + 5] = (byte)length;
            _buffer[at + 6] = (byte)(length >> 8);
        }

        private void WriteInt(int at, int value)
        {
            _buffer[at] = (byte)value;
            _buffer[at + 1] = (byte)(value >> 8);
            _buffer[at + 2] = (byte)(value >> 16);
            _buffer[at + 3] = (byte)(value >> 24);
        }

        private int ReadInt(int at)
        {
            return _buffer[at] | (_buffer[at + 1] << 8) | (_buffer[at + 2] << 16) | (_buffer[at + 3] << 24);
        }

        private int RecordTime(int at)
        {
            return ReadInt(at + 1);
        }

        private int RecordLength(int at)
        {
            return _buffer[at + 5] | (_buffer[at + 6] << 8);
        }

        // Builds the dump (two passes: size, then text) and frees the capture for the next CAPT. Under the lock.
        private byte[] Finish(out int length)
        {
            _out = null;
            _outLength = 0;
            WriteDump();
            _out = new byte[_outLength];
            _outLength = 0;
            WriteDump();
            byte[] dump = _out;
            length = _outLength;
            _out = null;
            _meterId = null;
            _active = null;
            Published++;
            return dump;
        }

        private void WriteDump()
        {
            Text("capture ");
            Text(_meterId);
            Text(": ");
            Number(_done < _wanted ? _done : _wanted);
            Text(" of ");
            Number(_wanted);
            Text(" session(s), ");
            Number(_recordedBytes);
            Text(" bytes in ");
            Number(_chunks);
            Text(" chunk(s); +ms from the first session's start\n");
            int session = 0;
            int ended = 0;
            int at = 0;
            while (at + HeaderBytes <= _used)
            {
                CaptureRecordKind kind = (CaptureRecordKind)_buffer[at];
                int length = RecordLength(at);
                Char('+');
                Number(RecordTime(at));
                Text("ms ");
                int data = at + HeaderBytes;
                switch (kind)
                {
                    case CaptureRecordKind.SessionStart:
                        session++;
                        Text("session ");
                        Number(session);
                        Text(" start");
                        break;
                    case CaptureRecordKind.SessionEnd:
                        Text("session ");
                        Number(ended + 1);
                        Text(" end: ");
                        Text(ended < MaxSessions ? _outcomes[ended] : null);
                        if (ended < MaxSessions && _details[ended] != null && _details[ended].Length > 0)
                        {
                            Text(": ");
                            Text(_details[ended]);
                        }

                        ended++;
                        break;
                    case CaptureRecordKind.Line:
                        Text("LINE ");
                        Number(ReadInt(data));
                        Char(' ');
                        Number(_buffer[data + 4]);
                        Char(_buffer[data + 5] == (byte)LineParity.Even ? 'E' : _buffer[data + 5] == (byte)LineParity.Odd ? 'O' : 'N');
                        Number(_buffer[data + 6]);
                        if (_buffer[data + 7] != 0)
                        {
                            Text(" inverted");
                        }

                        break;
                    default:
                        Text(kind == CaptureRecordKind.Transmit ? "TX" : "RX");
                        for (int i = 0; i < length; i++)
                        {
                            if (i > 0 && i % BytesPerLine == 0)
                            {
                                Text("\n      ");
                            }

                            Char(' ');
                            Hex(_buffer[data + i]);
                        }

                        break;
                }

                Char('\n');
                at = data + length;
            }

            if (_truncated)
            {
                Text("TRUNCATED: the ");
                Number(_dataLimit);
                Text("-byte capture buffer is full; ");
                Number(_lostBytes);
                Text(" more byte(s) in ");
                Number(_lostChunks);
                Text(" chunk(s) not recorded\n");
            }

            if (_done < _wanted)
            {
                Text("INCOMPLETE: ");
                Number(_done);
                Text(" of ");
                Number(_wanted);
                Text(" session(s) within ");
                Number((int)(_timeoutPerSession * _wanted / 1000));
                Text(" s; published with what was recorded\n");
            }
        }

        private void Char(char c)
        {
            if (_out != null)
            {
                _out[_outLength] = (byte)(c < 0x80 ? c : '?');
            }

            _outLength++;
        }

        private void Text(string text)
        {
            if (text == null)
            {
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                Char(c >= ' ' || c == '\n' ? c : '?');
            }
        }

        private void Number(int value)
        {
            if (value < 0)
            {
                Char('-');
                value = -value;
            }

            int divisor = 1;
            while (value / divisor >= 10)
            {
                divisor *= 10;
            }

            while (divisor > 0)
            {
                Char((char)('0' + value / divisor % 10));
                divisor /= 10;
            }
        }

        private void Hex(byte value)
        {
            const string Digits = "0123456789ABCDEF";
            Char(Digits[value >> 4]);
            Char(Digits[value & 0x0F]);
        }
    }
}
