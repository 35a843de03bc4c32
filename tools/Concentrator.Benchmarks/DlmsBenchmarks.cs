using BenchmarkDotNet.Attributes;
using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dlms;

namespace Concentrator.Benchmarks;

/// <summary>
/// DLMS/COSEM: A-XDR values decoded, APDUs encoded and parsed, and a whole read of 20 registers through the client
/// (against prepared APDUs, so only the client is measured). Steady state; allocated bytes must be 0.
/// </summary>
[MemoryDiagnoser]
public class DlmsBenchmarks
{
    private readonly byte[] _buffer = new byte[2048];
    private readonly AxdrWriter _writer = new();
    private readonly AxdrReader _reader = new();
    private readonly AssociationRequest _aarq = new();
    private readonly AssociationResponse _aare = new();
    private readonly GetResponseParser _responseParser = new(64);
    private readonly CosemAttributeDescriptor[] _list = new CosemAttributeDescriptor[20];
    private readonly ReadingSet _set = new(32, 1024);
    private byte[] _aareBytes = [];
    private byte[] _withList = [];
    private byte[] _values = [];
    private DlmsClient _client = null!;
    private CosemObjectReader _objectReader = null!;
    private CosemObjectInfo[] _registers = [];

    [GlobalSetup]
    public void Setup()
    {
        _aarq.Authentication = DlmsAuthentication.Low;
        _aarq.SetPassword("00000000");
        _aareBytes = DlmsVectors.AareAccepting();
        _withList = DlmsVectors.WithListResponse(20, true);
        _registers = DlmsVectors.Registers(20);
        for (int i = 0; i < _list.Length; i++)
        {
            _list[i] = new CosemAttributeDescriptor(3, _registers[i].LogicalName, 2);
        }

        var values = new AxdrWriter(new byte[1024]);
        values.Array(20);
        for (int i = 0; i < 20; i++)
        {
            values.Structure(2);
            values.Structure(2);
            values.Int8(-1);
            values.Enum(30);
            values.UInt32Value((uint)(1234567 + i));
        }

        _values = values.Buffer[..values.Length];
        var options = new DlmsClientOptions { MaxAttributesPerRequest = 64 };
        _client = new DlmsClient(new ReplayApduTransport(_aareBytes, new[] { DlmsVectors.WithListResponse(20, true), DlmsVectors.WithListResponse(20, false) }), options);
        _objectReader = new CosemObjectReader(_client, 32);
        if (_client.Associate() != DlmsClientStatus.Ok || ReadTwentyRegisters() != 20)
        {
            throw new InvalidOperationException("benchmark client setup failed: " + _client.LastError);
        }
    }

    /// <summary>One A-XDR value: 20 × structure { structure { integer scaler, enum unit }, double-long-unsigned } = 101 values.</summary>
    [Benchmark(OperationsPerInvoke = 101)]
    public int DecodeAxdrValue()
    {
        int values = 0;
        _reader.Reset(_values, 0, _values.Length);
        while (!_reader.AtEnd)
        {
            _reader.Read();
            values++;
        }

        return values;
    }

    [Benchmark]
    public int EncodeAarq()
    {
        _writer.Reset(_buffer, 0, _buffer.Length);
        _aarq.Encode(_writer);
        return _writer.Length;
    }

    [Benchmark]
    public bool ParseAare() => _aare.Parse(_aareBytes, 0, _aareBytes.Length) == DlmsApduStatus.Ok;

    [Benchmark]
    public int EncodeGetWithList20()
    {
        _writer.Reset(_buffer, 0, _buffer.Length);
        GetApdu.WriteRequestWithList(_writer, 0xC1, _list, 0, _list.Length);
        return _writer.Length;
    }

    [Benchmark]
    public int EncodeGetProfileByRange()
    {
        _writer.Reset(_buffer, 0, _buffer.Length);
        CosemDateTime from = CosemDateTime.From(new DateTime(2026, 11, 21, 0, 0, 0), -60, 0);
        GetApdu.WriteRequestNormal(_writer, 0xC1, new CosemAttributeDescriptor(7, new ObisCode(1, 0, 99, 1, 0, 255), 2), SelectiveAccess.ByRange(from, from));
        return _writer.Length;
    }

    /// <summary>Parse (and validate every value of) a 40-item with-list response.</summary>
    [Benchmark]
    public int ParseGetResponseWithList40() => _responseParser.Parse(_withList, 0, _withList.Length) == DlmsApduStatus.Ok ? _responseParser.Count : -1;

    /// <summary>A whole quarter-hour read of 20 registers (scaler/unit cached): request, response, 20 readings.</summary>
    [Benchmark]
    public int ReadTwentyRegisters()
    {
        _set.Clear();
        _objectReader.ReadObjects(_registers, _registers.Length, _set);
        return _set.Count;
    }
}
