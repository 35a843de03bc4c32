using BenchmarkDotNet.Attributes;
using Concentrator.Core.Json;
using Concentrator.Core.Sml;
using Concentrator.Core.Tests.Sml;

namespace Concentrator.Benchmarks;

/// <summary>
/// SML: decoding one file (transport escapes, file CRC, every message's CRC, TL parsing into readings) and formatting
/// its MQTT payload; building a pull request. Steady state: decoder, writer and request writer built once, as on the
/// device. Allocated bytes must be 0.
/// </summary>
[MemoryDiagnoser]
public class SmlBenchmarks
{
    private readonly SmlFileDecoder _decoder = new(new SmlDecoderOptions());
    private readonly JsonWriter _writer = new(8192);
    private readonly ReadingJsonFormatter _formatter = new();
    private readonly SmlRequestWriter _requests = new(256);
    private readonly byte[] _clientId = { 0x43, 0x4F, 0x4E, 0x43, 0x45, 0x4E };
    private readonly DateTime _received = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
    private readonly FeedStep _feed;
    private byte[] _file = [];

    public SmlBenchmarks()
    {
        _feed = (byte[] data, int offset, int count, out int consumed) => _decoder.Feed(data, offset, count, out consumed) == SmlStatus.FileReady;
    }

    [Params("eHZ", "E750-signed", "eHZ-KERMIT")]
    public string File { get; set; } = "eHZ";

    [GlobalSetup]
    public void Setup()
    {
        string hex = File switch
        {
            "E750-signed" => SmlFiles.E750File,
            "eHZ-KERMIT" => SmlFiles.EhzKermitFile,
            _ => SmlFiles.EhzFile,
        };
        _file = Convert.FromHexString(hex);
        if (Decode() != 1)
        {
            throw new InvalidOperationException("benchmark file does not decode: " + _decoder.LastError);
        }
    }

    /// <summary>One whole file, as it sits in a UART buffer.</summary>
    [Benchmark]
    public int Decode()
        => FeedLoop.Run(_feed, _file, _file.Length, _file.Length);

    /// <summary>The same file in 32-byte pieces (a UART FIFO's worth at a time).</summary>
    [Benchmark]
    public int DecodeInPieces()
        => FeedLoop.Run(_feed, _file, _file.Length, 32);

    /// <summary>Decode and format the MQTT readings payload: the whole per-file path.</summary>
    [Benchmark]
    public int DecodeAndFormatPayload()
    {
        Decode();
        _writer.Reset();
        _formatter.WriteReadingsPayload(_writer, "sml1", _decoder.Readings, _received);
        return _writer.Length;
    }

    /// <summary>Open + GetList + Close request file, framed (the pull path's encoder).</summary>
    [Benchmark]
    public int WriteRequest()
    {
        return _requests.WriteGetList(_clientId, null, null, null, null, SmlCrcVariant.X25);
    }
}
