using System.Text;
using BenchmarkDotNet.Attributes;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Json;
using Concentrator.Host.Simulation.Iec;

namespace Concentrator.Benchmarks;

/// <summary>
/// IEC 62056-21: decoding one ~2 KB Landis+Gyr readout (identification, BCC, every data line into readings) as it sits in
/// a UART buffer and in 32-byte pieces, and with its MQTT payload. Steady state: allocated bytes must be 0.
/// </summary>
[MemoryDiagnoser]
public class IecBenchmarks
{
    private readonly IecMessageDecoder _decoder = new(new IecDecoderOptions());
    private readonly JsonWriter _writer = new(16384);
    private readonly ReadingJsonFormatter _formatter = new();
    private readonly DateTime _received = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
    private readonly FeedStep _feed;
    private byte[] _readout = [];

    public IecBenchmarks()
    {
        _feed = (byte[] data, int offset, int count, out int consumed) => _decoder.Feed(data, offset, count, out consumed) == IecStatus.ReadoutReady;
    }

    /// <summary>The readout the benchmark decodes: the simulated meter's, padded to about 2 KB.</summary>
    public static byte[] TwoKilobyteReadout()
    {
        var profile = new IecMeterProfile { ReadoutTargetBytes = 2048 };
        var model = new Concentrator.Host.Simulation.E350MeterModel(1, new DateTime(2024, 11, 21, 12, 0, 0, DateTimeKind.Utc), false, 0);
        string data = IecReadoutWriter.Write(model, profile, new DateTime(2024, 11, 21, 13, 0, 0));
        byte[] body = Encoding.ASCII.GetBytes(data);
        byte bcc = 0x03;
        foreach (byte b in body)
        {
            bcc ^= b;
        }

        return Encoding.ASCII.GetBytes("/" + profile.IdentificationLine() + "\r\n").Concat(new byte[] { 0x02 }).Concat(body).Concat(new byte[] { 0x03, bcc }).ToArray();
    }

    [GlobalSetup]
    public void Setup()
    {
        _readout = TwoKilobyteReadout();
        if (Decode() != 1)
        {
            throw new InvalidOperationException("benchmark readout does not decode: " + _decoder.LastError);
        }
    }

    [Benchmark]
    public int Decode() => FeedLoop.Run(_feed, _readout, _readout.Length, _readout.Length);

    [Benchmark]
    public int DecodeInPieces() => FeedLoop.Run(_feed, _readout, _readout.Length, 32);

    [Benchmark]
    public int DecodeAndFormatPayload()
    {
        Decode();
        _writer.Reset();
        _formatter.WriteReadingsPayload(_writer, "optical1", _decoder.Readings, _received);
        return _writer.Length;
    }
}
