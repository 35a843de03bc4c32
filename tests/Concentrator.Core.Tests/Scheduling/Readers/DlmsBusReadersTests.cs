using Concentrator.Core.Bus;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Tests.Bus;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Scheduling.Readers
{
    [TestClass]
    public class DlmsBusReadersTests
    {
        private static MeterDefinition Meter(string id, string address, string password, string objects)
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = id;
            meter.Port = MeterPort.Rs485;
            meter.Protocol = MeterProtocol.DlmsHdlc;
            meter.Address = address;
            meter.Password = password;
            meter.Objects = objects;
            return meter;
        }

        private static MeterBusArbiter Arbiter()
        {
            ManualClock clock = new ManualClock();
            FakeHdlcBus line = new FakeHdlcBus(clock, new HdlcAddress[] { new HdlcAddress(1, 1001, 4) }, new bool[] { false });
            return new MeterBusArbiter(line, clock, new HdlcSessionOptions());
        }

        [TestMethod]
        public void Meters_with_one_password_share_a_client_and_all_fill_one_reading_set()
        {
            MeterBusArbiter bus = Arbiter();
            DlmsBusReaders readers = new DlmsBusReaders(bus, 3);
            string problem;
            string link;
            IMeterReader first = readers.Add(Meter("bus-01", "1/1001", "00000000", "1-0:1.8.0,1-0:2.8.0"), out problem, out link);
            Assert.IsNotNull(first, problem);
            Assert.AreEqual("9600 8N1 HDLC 1/1001", link);
            IMeterReader second = readers.Add(Meter("bus-02", "1/1002", "00000000", string.Empty), out problem, out link);
            Assert.IsNotNull(second, problem);
            IMeterReader third = readers.Add(Meter("bus-03", "1/1003", string.Empty, "1-0:1.8.0"), out problem, out link);
            Assert.IsNotNull(third, problem);

            Assert.AreEqual(2, readers.ClientCount, "one client per password");
            Assert.AreEqual(3, bus.Count);
            Assert.AreSame(readers.Readings, first.Readings);
            Assert.AreSame(readers.Readings, second.Readings);
            Assert.AreSame(readers.Readings, third.Readings);
        }

        [TestMethod]
        public void A_meter_that_cannot_be_read_is_reported_and_left_off_the_bus()
        {
            MeterBusArbiter bus = Arbiter();
            DlmsBusReaders readers = new DlmsBusReaders(bus, 4);
            string problem;
            string link;

            Assert.IsNull(readers.Add(Meter("bus-01", "x", string.Empty, string.Empty), out problem, out link));
            Assert.AreEqual("RS485 meter needs ADDR=logical/physical (e.g. 1/1234), got 'x'", problem);
            Assert.IsNull(readers.Add(Meter("bus-02", "1/1002", string.Empty, "1-0:1.8.0,nonsense"), out problem, out link));
            Assert.AreEqual("OBJ: 'nonsense' is not an OBIS code", problem);
            Assert.IsNull(readers.Add(Meter("bus-03", "1/1003", string.Empty,
                "1.8.0,1.8.1,1.8.2,2.8.0,2.8.1,2.8.2,1.7.0,2.7.0,32.7.0,52.7.0,72.7.0,31.7.0,51.7.0,71.7.0,13.7.0,14.7.0,21.7.0"), out problem, out link));
            Assert.AreEqual("OBJ: more than 16 objects", problem);
            Assert.AreEqual(0, bus.Count, "no member for a meter without a reader");

            Assert.IsNotNull(readers.Add(Meter("bus-04", "1/1004", string.Empty, string.Empty), out problem, out link), problem);
            Assert.AreEqual(1, bus.Count);
            Assert.IsNull(problem);
        }

        [TestMethod]
        public void The_same_address_twice_is_refused_by_the_bus()
        {
            MeterBusArbiter bus = Arbiter();
            DlmsBusReaders readers = new DlmsBusReaders(bus, 2);
            string problem;
            string link;
            Assert.IsNotNull(readers.Add(Meter("bus-01", "1/1001", string.Empty, string.Empty), out problem, out link), problem);

            Assert.IsNull(readers.Add(Meter("bus-02", "1/1001", string.Empty, string.Empty), out problem, out link));
            Assert.IsNotNull(problem);
            Assert.AreEqual(1, bus.Count);
        }
    }
}
