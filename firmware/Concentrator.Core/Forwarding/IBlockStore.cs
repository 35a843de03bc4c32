namespace Concentrator.Core.Forwarding
{
    /// <summary>
    /// A fixed-size region of persistent bytes addressed by offset: a file on the board's internal flash (littlefs,
    /// <c>I:\</c>), a file on the desktop, or RAM in tests. The <see cref="ForwardQueue"/> needs nothing more.
    /// Implementations throw <see cref="System.IO.IOException"/> when the medium fails; a power cut is simply the end
    /// of the process.
    /// </summary>
    public interface IBlockStore
    {
        /// <summary>Size of the region in bytes; offsets run from 0 to <see cref="Capacity"/> - 1.</summary>
        int Capacity { get; }

        /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>; never-written bytes read as whatever the medium holds.</summary>
        void Read(int offset, byte[] buffer, int index, int count);

        /// <summary>Writes <paramref name="count"/> bytes at <paramref name="offset"/>. Not durable before <see cref="Flush"/>.</summary>
        void Write(int offset, byte[] buffer, int index, int count);

        /// <summary>
        /// Makes every earlier write durable before any later one (a write barrier): the queue's crash safety rests on
        /// "data flushed, then the marker that refers to it".
        /// </summary>
        void Flush();
    }
}
