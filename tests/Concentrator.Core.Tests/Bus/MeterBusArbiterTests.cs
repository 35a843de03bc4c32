using Concentrator.Core.Bus;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Bus
{
    [TestClass]
    public class MeterBusArbiterTests
    {
        private sealed class CountingReader : IMeterBusReader
        {
            public int Reads;
            public string Order = string.Empty;

            public bool Read(int member, IApduTransport transport)
            {
                Reads++;
                Order += member.ToString();
                return true;
            }
        }

        private static HdlcSessionOptions Options()
        {
            HdlcSessionOptions options = new HdlcSessionOptions();
            options.ResponseTimeoutMilliseconds = 500;
            options.MaxRetries = 1;
            return options;
        }

        private static readonly LineSettings Line9600 = new LineSettings(9600, 8, LineParity.None, 1, false);

        [TestMethod]
        public void A_silent_meter_costs_a_bounded_time_and_then_backs_off()
        {
            ManualClock clock = new ManualClock();
            HdlcAddress[] meters = new HdlcAddress[] { new HdlcAddress(1, 1001, 4), new HdlcAddress(1, 1002, 4), new HdlcAddress(1, 1003, 4) };
            FakeHdlcBus bus = new FakeHdlcBus(clock, meters, new bool[] { false, true, false });
            MeterBusArbiter arbiter = new MeterBusArbiter(bus, clock, Options());
            for (int i = 0; i < meters.Length; i++)
            {
                arbiter.Add(meters[i], HdlcAddress.Client(HdlcAddress.PublicClient), Line9600);
            }

            CountingReader reader = new CountingReader();
            Assert.AreEqual(2, arbiter.RunCycle(reader));
            Assert.AreEqual("02", reader.Order);
            MeterBusMember silent = arbiter[1];
            Assert.AreEqual(1, silent.ConsecutiveFailures);
            Assert.AreEqual("no answer to SNRM from meter 1/1002 after 2 tries of 500 ms", silent.LastError);
            // Two SNRMs (37 bytes, 38 ms each at 9600 baud) and 500 ms of waiting after each, nothing more.
            Assert.IsTrue(silent.LastSessionMilliseconds >= 1000 && silent.LastSessionMilliseconds <= 1100, silent.LastSessionMilliseconds.ToString());

            long before = clock.NowMilliseconds;
            Assert.AreEqual(2, arbiter.RunCycle(reader));
            Assert.AreEqual("0202", reader.Order);
            Assert.AreEqual(1, silent.Skipped);
            Assert.IsTrue(clock.NowMilliseconds - before < 100, "a backing-off meter costs no time: " + (clock.NowMilliseconds - before).ToString());

            clock.Advance(MeterBusArbiter.FirstBackoffMilliseconds);
            Assert.AreEqual(2, arbiter.RunCycle(reader));
            Assert.AreEqual(2, silent.ConsecutiveFailures);
            Assert.AreEqual(3, arbiter[0].Successes);
            Assert.AreEqual(9600, bus.LastSettings.BaudRate);
        }

        [TestMethod]
        public void The_bus_is_taken_by_one_session_at_a_time()
        {
            ManualClock clock = new ManualClock();
            HdlcAddress meter = new HdlcAddress(1, 1001, 4);
            FakeHdlcBus bus = new FakeHdlcBus(clock, new HdlcAddress[] { meter }, new bool[] { false });
            MeterBusArbiter arbiter = new MeterBusArbiter(bus, clock, Options());
            int index = arbiter.Add(meter, HdlcAddress.Client(HdlcAddress.PasswordClient), Line9600);
            Assert.IsTrue(arbiter.TryAcquire());
            Assert.IsFalse(arbiter.TryAcquire());
            Assert.AreEqual(-1, arbiter.RunCycle(new CountingReader()));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)arbiter.Begin(index));
            Assert.IsTrue(arbiter.Session.IsOpen);
            arbiter.End(true);
            Assert.IsFalse(arbiter.Session.IsOpen);
            Assert.IsTrue(arbiter.TryAcquire());
            arbiter.End(true);
        }

        [TestMethod]
        public void At_most_31_meters_with_distinct_addresses()
        {
            ManualClock clock = new ManualClock();
            MeterBusArbiter arbiter = new MeterBusArbiter(new FakeHdlcBus(clock, new HdlcAddress[0], new bool[0]), clock, Options());
            for (int i = 0; i < MeterBusArbiter.MaxMeters; i++)
            {
                arbiter.Add(new HdlcAddress(1, 1000 + i, 4), HdlcAddress.Client(HdlcAddress.PublicClient), Line9600);
            }

            Assert.ThrowsException(typeof(System.InvalidOperationException), () => arbiter.Add(new HdlcAddress(1, 2000, 4), HdlcAddress.Client(HdlcAddress.PublicClient), Line9600));
            MeterBusArbiter other = new MeterBusArbiter(new FakeHdlcBus(clock, new HdlcAddress[0], new bool[0]), clock, Options());
            other.Add(new HdlcAddress(1, 1000, 4), HdlcAddress.Client(HdlcAddress.PublicClient), Line9600);
            Assert.ThrowsException(typeof(System.ArgumentException), () => other.Add(new HdlcAddress(1, 1000, 4), HdlcAddress.Client(HdlcAddress.PasswordClient), Line9600));
        }
    }
}
