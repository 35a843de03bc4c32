using System;
using Concentrator.Core.Json;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Readings
{
    [TestClass]
    public class ReadingRecordCodecTests
    {
        private static readonly DateTime Received = ReadingSamples.Received;

        private static string Json(string meterId, ReadingSet set, DateTime received)
        {
            JsonWriter writer = new JsonWriter(8192);
            new ReadingJsonFormatter().WriteReadingsPayload(writer, meterId, set, received);
            Assert.IsFalse(writer.Overflowed);
            return Ascii.Text(writer.Buffer, 0, writer.Length);
        }

        private static byte[] Encode(string meterId, ReadingSet set, DateTime received)
        {
            byte[] buffer = new byte[8192];
            int length;
            ReadingRecordCodec codec = new ReadingRecordCodec();
            Assert.AreEqual((int)ReadingRecordStatus.Ok, (int)codec.Encode(meterId, set, received, buffer, 0, buffer.Length, out length), codec.Problem);
            byte[] record = new byte[length];
            Array.Copy(buffer, record, length);
            return record;
        }

        // The property that matters: the payload from the record is the payload of the set, byte for byte.
        private static ReadingSet AssertSameJson(string meterId, ReadingSet set, DateTime received)
        {
            byte[] record = Encode(meterId, set, received);
            ReadingRecordCodec codec = new ReadingRecordCodec();
            ReadingSet decoded = new ReadingSet(set.Capacity, set.TextCapacity);
            Assert.AreEqual((int)ReadingRecordStatus.Ok, (int)codec.Decode(record, 0, record.Length, decoded), codec.Problem);
            Assert.AreEqual(meterId, Ascii.Text(record, codec.MeterIdOffset, codec.MeterIdLength));
            Assert.AreEqual(Json(meterId, set, received), Json(meterId, decoded, codec.ReceivedUtc));
            return decoded;
        }

        private static ReadingSet NewSet()
        {
            ReadingSet set = new ReadingSet(16, 1024);
            set.Protocol = "dlms";
            return set;
        }

        [TestMethod]
        public void Realistic_sets_give_the_same_payload_and_a_fraction_of_its_size()
        {
            ReadingSet e350 = ReadingSamples.DsmrE350();
            AssertSameJson("p1", e350, Received);
            AssertSameJson("m07", ReadingSamples.IecFive(), Received);
            AssertSameJson("m07", ReadingSamples.DlmsTwenty(), Received);

            // Record body against JSON payload (see Forwarding/README.md for the table).
            Assert.IsTrue(Encode("m07", ReadingSamples.IecFive(), Received).Length * 4 < Json("m07", ReadingSamples.IecFive(), Received).Length);
            Assert.IsTrue(Encode("m07", ReadingSamples.DlmsTwenty(), Received).Length * 4 < Json("m07", ReadingSamples.DlmsTwenty(), Received).Length);
            Assert.IsTrue(Encode("p1", e350, Received).Length * 2 < Json("p1", e350, Received).Length);
        }

        [TestMethod]
        public void Dsmr_telegram_with_log_entries_invalid_time_empty_value_and_gas_time_round_trips()
        {
            // The telegram of ReadingJsonFormatterTests: text, timestamp, repeated OBIS, an invalid log time, W and S flags.
            ReadingSet set = ReadingSamples.DsmrE350();
            ReadingSet decoded = AssertSameJson("p1", set, Received);
            Assert.AreEqual(set.Count, decoded.Count);
            Assert.AreEqual((int)set.Time.Season, (int)decoded.Time.Season);
            Assert.AreEqual((int)set.Time.UtcOffsetMinutes, (int)decoded.Time.UtcOffsetMinutes);
        }

        [TestMethod]
        [DataRow(0L, 0)]
        [DataRow(-1L, 0)]
        [DataRow(-3235689L, -3)]
        [DataRow(9223372036854775807L, 0)]
        [DataRow(-9223372036854775808L, -128)]
        [DataRow(123456789012345L, 127)]
        [DataRow(1L, -9)]
        public void Every_number_keeps_its_mantissa_and_exponent(long mantissa, int exponent)
        {
            ReadingSet set = NewSet();
            ReadingSamples.Add(set, 1, 0, 1, 8, 0, mantissa, exponent, "kWh");
            ReadingSet decoded = AssertSameJson("m1", set, Received);
            Assert.AreEqual(mantissa, decoded[0].Mantissa);
            Assert.AreEqual(exponent, (int)decoded[0].Exponent);
        }

        [TestMethod]
        public void Set_without_meter_time_and_times_with_and_without_offset_round_trip()
        {
            ReadingSet set = NewSet();
            ReadingSamples.Add(set, 1, 0, 1, 8, 0, 1, 0, null);
            ReadingSet decoded = AssertSameJson("m1", set, Received);
            Assert.IsFalse(decoded.HasTime);

            set.HasTime = true;
            set.Time = new MeterTime(new DateTime(2024, 3, 31, 3, 0, 0), DaylightSaving.Summer, true, 120);
            Reading gas = ReadingSamples.Add(set, 0, 1, 24, 2, 1, 109135, -2, "m3");
            gas.HasTime = true;
            gas.Time = new MeterTime(new DateTime(2024, 3, 31, 1, 59, 59), DaylightSaving.Standard, true, 60);
            Reading local = ReadingSamples.Add(set, 1, 0, 1, 6, 0, 2584, -3, "kW");
            local.HasTime = true;
            local.Time = new MeterTime(new DateTime(1999, 12, 31, 23, 59, 58), DaylightSaving.Unknown, false, 0);
            decoded = AssertSameJson("m1", set, Received);
            Assert.AreEqual((int)DaylightSaving.Summer, (int)decoded.Time.Season);
            Assert.AreEqual((int)DaylightSaving.Standard, (int)decoded[1].Time.Season);
            Assert.IsFalse(decoded[2].Time.HasOffset);
            Assert.AreEqual(new DateTime(1999, 12, 31, 23, 59, 58).Ticks, decoded[2].Time.Local.Ticks);

            // A board whose clock was never set reads 1970: still encodable.
            AssertSameJson("m1", set, new DateTime(1970, 1, 1, 0, 0, 5));
        }

        [TestMethod]
        public void Quality_flags_status_second_index_signature_and_text_kinds_round_trip()
        {
            ReadingSet set = NewSet();
            set.Protocol = "sml";
            set.Flags = ReadingFlags.ClockSkew | ReadingFlags.Stale;
            set.HasSecondIndex = true;
            set.SecondIndex = 31536000;
            set.MeterIdLength = 10;
            set.MeterIdStart = set.AppendAscii("1ESY116034");
            set.SignatureLength = 8;
            set.SignatureStart = set.AppendAscii("00ff10ab");
            set.IdentificationLength = 4;
            set.IdentificationStart = set.AppendAscii("ESY5");

            Reading energy = ReadingSamples.Add(set, 1, 0, 1, 8, 0, 123, 1, "Wh");
            energy.Flags = ReadingFlags.CounterWentBackwards | ReadingFlags.OutOfRange;
            energy.HasStatus = true;
            energy.Status = 18446744073709551615UL;
            energy.HasSecondIndex = true;
            energy.SecondIndex = -5;
            energy.SignatureLength = 4;
            energy.SignatureStart = set.AppendAscii("beef");

            Reading text = set.Add();
            text.Obis = new ObisCode(129, 129, 199, 130, 3, 255); // A, B above 15: the long OBIS form
            text.Kind = ReadingKind.Text;
            text.TextLength = 6;
            text.TextStart = set.AppendAscii("ISK\"\\x");

            Reading empty = set.Add();
            empty.Obis = new ObisCode(0, 0, 96, 13, 0, 7); // F not 255: the long form
            empty.Kind = ReadingKind.Empty;

            Reading stamp = set.Add();
            stamp.Obis = new ObisCode(0, 0, 1, 0, 0, 255);
            stamp.Kind = ReadingKind.Timestamp;
            stamp.TextLength = 13;
            stamp.TextStart = set.AppendAscii("190905214003S");
            stamp.HasTime = true;
            stamp.Time = new MeterTime(new DateTime(2019, 9, 5, 21, 40, 3), DaylightSaving.Summer, true, 120);

            Reading odd = ReadingSamples.Add(set, 1, 0, 99, 1, 0, 7, 0, "°C");
            odd.Flags = ReadingFlags.InvalidTimestamp;
            odd.TextLength = 13;
            odd.TextStart = set.AppendAscii("632525252525W");

            ReadingSet decoded = AssertSameJson("bus-07", set, Received);
            Assert.AreEqual((int)(ReadingFlags.ClockSkew | ReadingFlags.Stale), (int)decoded.Flags);
            Assert.AreEqual(18446744073709551615UL, decoded[0].Status);
            Assert.AreEqual("sml", decoded.Protocol);

            set.Protocol = "vendor-x";
            decoded = AssertSameJson("bus-07", set, Received);
            Assert.AreEqual("vendor-x", decoded.Protocol);
            set.Protocol = null;
            AssertSameJson("bus-07", set, Received);
        }

        [TestMethod]
        [DataRow("ABC12")]
        [DataRow("4530303331303033323339343536373136")]
        [DataRow("00ff10ab7")]
        [DataRow("AbCd")]
        [DataRow("24-11-02 09:15")]
        [DataRow("0.2.8: 99S")]
        [DataRow("12.5kW")]
        [DataRow("")]
        [DataRow("0001234567890123456789012345678901234567890123456789012345678901234567890123456789")]
        public void Texts_keep_every_character_whatever_form_packs_them(string value)
        {
            ReadingSet set = NewSet();
            Reading reading = set.Add();
            reading.Obis = new ObisCode(0, 0, 96, 1, 0, 255);
            reading.Kind = ReadingKind.Text;
            reading.TextLength = value.Length;
            reading.TextStart = set.AppendAscii(value);
            ReadingSet decoded = AssertSameJson("m1", set, Received);
            Assert.AreEqual(value, decoded.GetText(decoded[0].TextStart, decoded[0].TextLength));
        }

        [TestMethod]
        public void A_full_set_round_trips_and_needs_a_set_as_large()
        {
            ReadingSet set = new ReadingSet(96, 4096);
            set.Protocol = "iec62056-21";
            for (int i = 0; i < set.Capacity; i++)
            {
                ReadingSamples.Add(set, 1, 0, (byte)(i + 1), 8, (byte)(i % 5), i * 1000003L, -3, i % 2 == 0 ? "kWh" : "kvarh");
            }

            AssertSameJson("m31", set, Received);
            byte[] record = Encode("m31", set, Received);
            ReadingRecordCodec codec = new ReadingRecordCodec();
            ReadingSet small = new ReadingSet(95, 4096);
            Assert.AreEqual((int)ReadingRecordStatus.CapacityExceeded, (int)codec.Decode(record, 0, record.Length, small));
            Assert.IsTrue(codec.Problem.IndexOf("holds 96 readings") >= 0, codec.Problem);
            Assert.AreEqual(0, small.Count);

            ReadingSet tight = new ReadingSet(96, 100);
            Assert.AreEqual((int)ReadingRecordStatus.CapacityExceeded, (int)codec.Decode(record, 0, record.Length, tight));
            Assert.IsTrue(codec.Problem.IndexOf("unit") >= 0, codec.Problem);
        }

        [TestMethod]
        public void Truncated_records_are_reported_at_every_length()
        {
            byte[] record = Encode("m07", ReadingSamples.DlmsTwenty(), Received);
            ReadingRecordCodec codec = new ReadingRecordCodec();
            ReadingSet set = new ReadingSet(24, 512);
            for (int length = 0; length < record.Length; length++)
            {
                Assert.AreEqual((int)ReadingRecordStatus.Truncated, (int)codec.Decode(record, 0, length, set), "length " + length.ToString());
                Assert.IsTrue(codec.Problem.IndexOf("truncated") >= 0);
                Assert.AreEqual(0, set.Count);
            }

            Assert.AreEqual((int)ReadingRecordStatus.Truncated, (int)codec.Decode(record, 0, record.Length - 1, set));
            Assert.IsTrue(codec.Problem.IndexOf("reading 19 ") >= 0, codec.Problem);
        }

        [TestMethod]
        public void Damaged_records_give_a_specific_error_and_never_throw()
        {
            byte[] record = Encode("m07", ReadingSamples.IecFive(), Received);
            ReadingRecordCodec codec = new ReadingRecordCodec();
            ReadingSet set = new ReadingSet(40, 1024);

            byte[] copy = (byte[])record.Clone();
            copy[0] = 2;
            Assert.AreEqual((int)ReadingRecordStatus.UnsupportedVersion, (int)codec.Decode(copy, 0, copy.Length, set));
            Assert.IsTrue(codec.Problem.IndexOf("version 2") >= 0, codec.Problem);

            byte[] longer = new byte[record.Length + 1];
            Array.Copy(record, longer, record.Length);
            Assert.AreEqual((int)ReadingRecordStatus.TrailingBytes, (int)codec.Decode(longer, 0, longer.Length, set));

            copy = (byte[])record.Clone();
            copy[2] = 0x07; // a control character in the meter id
            Assert.AreEqual((int)ReadingRecordStatus.Malformed, (int)codec.Decode(copy, 0, copy.Length, set));
            Assert.IsTrue(codec.Problem.IndexOf("meter id") >= 0, codec.Problem);

            copy = (byte[])record.Clone();
            copy[5] = 9; // protocol code
            Assert.AreEqual((int)ReadingRecordStatus.Malformed, (int)codec.Decode(copy, 0, copy.Length, set));
            Assert.IsTrue(codec.Problem.IndexOf("protocol") >= 0, codec.Problem);

            // Every single-byte change: a status, never an exception.
            for (int i = 0; i < record.Length; i++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    copy = (byte[])record.Clone();
                    copy[i] ^= (byte)(1 << bit);
                    ReadingRecordStatus status = codec.Decode(copy, 0, copy.Length, set);
                    Assert.IsTrue(status == ReadingRecordStatus.Ok || codec.Problem != null);
                }
            }
        }

        [TestMethod]
        public void Encoding_rejects_bad_meter_ids_and_small_buffers()
        {
            ReadingSet set = ReadingSamples.DlmsTwenty();
            ReadingRecordCodec codec = new ReadingRecordCodec();
            byte[] buffer = new byte[512];
            int length;
            Assert.AreEqual((int)ReadingRecordStatus.BadMeterId, (int)codec.Encode("", set, Received, buffer, 0, buffer.Length, out length));
            Assert.AreEqual((int)ReadingRecordStatus.BadMeterId, (int)codec.Encode("m 1", set, Received, buffer, 0, buffer.Length, out length));
            Assert.AreEqual((int)ReadingRecordStatus.BadMeterId, (int)codec.Encode("zähler", set, Received, buffer, 0, buffer.Length, out length));
            Assert.AreEqual((int)ReadingRecordStatus.Ok, (int)codec.Encode("m1", set, Received, buffer, 0, buffer.Length, out length));
            int needed = length;
            Assert.AreEqual((int)ReadingRecordStatus.BufferTooSmall, (int)codec.Encode("m1", set, Received, buffer, 10, needed - 1, out length));
            Assert.AreEqual(0, length);
            Assert.AreEqual((int)ReadingRecordStatus.Ok, (int)codec.Encode("m1", set, Received, buffer, 10, needed, out length));
            Assert.AreEqual(needed, length);
        }

        [TestMethod]
        public void Protocol_codes_match_the_decoders_names()
        {
            ReadingRecordCodec codec = new ReadingRecordCodec();
            ReadingSet set = NewSet();
            byte[] buffer = new byte[64];
            int length;
            string[] names = { Concentrator.Core.Iec62056.IecMessageDecoder.ProtocolName, Concentrator.Core.Dlms.CosemObjectReader.ProtocolName, "dsmr", "sml" };
            for (int i = 0; i < names.Length; i++)
            {
                set.Protocol = names[i];
                codec.Encode("m1", set, Received, buffer, 0, buffer.Length, out length);
                Assert.IsTrue(buffer[4] >= 1 && buffer[4] <= 4, names[i] + " has a one-byte code");
            }
        }
    }
}
