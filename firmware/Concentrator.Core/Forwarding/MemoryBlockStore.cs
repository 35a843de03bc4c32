using System;

namespace Concentrator.Core.Forwarding
{
    /// <summary>
    /// An <see cref="IBlockStore"/> in RAM: for tests, and for a board without a file system (the queue then survives
    /// reconnects but not a reboot). Fresh bytes are 0xFF, as on erased flash.
    /// </summary>
    public sealed class MemoryBlockStore : IBlockStore
    {
        private readonly byte[] _bytes;

        public MemoryBlockStore(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _bytes = new byte[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _bytes[i] = 0xFF;
            }
        }

        public int Capacity
        {
            get { return _bytes.Length; }
        }

        /// <summary>The stored bytes themselves (tests inspect and damage them).</summary>
        public byte[] Bytes
        {
            get { return _bytes; }
        }

        /// <summary>How many times <see cref="Flush"/> was called.</summary>
        public int Flushes { get; private set; }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            CheckRange(offset, count);
            Array.Copy(_bytes, offset, buffer, index, count);
        }

        public void Write(int offset, byte[] buffer, int index, int count)
        {
            CheckRange(offset, count);
            Array.Copy(buffer, index, _bytes, offset, count);
        }

        public void Flush()
        {
            Flushes++;
        }

        private void CheckRange(int offset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > _bytes.Length)
            {
                throw new ArgumentOutOfRangeException("offset", "bytes " + offset.ToString() + " .. " + (offset + count).ToString() + " lie outside the store of " + _bytes.Length.ToString());
            }
        }
    }
}
