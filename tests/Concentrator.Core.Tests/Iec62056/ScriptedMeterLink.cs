using Concentrator.Core.Io;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Core.Tests.Iec62056
{
    /// <summary>
    /// A meter played from a script in virtual time: each time the reader writes a message starting with the next
    /// expected text, the scripted answer (or silence, for null) arrives a reaction time after the message has left
    /// the line at the current baud. Optionally echoes what the reader writes. Records writes and line changes.
    /// </summary>
    public sealed class ScriptedMeterLink : IByteLink
    {
        private readonly ManualClock _clock;
        private readonly object[] _script;
        private readonly byte[] _data = new byte[16384];
        private readonly long[] _time = new long[16384];
        private int _head;
        private int _tail;
        private int _next;
        private LineSettings _line = new LineSettings(300, 7, LineParity.Even, 1, false);

        /// <param name="script">Pairs: expected start of a reader message (string), then the answer (byte[]) or null.</param>
        public ScriptedMeterLink(ManualClock clock, object[] script)
        {
            _clock = clock;
            _script = script;
        }

        public bool Echo;
        public int ReactionMilliseconds = 250;
        public readonly byte[] Written = new byte[4096];
        public int WrittenLength;
        public long LastWriteTime;
        public readonly LineSettings[] Configured = new LineSettings[32];
        public readonly long[] ConfiguredAt = new long[32];
        public int ConfigureCount;

        public string WrittenText
        {
            get { return Ascii.Text(Written, 0, WrittenLength); }
        }

        public bool ScriptDone
        {
            get { return _next >= _script.Length; }
        }

        /// <summary>Bytes the meter sends on its own (mode D) at the given time.</summary>
        public void Push(byte[] bytes, long at)
        {
            Enqueue(bytes, 0, bytes.Length, at);
        }

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            bytesRead = 0;
            if (_head < _tail && _time[_head] > _clock.Now && _time[_head] <= _clock.Now + timeoutMilliseconds)
            {
                _clock.Now = _time[_head];
            }

            if (_head == _tail || _time[_head] > _clock.Now)
            {
                _clock.Now += timeoutMilliseconds > 0 ? timeoutMilliseconds : 0;
                return LinkStatus.Timeout;
            }

            while (bytesRead < count && _head < _tail && _time[_head] <= _clock.Now)
            {
                buffer[offset + bytesRead++] = _data[_head++];
            }

            return LinkStatus.Ok;
        }

        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            System.Array.Copy(buffer, offset, Written, WrittenLength, count);
            WrittenLength += count;
            LastWriteTime = _clock.Now;
            if (Echo)
            {
                Enqueue(buffer, offset, count, _clock.Now + 1);
            }

            if (_next < _script.Length && StartsWith(buffer, offset, count, (string)_script[_next]))
            {
                byte[] answer = (byte[])_script[_next + 1];
                _next += 2;
                if (answer != null)
                {
                    long leaves = _clock.Now + _line.WireMicroseconds(count) / 1000;
                    Enqueue(answer, 0, answer.Length, leaves + ReactionMilliseconds);
                }
            }

            return LinkStatus.Ok;
        }

        public LinkStatus Configure(LineSettings settings)
        {
            _line = settings;
            Configured[ConfigureCount] = settings;
            ConfiguredAt[ConfigureCount] = _clock.Now;
            ConfigureCount++;
            return LinkStatus.Ok;
        }

        // Ordinal, byte by byte (a culture-aware IndexOf ignores control characters such as ACK).
        private static bool StartsWith(byte[] buffer, int offset, int count, string expected)
        {
            if (expected.Length > count)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (buffer[offset + i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Enqueue(byte[] bytes, int offset, int count, long at)
        {
            // Kept in time order: later arrivals go behind earlier ones.
            for (int i = offset; i < offset + count; i++)
            {
                int j = _tail;
                while (j > _head && _time[j - 1] > at)
                {
                    _data[j] = _data[j - 1];
                    _time[j] = _time[j - 1];
                    j--;
                }

                _data[j] = bytes[i];
                _time[j] = at;
                _tail++;
            }
        }
    }
}
