using BenchmarkDotNet.Attributes;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Json;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Readings;

namespace Concentrator.Benchmarks;

/// <summary>
/// Compact reading records (the store-and-forward queue's form of a reading set): encoding one, and turning one read
/// from the queue back into topic and JSON payload (decode + format), for the realistic sets of the flash budget. The
/// JSON formatting alone is there for comparison: it is what every reading cost before, at enqueue time. Allocated
/// bytes must be 0.
/// </summary>
[MemoryDiagnoser]
public class CompactRecordBenchmarks
{
    private readonly ReadingRecordCodec _codec = new();
    private readonly byte[] _record = new byte[1024];
    private readonly JsonWriter _writer = new(8192);
    private readonly ReadingJsonFormatter _formatter = new();
    private readonly QueuedMessage _message = new(2048);
    private readonly QueuedMessageRenderer _renderer = new("concentrator", "gw1", 40, 4096, 8192);
    private ReadingSet _set = null!;
    private string _meter = "";

    [Params("IEC 5 registers", "DLMS 20 registers", "DSMR E350")]
    public string Readings { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        (_set, _meter) = Readings switch
        {
            "IEC 5 registers" => (ReadingSamples.IecFive(), "m07"),
            "DLMS 20 registers" => (ReadingSamples.DlmsTwenty(), "m21"),
            _ => (ReadingSamples.DsmrE350(), "p1"),
        };

        // One queued record to render, read from a queue as the forwarding thread reads it.
        var queue = new ForwardQueue(new MemoryBlockStore(16 * 1024), 2048);
        queue.Open();
        _codec.Encode(_meter, _set, ReadingSamples.Received, _record, 0, _record.Length, out int length);
        queue.EnqueueRecord(QueuedRecordKind.ReadingSet, _record, 0, length, 1, false);
        queue.TryReadNext(_message);
    }

    [Benchmark]
    public int Encode()
    {
        _codec.Encode(_meter, _set, ReadingSamples.Received, _record, 0, _record.Length, out int length);
        return length;
    }

    [Benchmark]
    public int DecodeAndFormatJson()
    {
        _renderer.Render(_message);
        return _renderer.PayloadLength;
    }

    [Benchmark(Baseline = true)]
    public int FormatJsonOnly()
    {
        _writer.Reset();
        _formatter.WriteReadingsPayload(_writer, _meter, _set, ReadingSamples.Received);
        return _writer.Length;
    }
}
