using Concentrator.Core.Dlms;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Timing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Dlms;

/// <summary>A DLMS read is bounded as a whole by the scheduler's budget, not only frame by frame.</summary>
[TestClass]
public sealed class DlmsReadBudgetTests
{
    private const int PerExchange = 400;

    [TestMethod]
    public void A_slow_meter_stops_at_its_budget_and_is_released()
    {
        var (reader, transport, clock, meter) = SlowMeter();
        Assert.AreEqual(MeterReadStatus.Ok, reader.Read(Definition(), 5000), reader.LastError);

        // Every answer comes just in time, but 20 single GETs at 400 ms each do not fit 3 s.
        long start = clock.NowMilliseconds;
        MeterReadStatus status = reader.Read(Definition(), 3000);

        Assert.AreEqual(MeterReadStatus.NoAnswer, status);
        StringAssert.StartsWith(reader.LastError, "read budget of 3000 ms used up after 8 request(s)");
        long took = clock.NowMilliseconds - start;
        Assert.IsTrue(took <= 3000 + 2 * PerExchange, "ends at most one exchange and the release after the budget: " + took + " ms");
        Assert.IsFalse(meter.Server.Associated, "the association is released");
        Assert.AreEqual(MeterReadStatus.Ok, reader.Read(Definition(), 60000), "a later read with room succeeds: " + reader.LastError);
        Assert.AreEqual(20, reader.Readings.Count);
    }

    [TestMethod]
    public void The_first_read_may_take_longer_to_learn_the_object_list_once()
    {
        var (reader, transport, clock, _) = SlowMeter();
        long start = clock.NowMilliseconds;

        Assert.AreEqual(MeterReadStatus.Ok, reader.Read(Definition(), 3000), reader.LastError);
        Assert.IsTrue(clock.NowMilliseconds - start > 3000, "the object list alone takes longer than the budget");

        long second = clock.NowMilliseconds;
        Assert.AreEqual(MeterReadStatus.NoAnswer, reader.Read(Definition(), 3000), "the allowance is for the first read only");
        Assert.IsTrue(clock.NowMilliseconds - second <= 3000 + 2 * PerExchange);
    }

    [TestMethod]
    public void Without_a_clock_only_each_exchange_is_bounded()
    {
        var meter = new DlmsTestMeter(configureClient: o => o.UseWithList = false);
        var poller = new DlmsMeterPoller(meter.Client, meter.Reader, 32, 400);
        Assert.IsNull(poller.Configure(Objects()));
        var reader = new DlmsMeterReader(poller, new ReadingSet(32, 1024));
        Assert.AreEqual(MeterReadStatus.Ok, reader.Read(Definition(), 1), reader.LastError);
    }

    private static string Objects()
    {
        var names = new System.Text.StringBuilder();
        foreach (var register in DlmsTestMeter.TwentyRegisters())
        {
            names.Append(names.Length == 0 ? "" : ",").Append(register.LogicalName.ToString());
        }

        return names.ToString();
    }

    private static MeterDefinition Definition() => new() { Id = "slow-1", Port = MeterPort.Rs485, Protocol = MeterProtocol.DlmsHdlc };

    // Twenty registers read one GET at a time (no GET-with-list) from a meter that takes 400 ms per answer.
    private static (DlmsMeterReader Reader, SlowTransport Transport, VirtualClock Clock, DlmsTestMeter Meter) SlowMeter()
    {
        var meter = new DlmsTestMeter();
        var clock = new VirtualClock();
        var transport = new SlowTransport(meter.Transport, clock, PerExchange);
        var client = new DlmsClient(transport, new DlmsClientOptions { UseWithList = false });
        var poller = new DlmsMeterPoller(client, new CosemObjectReader(client, 128), 32, 400);
        Assert.IsNull(poller.Configure(Objects()));
        return (new DlmsMeterReader(poller, new ReadingSet(32, 1024), null, -1, clock), transport, clock, meter);
    }

    private sealed class VirtualClock : IMillisecondClock
    {
        public long NowMilliseconds { get; set; }

        public void Sleep(int milliseconds) => NowMilliseconds += Math.Max(0, milliseconds);
    }

    private sealed class SlowTransport(IApduTransport inner, VirtualClock clock, int milliseconds) : IApduTransport
    {
        public string LastError => inner.LastError;

        public long BytesSent => inner.BytesSent;

        public long BytesReceived => inner.BytesReceived;

        public int RoundTrips => inner.RoundTrips;

        public ApduTransportStatus Open() => inner.Open();

        public ApduTransportStatus Exchange(byte[] request, int offset, int count, byte[] response, out int responseLength)
        {
            clock.Sleep(milliseconds);
            return inner.Exchange(request, offset, count, response, out responseLength);
        }

        public void Close() => inner.Close();
    }
}
