using BenchmarkDotNet.Attributes;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Io;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Benchmarks;

/// <summary>
/// What DIAG and CAPT cost on a port thread: the capturing link's check when no capture runs (every read and write
/// pays it), a meter's health after a good read (both must allocate 0 bytes), and a whole capture of 100 chunks with
/// its dump built (once per CAPT; the dump is its only allocation). Recording alone allocating nothing is asserted in
/// the desktop allocation tests.
/// </summary>
[MemoryDiagnoser]
public class FrameCaptureBenchmarks
{
    private readonly ManualClock _clock = new();
    private readonly byte[] _chunk = new byte[16];
    private readonly object _link = new();
    private FrameCapture _idle = null!;
    private FrameCapture _full = null!;
    private MeterHealth _health = null!;

    [GlobalSetup]
    public void Setup()
    {
        _idle = new FrameCapture(2048, _clock, new DiscardingOutput(), 900000);
        _full = new FrameCapture(4096, _clock, new DiscardingOutput(), 900000);
        _health = new MeterHealth("m1", _clock);
    }

    /// <summary>The check every read and write of a capturing link makes while no capture runs.</summary>
    [Benchmark]
    public void IdleRecord() => _idle.Record(_link, CaptureRecordKind.Transmit, _chunk, 0, _chunk.Length);

    /// <summary>DIAG's state after a good read.</summary>
    [Benchmark]
    public void HealthAfterReading() => _health.Reading("IEC C 9600 7E1");

    /// <summary>100 chunks of 16 bytes (2.3 KB of records) recorded, then the dump built (about 6 KB of text).</summary>
    [Benchmark]
    public void FullCaptureDump()
    {
        _full.Arm("m1", 1);
        _full.Begin("m1", _link);
        for (int i = 0; i < 100; i++)
        {
            _clock.Advance(FrameCapture.BurstGapMilliseconds);
            _full.Record(_link, i % 2 == 0 ? CaptureRecordKind.Transmit : CaptureRecordKind.Receive, _chunk, 0, _chunk.Length);
        }

        _full.End("m1", "ok", null);
    }

    private sealed class DiscardingOutput : ICaptureOutput
    {
        public void Publish(string meterId, byte[] dump, int length)
        {
        }
    }
}
