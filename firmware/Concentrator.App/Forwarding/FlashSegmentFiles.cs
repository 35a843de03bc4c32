using System;
using System.IO;
using Concentrator.Core.Forwarding;

namespace Concentrator.App.Forwarding
{
    /// <summary>
    /// The queue's segment files on the internal flash (littlefs, <c>I:\</c>): <c>SegmentCount</c> files of one flash
    /// block (4 KiB) each in one folder, made at start so the space is taken once. On littlefs a flush after a write into
    /// the middle of a file copies the rest of the file; in a file of one block that is at most one block, where one
    /// large queue file copied half of itself per flush (Concentrator.Core/Forwarding/README.md, "Flash budget, capacity
    /// and wear"). One file is open at a time: moving to another segment flushes and closes the current one first, so
    /// writes reach the flash in the order they were made, and <see cref="Flush"/> has only the open file to flush.
    /// </summary>
    public sealed class FlashSegmentFiles : ISegmentFiles, IDisposable
    {
        /// <summary>A littlefs block on the ESP32's flash (its erase sector).</summary>
        public const int BlockBytes = 4096;

        private readonly string _folder;
        private readonly int _count;
        private FileStream _stream;
        private int _open = -1;

        /// <param name="folder">Folder of the segment files (made when missing).</param>
        /// <param name="capacity">Queue bytes; rounded down to whole segments.</param>
        public FlashSegmentFiles(string folder, int capacity)
        {
            if (folder == null || folder.Length == 0)
            {
                throw new ArgumentNullException("folder");
            }

            _count = capacity / BlockBytes;
            if (_count < 2)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _folder = folder;
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }

            for (int i = 0; i < _count; i++)
            {
                Select(i); // makes the file at its full size
            }
        }

        public int SegmentCount
        {
            get { return _count; }
        }

        public int SegmentBytes
        {
            get { return BlockBytes; }
        }

        /// <summary>The file of a segment (e.g. <c>I:\queue.d\7</c>).</summary>
        public string PathOf(int segment)
        {
            return _folder + "\\" + segment.ToString();
        }

        public void Read(int segment, int offset, byte[] buffer, int index, int count)
        {
            Select(segment);
            _stream.Seek(offset, SeekOrigin.Begin);
            int done = 0;
            while (done < count)
            {
                int read = _stream.Read(buffer, index + done, count - done);
                if (read <= 0)
                {
                    throw new IOException(PathOf(segment) + " ends at " + (offset + done).ToString() + ", expected " + BlockBytes.ToString() + " bytes");
                }

                done += read;
            }
        }

        public void Write(int segment, int offset, byte[] buffer, int index, int count)
        {
            Select(segment);
            _stream.Seek(offset, SeekOrigin.Begin);
            _stream.Write(buffer, index, count);
        }

        public void Flush()
        {
            if (_stream != null)
            {
                _stream.Flush();
            }
        }

        public void Dispose()
        {
            Close();
        }

        private void Select(int segment)
        {
            if (segment == _open)
            {
                return;
            }

            Close();
            _stream = new FileStream(PathOf(segment), FileMode.OpenOrCreate, FileAccess.ReadWrite);
            _open = segment;
            if (_stream.Length < BlockBytes)
            {
                _stream.SetLength(BlockBytes);
                _stream.Flush();
            }
        }

        private void Close()
        {
            if (_stream == null)
            {
                return;
            }

            FileStream stream = _stream;
            _stream = null;
            _open = -1;
            try
            {
                stream.Flush(); // durable before any write to another segment
            }
            finally
            {
                stream.Dispose();
            }
        }
    }
}
