using BenchmarkDotNet.Attributes;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dsmr;

namespace Concentrator.Benchmarks;

/// <summary>
/// Home Assistant discovery on the reading path: <see cref="HomeAssistantAnnouncements.Observe"/> of an announced meter
/// (its set compared with the record: what every reading set costs), and one config formatted from the
/// meter's record (what each announced sensor costs once per connection). Observe must allocate 0 bytes.
/// </summary>
[MemoryDiagnoser]
public class DiscoveryBenchmarks
{
    private readonly HomeAssistantAnnouncements _announcements = new(MqttTopics.HomeAssistantPrefix, "gw1", "concentrator/gw1/status", 32);
    private readonly HomeAssistantDiscoveryFormatter _formatter = new();
    private readonly JsonWriter _writer = new(1024);
    private ReadingSet _set = null!;
    private HomeAssistantMeterRecord _record = null!;

    [GlobalSetup]
    public void Setup()
    {
        DsmrTelegramDecoder decoder = new(new DsmrDecoderOptions());
        byte[] telegram = System.Text.Encoding.ASCII.GetBytes(DsmrTelegrams.LandisGyrE350Dsmr42);
        int offset = 0;
        while (decoder.Feed(telegram, offset, telegram.Length - offset, out int consumed) != DsmrStatus.TelegramReady)
        {
            offset += consumed;
            if (consumed == 0)
            {
                throw new InvalidOperationException("the telegram did not decode");
            }
        }

        _set = decoder.Readings;
        _announcements.Observe("p1", "concentrator/gw1/meters/p1/readings", _set);
        while (_announcements.TryNext(_writer, out _))
        {
        }

        _record = _announcements.Find("p1");
    }

    /// <summary>A reading set of a meter announced already (31 readings, 10 sensors): nothing is due.</summary>
    [Benchmark]
    public bool ObserveAnnouncedMeter() => _announcements.Observe("p1", "concentrator/gw1/meters/p1/readings", _set);

    /// <summary>One discovery config from the record (ids and names are built: this allocates, once per sensor and connection).</summary>
    [Benchmark]
    public int FormatOneConfig()
    {
        _writer.Reset();
        _formatter.Write(_writer, "gw1", "concentrator/gw1/status", _record, 0);
        return _writer.Length;
    }
}
