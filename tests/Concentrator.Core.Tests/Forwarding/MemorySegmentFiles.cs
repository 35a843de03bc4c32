using System;
using Concentrator.Core.Forwarding;

namespace Concentrator.Core.Tests.Forwarding
{
    /// <summary>Segment files in RAM for the tests, counting the writes each segment gets.</summary>
    public sealed class MemorySegmentFiles : ISegmentFiles
    {
        private readonly byte[][] _segments;

        public MemorySegmentFiles(int count, int bytes)
        {
            _segments = new byte[count][];
            Writes = new int[count];
            for (int i = 0; i < count; i++)
            {
                _segments[i] = new byte[bytes];
            }
        }

        public int SegmentCount
        {
            get { return _segments.Length; }
        }

        public int SegmentBytes
        {
            get { return _segments[0].Length; }
        }

        public int[] Writes { get; private set; }

        public int Flushes { get; private set; }

        public byte[] Segment(int index)
        {
            return _segments[index];
        }

        public void Read(int segment, int offset, byte[] buffer, int index, int count)
        {
            Array.Copy(_segments[segment], offset, buffer, index, count);
        }

        public void Write(int segment, int offset, byte[] buffer, int index, int count)
        {
            if (offset + count > SegmentBytes)
            {
                throw new ArgumentOutOfRangeException("count", "a write crosses the end of segment " + segment.ToString());
            }

            Array.Copy(buffer, index, _segments[segment], offset, count);
            Writes[segment]++;
        }

        public void Flush()
        {
            Flushes++;
        }
    }
}
