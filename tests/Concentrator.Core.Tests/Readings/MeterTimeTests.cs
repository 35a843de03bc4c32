using System;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dsmr;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Readings
{
    [TestClass]
    public class MeterTimeTests
    {
        [TestMethod]
        public void Formats_with_offset_utc_and_without()
        {
            DateTime local = new DateTime(2014, 12, 27, 18, 3, 23);
            Assert.AreEqual("2014-12-27T18:03:23+01:00", DsmrFeed.IsoTime(new MeterTime(local, DaylightSaving.Standard, true, 60)));
            Assert.AreEqual("2014-12-27T18:03:23-05:30", DsmrFeed.IsoTime(new MeterTime(local, DaylightSaving.Unknown, true, -330)));
            Assert.AreEqual("2014-12-27T18:03:23Z", DsmrFeed.IsoTime(new MeterTime(local, DaylightSaving.Unknown, true, 0)));
            Assert.AreEqual("2014-12-27T18:03:23", DsmrFeed.IsoTime(new MeterTime(local, DaylightSaving.Unknown, false, 0)));
        }

        [TestMethod]
        [DataRow(2024, 2, 29, true)]
        [DataRow(2023, 2, 29, false)]
        [DataRow(2000, 2, 29, true)]
        [DataRow(2100, 2, 29, false)]
        [DataRow(2025, 4, 31, false)]
        [DataRow(2025, 12, 31, true)]
        [DataRow(2025, 13, 1, false)]
        [DataRow(2025, 0, 1, false)]
        public void Validates_calendar_dates(int year, int month, int day, bool valid)
        {
            Assert.AreEqual(valid, MeterTime.IsValid(year, month, day, 12, 0, 0));
        }

        [TestMethod]
        public void Validates_time_of_day()
        {
            Assert.IsTrue(MeterTime.IsValid(2025, 1, 1, 23, 59, 59));
            Assert.IsFalse(MeterTime.IsValid(2025, 1, 1, 24, 0, 0));
            Assert.IsFalse(MeterTime.IsValid(2025, 1, 1, 12, 60, 0));
            Assert.IsFalse(MeterTime.IsValid(2025, 1, 1, 12, 0, 60));
        }
    }
}
