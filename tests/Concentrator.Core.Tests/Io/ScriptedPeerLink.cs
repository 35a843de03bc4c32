using Concentrator.Core.Io;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Core.Tests.Io
{
    /// <summary>
    /// A byte link to a scripted peer: after every <c>writesPerReply</c> writes the peer answers with the next reply of
    /// its script (byte[]; null = silence). A read with nothing to deliver waits out its whole timeout on the
    /// <see cref="ManualClock"/> and returns Timeout, so timing is deterministic. Can echo what is written (as an optical
    /// head does) and records every write.
    /// </summary>
    public sealed class ScriptedPeerLink : IByteLink
    {
        private readonly ManualClock _clock;
        private readonly object[] _replies;
        private readonly int _writesPerReply;
        private readonly ByteQueue _pending = new ByteQueue(8192);
        private readonly byte[][] _writes = new byte[64][];
        private int _nextReply;
        private int _writesSinceReply;

        public ScriptedPeerLink(ManualClock clock, object[] replies, int writesPerReply)
        {
            _clock = clock;
            _replies = replies;
            _writesPerReply = writesPerReply;
        }

        /// <summary>Hear our own writes back before the reply.</summary>
        public bool EchoWrites;

        /// <summary>Bytes delivered per read, and the time each such read takes on the clock (0: all at once, no time).</summary>
        public int BytesPerRead;

        public int MillisecondsPerRead;

        /// <summary>Status to return from the next read instead of data (Ok: none).</summary>
        public LinkStatus NextReadStatus = LinkStatus.Ok;

        public int WriteCount;

        public int RepliesUsed
        {
            get { return _nextReply; }
        }

        /// <summary>The n-th write (0-based).</summary>
        public byte[] Written(int index)
        {
            return _writes[index];
        }

        /// <summary>Control byte of the n-th written HDLC frame (after flag, format and the given address bytes).</summary>
        public int WrittenControl(int index, int addressBytes)
        {
            return _writes[index][3 + addressBytes];
        }

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            bytesRead = 0;
            if (NextReadStatus != LinkStatus.Ok)
            {
                LinkStatus status = NextReadStatus;
                NextReadStatus = LinkStatus.Ok;
                return status;
            }

            if (_pending.IsEmpty)
            {
                _clock.Advance(timeoutMilliseconds);
                return LinkStatus.Timeout;
            }

            _clock.Advance(MillisecondsPerRead);
            bytesRead = _pending.Take(buffer, offset, BytesPerRead > 0 && BytesPerRead < count ? BytesPerRead : count);
            return LinkStatus.Ok;
        }

        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            byte[] copy = new byte[count];
            System.Array.Copy(buffer, offset, copy, 0, count);
            if (WriteCount < _writes.Length)
            {
                _writes[WriteCount] = copy;
            }

            WriteCount++;
            if (EchoWrites)
            {
                Queue(copy);
            }

            _writesSinceReply++;
            if (_writesSinceReply >= _writesPerReply)
            {
                _writesSinceReply = 0;
                if (_nextReply < _replies.Length)
                {
                    byte[] reply = (byte[])_replies[_nextReply++];
                    if (reply != null)
                    {
                        Queue(reply);
                    }
                }
            }

            return LinkStatus.Ok;
        }

        public LinkStatus Configure(LineSettings settings)
        {
            return LinkStatus.Ok;
        }

        /// <summary>Puts bytes on the line now, unasked.</summary>
        public void Queue(byte[] data)
        {
            _pending.Add(data, 0, data.Length);
        }
    }
}
