using System;
using System.IO;
using Concentrator.Core.Forwarding;

namespace Concentrator.App.Forwarding
{
    /// <summary>
    /// Core's <see cref="IBlockStore"/> over a file on the internal flash (littlefs, <c>I:\</c>), created or grown to the
    /// configured size once. littlefs writes copy-on-write and commits a file's new state atomically on flush, so a
    /// flush is the write barrier the queue needs; it also spreads the writes over the flash (wear levelling).
    /// </summary>
    /// <remarks>
    /// Used for a queue on an SD card, and for a queue file an earlier firmware left on the internal flash until it is
    /// empty. Not for new queues on littlefs: a flush after a write into the middle of a file copies every block from
    /// there to the end of the file (copy-on-write skip lists), so the file may take at most half of the free space and
    /// each enqueue rewrites on average half of it (about 66 days to the flash's rated endurance at 31 meters every
    /// 15 minutes); <see cref="FlashSegmentFiles"/> copies one block (Concentrator.Core/Forwarding/README.md).
    /// </remarks>
    public sealed class FlashBlockStore : IBlockStore, IDisposable
    {
        private readonly FileStream _stream;
        private readonly int _capacity;

        public FlashBlockStore(string path, int capacity)
        {
            if (path == null || path.Length == 0)
            {
                throw new ArgumentNullException("path");
            }

            if (capacity < ForwardQueue.HeaderBytes * 2)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
            if (_stream.Length < capacity)
            {
                _stream.SetLength(capacity);
                _stream.Flush();
            }

            // A larger file was made with an earlier size (the default was 160 KiB): kept whole, so the queue in it is
            // recovered and sent; deleting the file applies the configured size.
            _capacity = _stream.Length > capacity && _stream.Length <= int.MaxValue ? (int)_stream.Length : capacity;
        }

        public int Capacity
        {
            get { return _capacity; }
        }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            _stream.Seek(offset, SeekOrigin.Begin);
            int done = 0;
            while (done < count)
            {
                int read = _stream.Read(buffer, index + done, count - done);
                if (read <= 0)
                {
                    throw new IOException("queue file ends at " + (offset + done).ToString() + ", expected " + _capacity.ToString() + " bytes");
                }

                done += read;
            }
        }

        public void Write(int offset, byte[] buffer, int index, int count)
        {
            _stream.Seek(offset, SeekOrigin.Begin);
            _stream.Write(buffer, index, count);
        }

        public void Flush()
        {
            _stream.Flush();
        }

        public void Dispose()
        {
            _stream.Dispose();
        }
    }
}
