using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.Scheduling;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.P1
{
    [TestClass]
    public class P1MeterReaderTests
    {
        private static P1MeterReader Reader(object[] steps, FakeScheduleClock clock)
        {
            return new P1MeterReader(new ClockedByteLink(steps, clock), DsmrFeed.NewDecoder(), clock, 250, 64);
        }

        private static MeterDefinition P1Meter()
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = "p1";
            meter.Port = MeterPort.P1;
            meter.IntervalSeconds = 10;
            return meter;
        }

        [TestMethod]
        public void Drops_the_buffered_telegram_and_reads_the_next_one()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 0, 0);
            object[] steps = { Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42), null, null, Ascii.Bytes(DsmrTelegrams.IskraAm550Dsmr50) };
            P1MeterReader reader = Reader(steps, clock);

            Assert.AreEqual((int)MeterReadStatus.Ok, (int)reader.Read(P1Meter(), 2000));

            ReadingSet set = reader.Readings;
            Assert.IsTrue(set.TextEquals(set.IdentificationStart, set.IdentificationLength, "ISK5\\2M550T-1012"), "the telegram that came after the read began");
            Assert.AreEqual((long)DsmrTelegrams.LandisGyrE350Dsmr42.Length, reader.BytesDropped);
            Assert.AreEqual(250L, clock.Now - FakeScheduleClock.At(10, 0, 0), "one read timeout of waiting");
        }

        [TestMethod]
        public void A_silent_port_answers_no_answer_when_the_budget_is_spent()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 0, 0);
            long start = clock.Now;
            P1MeterReader reader = Reader(new object[0], clock);

            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)reader.Read(P1Meter(), 1100));
            Assert.AreEqual(1100L, clock.Now - start, "waits are cut to what is left of the budget");
            Assert.AreEqual("no byte within the read budget (silent meter)", reader.LastError);
        }

        [TestMethod]
        public void Telegrams_that_fail_their_check_answer_bad_answer_with_the_reason()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 0, 0);
            string bad = Ascii.ReplaceFirst(DsmrTelegrams.LandisGyrE350Dsmr42, "BB2A", "BB2B");
            object[] steps = { null, Ascii.Bytes(bad), Ascii.Bytes(bad) };
            P1MeterReader reader = Reader(steps, clock);

            Assert.AreEqual((int)MeterReadStatus.BadAnswer, (int)reader.Read(P1Meter(), 1000));
            Assert.IsTrue(reader.LastError.IndexOf("CRC mismatch") >= 0, reader.LastError);
        }

        [TestMethod]
        public void A_closed_link_is_a_link_failure()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 0, 0);
            object[] steps = { null, LinkStatus.Closed };
            P1MeterReader reader = Reader(steps, clock);

            Assert.AreEqual((int)MeterReadStatus.LinkFailure, (int)reader.Read(P1Meter(), 1000));
            Assert.AreEqual("link closed", reader.LastError);
        }
    }
}
