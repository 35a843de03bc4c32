using BenchmarkDotNet.Attributes;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Meters;
using Concentrator.Core.Quality;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.Scheduling;

namespace Concentrator.Benchmarks;

/// <summary>
/// The poll cycle of a 31-meter bus: a scheduler tick when nothing is due (the idle cost), a whole 15-minute slot (31
/// reads with a reader that costs nothing, so the figure is the scheduler's own), and the quality check of one
/// DSMR readout (the published E350 telegram). Allocated bytes must be 0.
/// </summary>
[MemoryDiagnoser]
public class SchedulerBenchmarks
{
    private const int Meters = 31;
    private readonly FakeScheduleClock _clock = new(10, 7, 13);
    private PortScheduler _scheduler = null!;
    private QualityChecker _checker = null!;
    private ReadingSet _set = null!;
    private DateTime _now;
    private int _meter;

    [GlobalSetup]
    public void Setup()
    {
        var definitions = new MeterDefinition[Meters];
        var readers = new IMeterReader[Meters];
        for (int i = 0; i < Meters; i++)
        {
            definitions[i] = SchedulerRun.Meter("bus-" + i.ToString("00"), 900, (ReadPriority)(i % 3));
            readers[i] = FakeMeterReader.Good(_clock, 0);
        }

        _scheduler = new PortScheduler(definitions, readers, _clock, new SchedulerOptions(), new RecordingReadSink());
        _checker = new QualityChecker(Meters, 16, new QualityLimits());
        var decoder = new DsmrTelegramDecoder(new DsmrDecoderOptions());
        byte[] telegram = System.Text.Encoding.ASCII.GetBytes(DsmrTelegrams.LandisGyrE350Dsmr42);
        int offset = 0;
        while (offset < telegram.Length && decoder.Feed(telegram, offset, telegram.Length - offset, out int consumed) != DsmrStatus.TelegramReady)
        {
            offset += consumed;
        }

        _set = decoder.Readings;
        _now = new DateTime(_set.Time.Local.Ticks, DateTimeKind.Utc).AddMinutes(-_set.Time.UtcOffsetMinutes);
        SlotOf31Reads();
    }

    /// <summary>One tick between slots: every meter's slot brought up to date, nothing due, the wait computed.</summary>
    [Benchmark]
    public long IdleTick() => _scheduler.Tick();

    /// <summary>The next quarter hour: 31 reads (31 ticks) and the idle tick after them. Divide by 31 for one read's share.</summary>
    [Benchmark(OperationsPerInvoke = Meters)]
    public long SlotOf31Reads()
    {
        _clock.Now = SlotAlignment.NextSlot(SlotAlignment.CurrentSlot(_clock.Now, 900000), 900000);
        long wait;
        while ((wait = _scheduler.Tick()) == 0)
        {
        }

        return wait;
    }

    /// <summary>Quality check of one DSMR readout (every reading classified, counters compared, clock checked).</summary>
    [Benchmark]
    public ReadingFlags QualityCheck()
    {
        _meter = _meter == Meters - 1 ? 0 : _meter + 1;
        _now = _now.AddSeconds(1);
        return _checker.Check(_meter, _set, _now);
    }
}
