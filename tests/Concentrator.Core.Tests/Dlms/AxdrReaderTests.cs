using Concentrator.Core.Dlms;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Dlms
{
    [TestClass]
    public class AxdrReaderTests
    {
        private static AxdrReader Over(string hex)
        {
            byte[] data = HexBytes.Parse(hex);
            AxdrReader reader = new AxdrReader();
            reader.Reset(data, 0, data.Length);
            return reader;
        }

        [TestMethod]
        [DataRow("03 01", (int)AxdrTag.Boolean, 1L)]
        [DataRow("03 00", (int)AxdrTag.Boolean, 0L)]
        [DataRow("0F FE", (int)AxdrTag.Integer, -2L)]
        [DataRow("10 FF 38", (int)AxdrTag.Long, -200L)]
        [DataRow("11 C8", (int)AxdrTag.Unsigned, 200L)]
        [DataRow("12 FF 38", (int)AxdrTag.LongUnsigned, 65336L)]
        [DataRow("05 FF FF FF FE", (int)AxdrTag.DoubleLong, -2L)]
        [DataRow("06 FF FF FF FE", (int)AxdrTag.DoubleLongUnsigned, 4294967294L)]
        [DataRow("14 FF FF FF FF FF FF FF FD", (int)AxdrTag.Long64, -3L)]
        [DataRow("15 00 00 01 00 00 00 00 00", (int)AxdrTag.Long64Unsigned, 1099511627776L)]
        [DataRow("16 1E", (int)AxdrTag.Enum, 30L)]
        [DataRow("0D 12", (int)AxdrTag.Bcd, 18L)]
        public void Reads_every_integer_type(string hex, int tag, long value)
        {
            AxdrReader reader = Over(hex);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual(tag, (int)reader.Tag);
            Assert.IsTrue(reader.IsInteger);
            Assert.AreEqual(value, reader.Integer);
            Assert.IsTrue(reader.AtEnd);
        }

        [TestMethod]
        public void Reads_uint64_beyond_the_signed_range()
        {
            AxdrReader reader = Over("15 FF FF FF FF FF FF FF FF");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual(ulong.MaxValue, reader.Unsigned64);
            Assert.IsFalse(reader.IsInteger);
        }

        [TestMethod]
        public void Reads_floats()
        {
            // 230.5 as IEEE 754 single 0x43668000 and double 0x406CD00000000000.
            AxdrReader reader = Over("17 43 66 80 00 18 40 6C D0 00 00 00 00 00 17 BF C0 00 00");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual((int)AxdrTag.Float32, (int)reader.Tag);
            Assert.AreEqual(230.5, reader.Real);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual((int)AxdrTag.Float64, (int)reader.Tag);
            Assert.AreEqual(230.5, reader.Real);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual(-1.5, reader.Real);
        }

        [TestMethod]
        public void Reads_strings_and_bit_strings()
        {
            AxdrReader reader = Over("09 06 01 00 01 08 00 FF 0A 03 4C 47 5A 0C 02 C3 A9 04 0A FF C0 00");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual((int)AxdrTag.OctetString, (int)reader.Tag);
            Assert.AreEqual(2, reader.ValueStart);
            Assert.AreEqual(6, reader.ValueLength);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual((int)AxdrTag.VisibleString, (int)reader.Tag);
            Assert.AreEqual("LGZ", Ascii.Text(reader.Buffer, reader.ValueStart, reader.ValueLength));
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual((int)AxdrTag.Utf8String, (int)reader.Tag);
            Assert.AreEqual(2, reader.ValueLength);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual((int)AxdrTag.BitString, (int)reader.Tag);
            Assert.AreEqual(10, reader.Count);
            Assert.AreEqual(2, reader.ValueLength);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual((int)AxdrTag.NullData, (int)reader.Tag);
            Assert.IsTrue(reader.AtEnd);
        }

        [TestMethod]
        public void Reads_long_lengths()
        {
            byte[] data = new byte[3 + 300];
            data[0] = 0x09;
            data[1] = 0x82;
            data[2] = 0x01;
            data[3] = 0x2C;
            AxdrReader reader = new AxdrReader();
            reader.Reset(data, 0, 4 + 300 - 1 + 1 - 1);
            Assert.AreEqual((int)AxdrStatus.Truncated, (int)reader.Read(), "300 bytes announced, 299 present");
            byte[] full = new byte[4 + 300];
            full[0] = 0x09;
            full[1] = 0x82;
            full[2] = 0x01;
            full[3] = 0x2C;
            reader.Reset(full, 0, full.Length);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual(300, reader.ValueLength);
            Assert.IsTrue(reader.AtEnd);
        }

        [TestMethod]
        public void Reads_a_register_scaler_unit_structure()
        {
            // Register.scaler_unit: structure { integer -3, enum 30 (Wh) }
            AxdrReader reader = Over("02 02 0F FD 16 1E");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Structure));
            Assert.AreEqual(2, reader.Count);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Integer));
            Assert.AreEqual(-3L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Enum));
            Assert.AreEqual(30L, reader.Integer);
        }

        [TestMethod]
        public void Reads_date_time_with_deviation_and_clock_status()
        {
            // 2025-07-25 Friday 17:55:32, hundredths not specified, deviation -60 (CET), status 0x80 (daylight saving).
            AxdrReader reader = Over("19 07 E9 07 19 05 11 37 20 FF FF C4 80");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.DateTime));
            CosemDateTime value = reader.DateTime;
            Assert.AreEqual(2025, (int)value.Year);
            Assert.AreEqual(7, (int)value.Month);
            Assert.AreEqual(25, (int)value.Day);
            Assert.AreEqual(5, (int)value.DayOfWeek);
            Assert.AreEqual(17, (int)value.Hour);
            Assert.AreEqual(55, (int)value.Minute);
            Assert.AreEqual(32, (int)value.Second);
            Assert.AreEqual(0xFF, (int)value.Hundredths);
            Assert.AreEqual(-60, (int)value.Deviation);
            MeterTime time;
            Assert.IsTrue(value.TryGetMeterTime(out time));
            Assert.AreEqual(60, (int)time.UtcOffsetMinutes);
            Assert.IsTrue(time.HasOffset);
            Assert.AreEqual((int)DaylightSaving.Summer, (int)time.Season);
            Assert.AreEqual(new System.DateTime(2025, 7, 25, 17, 55, 32), time.Local);
        }

        [TestMethod]
        public void Date_time_with_not_specified_fields_is_kept_but_not_a_point_in_time()
        {
            // Year not specified, deviation not specified (0x8000), clock status not specified.
            AxdrReader reader = Over("19 FF FF 03 FE FF 02 00 00 FF 80 00 FF");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual((int)CosemDateTime.YearNotSpecified, (int)reader.DateTime.Year);
            Assert.AreEqual(0xFE, (int)reader.DateTime.Day, "last day of the month");
            Assert.IsFalse(reader.DateTime.HasDeviation);
            Assert.IsFalse(reader.DateTime.HasClockStatus);
            MeterTime time;
            Assert.IsFalse(reader.DateTime.TryGetMeterTime(out time));
        }

        [TestMethod]
        public void Deviation_not_specified_gives_a_time_without_offset()
        {
            AxdrReader reader = Over("19 07 EA 0B 15 06 0C 00 00 00 80 00 00");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            MeterTime time;
            Assert.IsTrue(reader.DateTime.TryGetMeterTime(out time));
            Assert.IsFalse(time.HasOffset);
            Assert.AreEqual((int)DaylightSaving.Standard, (int)time.Season);
        }

        [TestMethod]
        public void Reads_date_and_time()
        {
            AxdrReader reader = Over("1A 07 EA 0B 15 06 1B 0C 1E 00 FF");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Date));
            Assert.AreEqual(2026, (int)reader.DateTime.Year);
            Assert.AreEqual(0xFF, (int)reader.DateTime.Hour);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Time));
            Assert.AreEqual(12, (int)reader.DateTime.Hour);
            Assert.AreEqual(30, (int)reader.DateTime.Minute);
            Assert.AreEqual((int)CosemDateTime.YearNotSpecified, (int)reader.DateTime.Year);
        }

        [TestMethod]
        public void Reads_a_compact_array_of_structures_like_an_array()
        {
            // compact-array, type description structure { long-unsigned, octet-string }, contents 2 elements:
            // { 3, "AB" }, { 8, "" }.
            AxdrReader reader = Over("13 02 02 12 09 08 00 03 02 41 42 00 08 00 11 07");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual((int)AxdrTag.CompactArray, (int)reader.Tag);
            Assert.AreEqual(2, reader.Count);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Structure));
            Assert.AreEqual(2, reader.Count);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.LongUnsigned));
            Assert.AreEqual(3L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.OctetString));
            Assert.AreEqual("AB", Ascii.Text(reader.Buffer, reader.ValueStart, reader.ValueLength));
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Structure));
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.LongUnsigned));
            Assert.AreEqual(8L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.OctetString));
            Assert.AreEqual(0, reader.ValueLength);
            // Tagged data follows the compact array again.
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Unsigned));
            Assert.AreEqual(7L, reader.Integer);
            Assert.IsTrue(reader.AtEnd);
        }

        [TestMethod]
        public void Reads_a_compact_array_of_arrays_and_skips_it_whole()
        {
            // compact-array of array[2] of long: contents 2 × 2 × 2 bytes, then a boolean.
            AxdrReader reader = Over("13 01 00 02 10 08 00 01 00 02 FF FF FF FE 03 01");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Skip());
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Boolean));
            Assert.IsTrue(reader.AtEnd);

            reader = Over("13 01 00 02 10 08 00 01 00 02 FF FF FF FE");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual(2, reader.Count);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Array));
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Long));
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Long));
            Assert.AreEqual(2L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Array));
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Long));
            Assert.AreEqual(-1L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Long));
            Assert.AreEqual(-2L, reader.Integer);
            Assert.IsTrue(reader.AtEnd);
        }

        [TestMethod]
        [DataRow("13 02 02 12 09 06 00 03 02 41 42 00", "contents shorter than the description says")]
        [DataRow("13 12 04 00 01", "contents not a whole number of elements")]
        [DataRow("13 63 01 00", "unknown type in the description")]
        [DataRow("13 13 12 00", "compact array inside a compact array")]
        public void Rejects_inconsistent_compact_arrays(string hex, string why)
        {
            AxdrStatus status = Over(hex).Read();
            Assert.IsTrue(status == AxdrStatus.BadCompactArray || status == AxdrStatus.BadLength, why);
        }

        [TestMethod]
        public void Skips_nested_containers()
        {
            AxdrReader reader = Over("01 02 02 02 09 02 41 42 12 00 05 02 02 09 00 12 00 06 11 2A");
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Skip());
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read());
            Assert.AreEqual(42L, reader.Integer);
        }

        [TestMethod]
        public void Reports_truncation_unknown_tags_and_type_mismatch()
        {
            AxdrReader reader = Over("06 00 00");
            Assert.AreEqual((int)AxdrStatus.Truncated, (int)reader.Read());
            Assert.AreEqual(2, reader.ErrorDetail, "two bytes missing");

            reader = Over("07 00");
            Assert.AreEqual((int)AxdrStatus.UnknownTag, (int)reader.Read());
            Assert.AreEqual(7, reader.ErrorDetail);

            reader = Over("09 05 01 02");
            Assert.AreEqual((int)AxdrStatus.Truncated, (int)reader.Read());

            reader = Over("09 85 00 00 00 00 01");
            Assert.AreEqual((int)AxdrStatus.Truncated, (int)reader.Read(), "5-byte length field");

            reader = Over("11 05");
            Assert.AreEqual((int)AxdrStatus.TypeMismatch, (int)reader.Read(AxdrTag.LongUnsigned));
            Assert.AreEqual((int)AxdrTag.Unsigned, reader.ErrorDetail);

            reader = Over("");
            Assert.AreEqual((int)AxdrStatus.Truncated, (int)reader.Read());
        }
    }
}
