using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Modem
{
    /// <summary>
    /// Reads a modem's answers line by line (V.250: lines end with CR LF; empty lines are skipped), and the
    /// <c>&gt; </c> prompt of AT+CMGS, which has no line end. Every wait is bounded by a deadline on the clock.
    /// Lines longer than the buffer are cut (and counted), never overrun.
    /// </summary>
    public sealed class AtLineReader
    {
        private readonly IByteLink _link;
        private readonly IMillisecondClock _clock;
        private readonly byte[] _buffer;
        private readonly char[] _line;
        private int _start;
        private int _end;

        public AtLineReader(IByteLink link, IMillisecondClock clock, int lineCapacity)
        {
            _link = link;
            _clock = clock;
            _buffer = new byte[lineCapacity];
            _line = new char[lineCapacity];
        }

        public int LinesCut { get; private set; }

        /// <summary>Bytes that ended the line last returned: 2 for CR LF, 1 for a bare LF.</summary>
        public int LastTerminatorLength { get; private set; }

        /// <summary>The status of the last link read: Ok, or Timeout, Closed, Fault.</summary>
        public LinkStatus LastStatus { get; private set; }

        /// <summary>Next non-empty line, or null when the deadline passed or the link failed (<see cref="LastStatus"/>).</summary>
        public string ReadLine(long deadline)
        {
            return ReadLine(deadline, false);
        }

        /// <summary>
        /// Next line; with <paramref name="keepEmpty"/> empty lines are returned too (as ""): the text of an SMS is
        /// told from the final result by the empty line before the result (V.250: result codes are framed by CR LF).
        /// </summary>
        public string ReadLine(long deadline, bool keepEmpty)
        {
            while (true)
            {
                for (int i = _start; i < _end; i++)
                {
                    if (_buffer[i] == (byte)'\n')
                    {
                        int length = i - _start;
                        if (length > 0 && _buffer[i - 1] == (byte)'\r')
                        {
                            length--;
                        }

                        string line = Text(_start, length);
                        LastTerminatorLength = i - _start - length + 1;
                        _start = i + 1;
                        if (line.Length > 0 || keepEmpty)
                        {
                            return line;
                        }

                        i = _start - 1;
                    }
                }

                if (!Fill(deadline))
                {
                    return null;
                }
            }
        }

        /// <summary>Waits for the "&gt; " prompt (skipping lines before it); false on a deadline or an error line.</summary>
        public bool WaitForPrompt(long deadline, out string errorLine)
        {
            errorLine = null;
            while (true)
            {
                for (int i = _start; i < _end; i++)
                {
                    byte b = _buffer[i];
                    if (b == (byte)'>' && (i == _start || _buffer[i - 1] == (byte)'\n'))
                    {
                        _start = i + 1;
                        if (_start < _end && _buffer[_start] == (byte)' ')
                        {
                            _start++;
                        }

                        return true;
                    }

                    if (b == (byte)'\n')
                    {
                        int length = i - _start;
                        if (length > 0 && _buffer[i - 1] == (byte)'\r')
                        {
                            length--;
                        }

                        string line = Text(_start, length);
                        _start = i + 1;
                        i = _start - 1;
                        if (AtResult.IsError(line))
                        {
                            errorLine = line;
                            return false;
                        }
                    }
                }

                if (!Fill(deadline))
                {
                    return false;
                }
            }
        }

        /// <summary>Drops whatever was received and not read yet.</summary>
        public void Discard()
        {
            _start = 0;
            _end = 0;
        }

        private bool Fill(long deadline)
        {
            if (_start > 0)
            {
                System.Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                // A line longer than the buffer: keep its start as a line of its own.
                _buffer[_end - 1] = (byte)'\n';
                LinesCut++;
                return true;
            }

            long remaining = deadline - _clock.NowMilliseconds;
            if (remaining <= 0)
            {
                LastStatus = LinkStatus.Timeout;
                return false;
            }

            int read;
            LinkStatus status = _link.Read(_buffer, _end, _buffer.Length - _end, remaining > int.MaxValue ? int.MaxValue : (int)remaining, out read);
            if (status == LinkStatus.Ok && read > 0)
            {
                _end += read;
                LastStatus = LinkStatus.Ok;
                return true;
            }

            LastStatus = status == LinkStatus.Ok ? LinkStatus.Timeout : status;
            return status == LinkStatus.Timeout && deadline > _clock.NowMilliseconds;
        }

        private string Text(int start, int length)
        {
            for (int i = 0; i < length; i++)
            {
                byte b = _buffer[start + i];
                _line[i] = b < 0x80 ? (char)b : '?';
            }

            return new string(_line, 0, length);
        }
    }
}
