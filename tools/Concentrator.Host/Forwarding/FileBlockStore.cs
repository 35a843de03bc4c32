using System;
using System.IO;
using Concentrator.Core.Forwarding;

namespace Concentrator.Host.Forwarding;

/// <summary>
/// Core's <see cref="IBlockStore"/> over a file of fixed size (created, or grown, to <see cref="Capacity"/>): the host
/// runner's persistent queue. <see cref="Flush"/> flushes through to the disk (<c>fsync</c>).
/// </summary>
public sealed class FileBlockStore : IBlockStore, IDisposable
{
    private readonly FileStream _stream;

    public FileBlockStore(string path, int capacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (capacity < ForwardQueue.HeaderBytes * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "the queue file needs at least " + ForwardQueue.HeaderBytes * 2 + " bytes");
        }

        _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.RandomAccess);
        if (_stream.Length < capacity)
        {
            _stream.SetLength(capacity);
        }

        Path = path;
        Capacity = capacity;
    }

    public string Path { get; }

    public int Capacity { get; }

    public void Read(int offset, byte[] buffer, int index, int count)
    {
        CheckRange(offset, count);
        _stream.Position = offset;
        _stream.ReadExactly(buffer, index, count);
    }

    public void Write(int offset, byte[] buffer, int index, int count)
    {
        CheckRange(offset, count);
        _stream.Position = offset;
        _stream.Write(buffer, index, count);
    }

    public void Flush()
    {
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        _stream.Dispose();
    }

    private void CheckRange(int offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), "bytes " + offset + " .. " + (offset + count) + " lie outside the " + Capacity + "-byte queue file");
        }
    }
}
