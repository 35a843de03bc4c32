namespace Concentrator.Core.Tests.Io
{
    /// <summary>Bytes waiting on a fake line: appended by the fake peer, taken by reads. Fixed capacity, allocation-free.</summary>
    public sealed class ByteQueue
    {
        private readonly byte[] _bytes;
        private int _start;
        private int _end;

        public ByteQueue(int capacity)
        {
            _bytes = new byte[capacity];
        }

        public bool IsEmpty
        {
            get { return _start == _end; }
        }

        public void Add(byte[] data, int offset, int count)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = 0;
            }

            System.Array.Copy(data, offset, _bytes, _end, count);
            _end += count;
        }

        /// <summary>Moves up to <paramref name="count"/> bytes into <paramref name="buffer"/>; returns how many.</summary>
        public int Take(byte[] buffer, int offset, int count)
        {
            int n = _end - _start < count ? _end - _start : count;
            System.Array.Copy(_bytes, _start, buffer, offset, n);
            _start += n;
            return n;
        }
    }
}
