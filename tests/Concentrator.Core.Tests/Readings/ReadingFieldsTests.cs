using System;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Readings
{
    /// <summary>
    /// A <see cref="Reading"/> keeps its OBIS code as a key, its time as ticks and its small fields packed (for the heap
    /// on nanoCLR): every property must give back exactly what was set, at the edges of its range, without disturbing
    /// its neighbours in the same word.
    /// </summary>
    [TestClass]
    public class ReadingFieldsTests
    {
        [TestMethod]
        public void Every_property_gives_back_what_was_set()
        {
            ReadingSet set = new ReadingSet(1, 16);
            Reading reading = set.Add();
            reading.Obis = new ObisCode(255, 254, 96, 7, 21, 0);
            reading.Kind = ReadingKind.Number;
            reading.Flags = (ReadingFlags)0xFF;
            reading.Mantissa = long.MinValue;
            reading.Exponent = sbyte.MinValue;
            reading.TextStart = int.MaxValue;
            reading.TextLength = 7;
            reading.UnitStart = 0;
            reading.UnitLength = int.MaxValue;
            reading.SignatureStart = 12345;
            reading.SignatureLength = 678;
            reading.HasTime = true;
            reading.Time = new MeterTime(new DateTime(2026, 3, 29, 2, 59, 59), DaylightSaving.Summer, true, -720);
            reading.HasStatus = true;
            reading.Status = ulong.MaxValue;
            reading.HasSecondIndex = true;
            reading.SecondIndex = long.MaxValue;

            Assert.IsTrue(reading.Obis == new ObisCode(255, 254, 96, 7, 21, 0));
            Assert.AreEqual(new ObisCode(255, 254, 96, 7, 21, 0).ToKey(), reading.ObisKey);
            Assert.AreEqual((int)ReadingKind.Number, (int)reading.Kind);
            Assert.AreEqual(0xFF, (int)reading.Flags);
            Assert.AreEqual(long.MinValue, reading.Mantissa);
            Assert.AreEqual((int)sbyte.MinValue, (int)reading.Exponent);
            Assert.AreEqual(int.MaxValue, reading.TextStart);
            Assert.AreEqual(7, reading.TextLength);
            Assert.AreEqual(0, reading.UnitStart);
            Assert.AreEqual(int.MaxValue, reading.UnitLength);
            Assert.AreEqual(12345, reading.SignatureStart);
            Assert.AreEqual(678, reading.SignatureLength);
            Assert.IsTrue(reading.HasTime);
            Assert.AreEqual(new DateTime(2026, 3, 29, 2, 59, 59).Ticks, reading.Time.Local.Ticks);
            Assert.AreEqual((int)DaylightSaving.Summer, (int)reading.Time.Season);
            Assert.IsTrue(reading.Time.HasOffset);
            Assert.AreEqual(-720, (int)reading.Time.UtcOffsetMinutes);
            Assert.IsTrue(reading.HasStatus);
            Assert.AreEqual(ulong.MaxValue, reading.Status);
            Assert.IsTrue(reading.HasSecondIndex);
            Assert.AreEqual(long.MaxValue, reading.SecondIndex);
        }

        [TestMethod]
        public void Setting_one_packed_field_leaves_its_neighbours()
        {
            ReadingSet set = new ReadingSet(1, 16);
            Reading reading = set.Add();
            reading.Kind = ReadingKind.Text;
            reading.Flags = (ReadingFlags)0x5A;
            reading.Exponent = -3;
            reading.Time = new MeterTime(new DateTime(2025, 1, 1, 0, 0, 0), DaylightSaving.Standard, true, 60);
            reading.HasSecondIndex = true;

            reading.Exponent = 127;
            reading.HasTime = true;
            reading.TextLength = 9;
            reading.TextStart = -1;

            Assert.AreEqual((int)ReadingKind.Text, (int)reading.Kind);
            Assert.AreEqual(0x5A, (int)reading.Flags);
            Assert.AreEqual(127, (int)reading.Exponent);
            Assert.AreEqual(60, (int)reading.Time.UtcOffsetMinutes);
            Assert.AreEqual((int)DaylightSaving.Standard, (int)reading.Time.Season);
            Assert.IsTrue(reading.Time.HasOffset);
            Assert.IsTrue(reading.HasSecondIndex);
            Assert.IsFalse(reading.HasStatus);
            Assert.AreEqual(9, reading.TextLength);
            Assert.AreEqual(-1, reading.TextStart);
        }

        [TestMethod]
        public void A_cleared_reading_has_the_defaults_and_its_time_can_be_read()
        {
            ReadingSet set = new ReadingSet(1, 16);
            Reading reading = set.Add();
            reading.Obis = new ObisCode(1, 0, 1, 8, 0, 255);
            reading.Time = new MeterTime(new DateTime(2025, 6, 1, 12, 0, 0), DaylightSaving.Summer, true, 120);
            reading.HasTime = true;
            set.Clear();
            reading = set.Add();

            Assert.IsTrue(reading.Obis == new ObisCode(0, 0, 0, 0, 0, 255));
            Assert.AreEqual((int)ReadingKind.Empty, (int)reading.Kind);
            Assert.IsFalse(reading.HasTime);
            MeterTime time = reading.Time; // a time never set must still be readable (nanoFramework's DateTime starts in 1601)
            Assert.AreEqual(new DateTime().Ticks, time.Local.Ticks);
            Assert.IsFalse(time.HasOffset);
            Assert.AreEqual(0, (int)time.UtcOffsetMinutes);
        }
    }
}
