using System;

namespace Concentrator.Core.Forwarding
{
    /// <summary>
    /// An <see cref="IBlockStore"/> laid over a row of segment files (<see cref="ISegmentFiles"/>): offset
    /// <c>n</c> is byte <c>n % SegmentBytes</c> of segment <c>n / SegmentBytes</c>; a read or write that crosses a segment
    /// boundary is split. The queue sees one region, the file system small files (on the board one littlefs block each).
    /// </summary>
    public sealed class SegmentedBlockStore : IBlockStore
    {
        private readonly ISegmentFiles _files;
        private readonly int _segmentBytes;

        public SegmentedBlockStore(ISegmentFiles files)
        {
            if (files == null)
            {
                throw new ArgumentNullException("files");
            }

            if (files.SegmentBytes < 1 || files.SegmentCount < 1 || (long)files.SegmentBytes * files.SegmentCount > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException("files");
            }

            _files = files;
            _segmentBytes = files.SegmentBytes;
            Capacity = files.SegmentBytes * files.SegmentCount;
        }

        public int Capacity { get; private set; }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            Transfer(false, offset, buffer, index, count);
        }

        public void Write(int offset, byte[] buffer, int index, int count)
        {
            Transfer(true, offset, buffer, index, count);
        }

        public void Flush()
        {
            _files.Flush();
        }

        // One read or write, split where it crosses the end of a segment.
        private void Transfer(bool write, int offset, byte[] buffer, int index, int count)
        {
            if (buffer == null || offset < 0 || index < 0 || count < 0 || offset + count > Capacity || index + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            while (count > 0)
            {
                int within = offset % _segmentBytes;
                int piece = Math.Min(count, _segmentBytes - within);
                if (write)
                {
                    _files.Write(offset / _segmentBytes, within, buffer, index, piece);
                }
                else
                {
                    _files.Read(offset / _segmentBytes, within, buffer, index, piece);
                }

                offset += piece;
                index += piece;
                count -= piece;
            }
        }
    }
}
