using BenchmarkDotNet.Attributes;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Tests.Hdlc;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Benchmarks;

/// <summary>
/// HDLC (IEC 62056-46): encoding one frame, decoding one frame (whole, and in UART-sized pieces), and one whole
/// request/response exchange through the link session. Steady state: everything is built once, as on the device.
/// Allocated bytes must be 0.
/// </summary>
[MemoryDiagnoser]
public class HdlcBenchmarks
{
    private readonly byte[] _information = new byte[128];
    private readonly byte[] _frame = new byte[256];
    private readonly HdlcFrameDecoder _decoder = new(2047);
    private readonly byte[] _request = { 0xC0, 0x01, 0xC1, 0x00, 0x03, 0x01, 0x00, 0x01, 0x08, 0x00, 0xFF, 0x02, 0x00 };
    private readonly byte[] _response = new byte[64];
    private HdlcSession _session = null!;
    private readonly FeedStep _feed;
    private int _frameLength;

    public HdlcBenchmarks()
    {
        _feed = (byte[] data, int offset, int count, out int consumed) => _decoder.Feed(data, offset, count, out consumed) == HdlcDecodeStatus.FrameReady;
    }

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < _information.Length; i++)
        {
            _information[i] = (byte)(i * 13);
        }

        _frameLength = Encode();
        if (Decode() != 1 || DecodeInPieces() != 1)
        {
            throw new InvalidOperationException("benchmark frame does not decode");
        }

        var options = new HdlcSessionOptions { Server = ReplayingHdlcMeter.Meter, Client = ReplayingHdlcMeter.Client };
        _session = new HdlcSession(new ReplayingHdlcMeter(), new ManualClock(), options);
        if (_session.Open() != ApduTransportStatus.Ok || Exchange() != ReplayingHdlcMeter.ResponseApdu.Length)
        {
            throw new InvalidOperationException("benchmark session does not work: " + _session.LastError);
        }
    }

    /// <summary>An I frame with 128 bytes of information to a 2-byte server address (HCS and FCS computed).</summary>
    [Benchmark]
    public int Encode()
    {
        return HdlcFrameEncoder.Encode(_frame, 0, ReplayingHdlcMeter.Meter, ReplayingHdlcMeter.Client, HdlcControl.Information(1, 2, true), false, _information, 0, _information.Length);
    }

    /// <summary>The same frame decoded from one buffer (both checks verified).</summary>
    [Benchmark]
    public int Decode() => FeedLoop.Run(_feed, _frame, _frameLength, _frameLength);

    /// <summary>The same frame fed 16 bytes at a time (a UART FIFO's worth).</summary>
    [Benchmark]
    public int DecodeInPieces() => FeedLoop.Run(_feed, _frame, _frameLength, 16);

    /// <summary>A GET request and its answer through an open link: I frame out, I frame in, sequence numbers, LLC.</summary>
    [Benchmark]
    public int Exchange()
    {
        _session.Exchange(_request, 0, _request.Length, _response, out int length);
        return length;
    }
}
