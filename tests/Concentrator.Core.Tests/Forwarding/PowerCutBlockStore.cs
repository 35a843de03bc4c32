using System;
using Concentrator.Core.Forwarding;

namespace Concentrator.Core.Tests.Forwarding
{
    /// <summary>
    /// A store that loses power after a given number of written bytes: the write that crosses the limit is cut after
    /// the last byte that fits (a torn write), then every operation throws <see cref="PowerCutException"/>. What was
    /// written stays in the underlying <see cref="MemoryBlockStore"/> for the next "boot".
    /// </summary>
    public sealed class PowerCutBlockStore : IBlockStore
    {
        private readonly MemoryBlockStore _inner;
        private int _budget;

        /// <param name="bytesBeforeCut">Bytes written before the power goes; negative: never.</param>
        public PowerCutBlockStore(MemoryBlockStore inner, int bytesBeforeCut)
        {
            _inner = inner;
            _budget = bytesBeforeCut;
        }

        public bool IsCut { get; private set; }

        /// <summary>Bytes written so far.</summary>
        public int Written { get; private set; }

        public int Capacity
        {
            get { return _inner.Capacity; }
        }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            ThrowIfCut();
            _inner.Read(offset, buffer, index, count);
        }

        public void Write(int offset, byte[] buffer, int index, int count)
        {
            ThrowIfCut();
            if (_budget >= 0 && count > _budget)
            {
                _inner.Write(offset, buffer, index, _budget);
                Written += _budget;
                _budget = 0;
                IsCut = true;
                throw new PowerCutException();
            }

            _inner.Write(offset, buffer, index, count);
            Written += count;
            if (_budget >= 0)
            {
                _budget -= count;
            }
        }

        public void Flush()
        {
            ThrowIfCut();
            _inner.Flush();
        }

        private void ThrowIfCut()
        {
            if (IsCut)
            {
                throw new PowerCutException();
            }
        }
    }
}
