using BenchmarkDotNet.Attributes;
using Concentrator.Core.Forwarding;

namespace Concentrator.Benchmarks;

/// <summary>
/// The store-and-forward queue in steady state: one message through enqueue (record, CRC, two writes and flushes),
/// read back (CRC check) and acknowledgement (checkpoint every 16). In RAM, so this is the queue's own cost; on the
/// board the flash writes dominate. Allocated bytes must be 0.
/// </summary>
[MemoryDiagnoser]
public class ForwardQueueBenchmarks
{
    private const string Topic = "concentrator/gw1/meters/m07/readings";
    private readonly byte[] _payload = new byte[344]; // a 5-register bus meter reading (see Forwarding/README.md)
    private ForwardQueue _queue = null!;
    private QueuedMessage _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < _payload.Length; i++)
        {
            _payload[i] = (byte)('a' + i % 26);
        }

        _queue = new ForwardQueue(new MemoryBlockStore(160 * 1024), 4096);
        _queue.Open();
        _message = new QueuedMessage(4096);
    }

    [Benchmark]
    public uint EnqueueReadAcknowledge()
    {
        _queue.Enqueue(Topic, _payload, 0, _payload.Length, 1, false);
        _queue.TryReadNext(_message);
        _queue.Acknowledge(_message.Sequence);
        return _message.Sequence;
    }

    /// <summary>Enqueue alone into a full ring: the oldest is dropped each time.</summary>
    [Benchmark]
    public QueueStatus EnqueueWhenFull() => _queue.Enqueue(Topic, _payload, 0, _payload.Length, 1, false);
}
