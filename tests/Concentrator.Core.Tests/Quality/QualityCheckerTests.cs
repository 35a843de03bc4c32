using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Obis;
using Concentrator.Core.Quality;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dsmr;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Quality
{
    [TestClass]
    public class QualityCheckerTests
    {
        // 2026-11-21 10:10:00 W (+01:00) is 09:10:00 UTC.
        private static readonly DateTime ConcentratorUtc = new DateTime(2026, 11, 21, 9, 10, 20);

        private static ReadingFlags FlagsOf(ReadingSet set, string obis)
        {
            return DsmrFeed.Find(set, obis, 0).Flags;
        }

        [TestMethod]
        public void A_plausible_reading_gets_no_flags()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            QualityChecker checker = new QualityChecker(2, 8, new QualityLimits());

            ReadingSet set = QualityTelegrams.Normal(decoder, "261121101000W", "003235.689");
            Assert.AreEqual((int)ReadingFlags.None, (int)checker.Check(0, set, ConcentratorUtc));
            set = QualityTelegrams.Normal(decoder, "261121101010W", "003235.690");
            Assert.AreEqual((int)ReadingFlags.None, (int)checker.Check(0, set, ConcentratorUtc.AddSeconds(10)));
            Assert.AreEqual((int)ReadingFlags.None, (int)set.Flags);
        }

        [TestMethod]
        public void An_energy_register_lower_than_last_time_is_flagged_per_meter()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            QualityChecker checker = new QualityChecker(2, 8, new QualityLimits());

            checker.Check(0, QualityTelegrams.Normal(decoder, "261121101000W", "003235.689"), ConcentratorUtc);
            checker.Check(1, QualityTelegrams.Normal(decoder, "261121101000W", "000010.000"), ConcentratorUtc);
            ReadingSet set = QualityTelegrams.Normal(decoder, "261121101010W", "003235.688");
            ReadingFlags all = checker.Check(0, set, ConcentratorUtc.AddSeconds(10));

            Assert.AreEqual((int)ReadingFlags.CounterWentBackwards, (int)all);
            Assert.AreEqual((int)ReadingFlags.CounterWentBackwards, (int)FlagsOf(set, "1-0:1.8.1"));
            Assert.AreEqual((int)ReadingFlags.None, (int)FlagsOf(set, "0-1:24.2.1"), "the gas volume did not change");

            // Meter 1 has its own history: 10.000 → 3235.688 is forward.
            set = QualityTelegrams.Normal(decoder, "261121101010W", "003235.688");
            Assert.AreEqual((int)ReadingFlags.None, (int)checker.Check(1, set, ConcentratorUtc.AddSeconds(10)));
        }

        [TestMethod]
        public void Values_are_compared_exactly_whatever_their_decimals()
        {
            Assert.AreEqual(0, QualityChecker.Compare(687138, -3, 6871380, -4));
            Assert.AreEqual(-1, QualityChecker.Compare(687137, -3, 6871380, -4));
            Assert.AreEqual(1, QualityChecker.Compare(1, 2, 99, 0));
            Assert.AreEqual(1, QualityChecker.Compare(long.MaxValue / 2, 5, 1, -3), "too large to scale: decided by magnitude");
        }

        [TestMethod]
        public void Values_outside_physical_limits_are_flagged_out_of_range()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            QualityLimits limits = new QualityLimits();
            limits.MaxPowerWatts = 50000;
            QualityChecker checker = new QualityChecker(1, 8, limits);

            ReadingSet set = QualityTelegrams.Decode(decoder, QualityTelegrams.Body("261121101000W", "003235.689", "612.0", "51.000", "261121100000W"));
            ReadingFlags all = checker.Check(0, set, ConcentratorUtc);

            Assert.AreEqual((int)ReadingFlags.OutOfRange, (int)all);
            Assert.AreEqual((int)ReadingFlags.OutOfRange, (int)FlagsOf(set, "1-0:32.7.0"), "612 V");
            Assert.AreEqual((int)ReadingFlags.OutOfRange, (int)FlagsOf(set, "1-0:1.7.0"), "51 kW above a 50 kW limit");
            Assert.AreEqual((int)ReadingFlags.None, (int)FlagsOf(set, "1-0:14.7.0"), "49.98 Hz");
            Assert.AreEqual((int)ReadingFlags.None, (int)FlagsOf(set, "1-0:32.32.0"), "a count of voltage sags is no voltage");

            set = QualityTelegrams.Decode(decoder, QualityTelegrams.Body("261121101010W", "003235.689", "230.0", "49.000", "261121100000W"));
            Reading frequency = DsmrFeed.Find(set, "1-0:14.7.0", 0);
            frequency.Mantissa = 7000; // 70.00 Hz
            Reading energy = DsmrFeed.Find(set, "1-0:1.8.1", 0);
            energy.Mantissa = -energy.Mantissa;
            checker.Check(0, set, ConcentratorUtc.AddSeconds(10));
            Assert.AreEqual((int)ReadingFlags.OutOfRange, (int)frequency.Flags);
            Assert.AreEqual((int)(ReadingFlags.OutOfRange | ReadingFlags.CounterWentBackwards), (int)energy.Flags, "negative energy");
            Assert.AreEqual((int)ReadingFlags.None, (int)FlagsOf(set, "1-0:1.7.0"));
        }

        [TestMethod]
        public void A_meter_clock_off_by_more_than_the_skew_flags_the_set()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            QualityChecker checker = new QualityChecker(1, 8, new QualityLimits());

            ReadingSet set = QualityTelegrams.Normal(decoder, "261121101000W", "003235.689");
            Assert.AreEqual((int)ReadingFlags.None, (int)checker.Check(0, set, new DateTime(2026, 11, 21, 9, 12, 0)), "100 s off: within 120 s");

            set = QualityTelegrams.Normal(decoder, "261121101500W", "003235.689");
            Assert.AreEqual((int)ReadingFlags.ClockSkew, (int)checker.Check(0, set, new DateTime(2026, 11, 21, 9, 25, 0)), "600 s behind");
            Assert.AreEqual((int)ReadingFlags.ClockSkew, (int)set.Flags);
            Assert.AreEqual((int)ReadingFlags.None, (int)FlagsOf(set, "1-0:1.8.1"), "the set is flagged, not each value");
        }

        [TestMethod]
        public void A_repeated_meter_time_and_an_old_capture_time_are_stale()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            QualityChecker checker = new QualityChecker(1, 8, new QualityLimits());

            checker.Check(0, QualityTelegrams.Normal(decoder, "261121101000W", "003235.689"), ConcentratorUtc);
            ReadingSet set = QualityTelegrams.Normal(decoder, "261121101000W", "003235.689");
            Assert.AreEqual((int)ReadingFlags.None, (int)checker.Check(0, set, ConcentratorUtc.AddMilliseconds(500)), "two pushes in one second");
            set = QualityTelegrams.Normal(decoder, "261121101000W", "003235.689");
            Assert.AreEqual((int)ReadingFlags.Stale, (int)checker.Check(0, set, ConcentratorUtc.AddSeconds(10)));
            Assert.AreEqual((int)ReadingFlags.Stale, (int)set.Flags, "the meter sent the same time again");

            // The gas value's capture time 05:00 (04:00Z) is more than 2 h before 09:10Z.
            set = QualityTelegrams.Decode(decoder, QualityTelegrams.Body("261121101020W", "003235.689", "230.0", "01.000", "261121050000W"));
            checker.Check(0, set, ConcentratorUtc.AddSeconds(20));
            Assert.AreEqual((int)ReadingFlags.Stale, (int)FlagsOf(set, "0-1:24.2.1"));
            Assert.AreEqual((int)ReadingFlags.None, (int)set.Flags);
        }

        [TestMethod]
        public void Registers_beyond_the_table_are_counted_not_checked()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            QualityChecker checker = new QualityChecker(1, 1, new QualityLimits());

            checker.Check(0, QualityTelegrams.Normal(decoder, "261121101000W", "003235.689"), ConcentratorUtc);
            Assert.AreEqual(1L, checker.UntrackedRegisters, "energy tracked, gas volume not");

            checker.Forget(0);
            checker.Check(0, QualityTelegrams.Normal(decoder, "261121101000W", "000001.000"), ConcentratorUtc);
            Assert.AreEqual(2L, checker.UntrackedRegisters);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => checker.Check(1, decoder.Readings, ConcentratorUtc));
        }

        [TestMethod]
        public void Register_quantities_follow_the_obis_value_groups()
        {
            Assert.AreEqual((int)RegisterQuantity.Energy, (int)RegisterQuantities.Of(new ObisCode(1, 0, 2, 8, 0, 255)));
            Assert.AreEqual((int)RegisterQuantity.Power, (int)RegisterQuantities.Of(new ObisCode(1, 0, 21, 7, 0, 255)));
            Assert.AreEqual((int)RegisterQuantity.Voltage, (int)RegisterQuantities.Of(new ObisCode(1, 0, 72, 7, 0, 255)));
            Assert.AreEqual((int)RegisterQuantity.Volume, (int)RegisterQuantities.Of(new ObisCode(0, 1, 24, 2, 1, 255)));
            Assert.AreEqual((int)RegisterQuantity.Other, (int)RegisterQuantities.Of(new ObisCode(1, 0, 31, 7, 0, 255)), "current: not checked");
            Assert.AreEqual((int)RegisterQuantity.Other, (int)RegisterQuantities.Of(new ObisCode(0, 0, 96, 1, 1, 255)));
        }
    }
}
