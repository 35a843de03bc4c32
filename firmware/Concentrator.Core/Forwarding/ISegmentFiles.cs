namespace Concentrator.Core.Forwarding
{
    /// <summary>
    /// A row of equal, fixed-size files (segments) that together hold a <see cref="SegmentedBlockStore"/>. On littlefs a
    /// flush after a write into the middle of a file copies the rest of that file, so a queue in one large file rewrites
    /// half of it per flush; in segments of one flash block, at most that block.
    /// </summary>
    public interface ISegmentFiles
    {
        int SegmentCount { get; }

        /// <summary>Bytes in each segment.</summary>
        int SegmentBytes { get; }

        void Read(int segment, int offset, byte[] buffer, int index, int count);

        /// <summary>Not durable before <see cref="Flush"/>; writes become durable in the order they were made.</summary>
        void Write(int segment, int offset, byte[] buffer, int index, int count);

        /// <summary>Makes every earlier write durable (a write barrier, as <see cref="IBlockStore.Flush"/>).</summary>
        void Flush();
    }
}
