using BenchmarkDotNet.Attributes;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Json;
using Concentrator.Core.Tests.Dsmr;

namespace Concentrator.Benchmarks;

/// <summary>
/// DSMR P1: decoding one telegram (framing, CRC, every line into readings) and formatting its MQTT payload.
/// Steady state: the decoder and writer are built once, as on the device. Allocated bytes must be 0.
/// </summary>
[MemoryDiagnoser]
public class DsmrBenchmarks
{
    private readonly DsmrTelegramDecoder _decoder = new(new DsmrDecoderOptions());
    private readonly JsonWriter _writer = new(4096);
    private readonly ReadingJsonFormatter _formatter = new();
    private readonly DateTime _received = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
    private readonly FeedStep _feed;
    private byte[] _telegram = [];

    public DsmrBenchmarks()
    {
        _feed = (byte[] data, int offset, int count, out int consumed) => _decoder.Feed(data, offset, count, out consumed) == DsmrStatus.TelegramReady;
    }

    [Params("E350-DSMR4.2", "AM550-DSMR5", "Belgian")]
    public string Telegram { get; set; } = "E350-DSMR4.2";

    [GlobalSetup]
    public void Setup()
    {
        string text = Telegram switch
        {
            "AM550-DSMR5" => DsmrTelegrams.IskraAm550Dsmr50,
            "Belgian" => DsmrTelegrams.BelgianEmucs,
            _ => DsmrTelegrams.LandisGyrE350Dsmr42,
        };
        _telegram = System.Text.Encoding.ASCII.GetBytes(text);
        if (Decode() != 1)
        {
            throw new InvalidOperationException("benchmark telegram does not decode");
        }
    }

    /// <summary>One whole telegram, as it sits in a UART buffer.</summary>
    [Benchmark]
    public int Decode()
        => FeedLoop.Run(_feed, _telegram, _telegram.Length, _telegram.Length);

    /// <summary>The same telegram in 32-byte pieces (a UART FIFO's worth at a time).</summary>
    [Benchmark]
    public int DecodeInPieces()
        => FeedLoop.Run(_feed, _telegram, _telegram.Length, 32);

    /// <summary>Decode and format the MQTT readings payload: the whole per-telegram path.</summary>
    [Benchmark]
    public int DecodeAndFormatPayload()
    {
        Decode();
        _writer.Reset();
        _formatter.WriteReadingsPayload(_writer, "p1", _decoder.Readings, _received);
        return _writer.Length;
    }
}
