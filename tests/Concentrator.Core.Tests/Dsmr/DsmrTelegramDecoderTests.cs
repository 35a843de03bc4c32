using Concentrator.Core.Dsmr;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Dsmr
{
    [TestClass]
    public class DsmrTelegramDecoderTests
    {
        [TestMethod]
        public void LandisGyrE350_real_telegram_yields_every_reading_as_the_meter_stated_it()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            ReadingSet set = decoder.Readings;
            Assert.AreEqual(DsmrTelegrams.LandisGyrE350Readings, set.Count);
            Assert.AreEqual("dsmr", set.Protocol);
            Assert.AreEqual("XMX5LGBBFG1009325446", set.GetText(set.IdentificationStart, set.IdentificationLength));
            Assert.AreEqual("4530303331303033323339343536373136", set.GetText(set.MeterIdStart, set.MeterIdLength));
            Assert.IsTrue(set.HasTime);
            Assert.AreEqual("2019-09-05T21:40:03+02:00", DsmrFeed.IsoTime(set.Time));

            Reading t1 = DsmrFeed.Find(set, "1-0:1.8.1");
            Assert.AreEqual((int)ReadingKind.Number, (int)t1.Kind);
            Assert.AreEqual(3235689L, t1.Mantissa);
            Assert.AreEqual((sbyte)-3, t1.Exponent);
            Assert.AreEqual("kWh", DsmrFeed.UnitOf(set, t1));
            Assert.IsFalse(t1.HasTime);

            Reading power = DsmrFeed.Find(set, "1-0:1.7.0");
            Assert.AreEqual(374L, power.Mantissa);
            Assert.AreEqual((sbyte)-3, power.Exponent);
            Assert.AreEqual("kW", DsmrFeed.UnitOf(set, power));

            Reading tariff = DsmrFeed.Find(set, "0-0:96.14.0");
            Assert.AreEqual(2L, tariff.Mantissa);
            Assert.AreEqual((sbyte)0, tariff.Exponent);
            Assert.AreEqual(0, tariff.UnitLength);

            Reading message = DsmrFeed.Find(set, "0-0:96.13.1");
            Assert.AreEqual((int)ReadingKind.Empty, (int)message.Kind);

            Reading version = DsmrFeed.Find(set, "1-3:0.2.8");
            Assert.AreEqual((int)ReadingKind.Text, (int)version.Kind);
            Assert.AreEqual("42", DsmrFeed.TextOf(set, version));

            Reading gas = DsmrFeed.Find(set, "0-1:24.2.1");
            Assert.AreEqual(1091352L, gas.Mantissa);
            Assert.AreEqual((sbyte)-3, gas.Exponent);
            Assert.AreEqual("m3", DsmrFeed.UnitOf(set, gas));
            Assert.IsTrue(gas.HasTime);
            Assert.AreEqual("2019-09-05T21:00:00+02:00", DsmrFeed.IsoTime(gas.Time));
            Assert.AreEqual((int)DaylightSaving.Summer, (int)gas.Time.Season);

            Reading gasId = DsmrFeed.Find(set, "0-1:96.1.0");
            Assert.AreEqual((int)ReadingKind.Text, (int)gasId.Kind);
            Assert.AreEqual("4730303139333430333135333730363136", DsmrFeed.TextOf(set, gasId));

            // The power failure log: its count, then each entry under the logged object with its end time.
            Reading failures = DsmrFeed.Find(set, "1-0:99.97.0");
            Assert.AreEqual(1L, failures.Mantissa);
            Reading failure = DsmrFeed.Find(set, "0-0:96.7.19");
            Assert.AreEqual(9606L, failure.Mantissa);
            Assert.AreEqual("s", DsmrFeed.UnitOf(set, failure));
            Assert.AreEqual("2017-01-17T06:59:12+01:00", DsmrFeed.IsoTime(failure.Time));
        }

        [TestMethod]
        public void Iskra_DSMR5_real_telegram_is_accepted_with_three_phase_values()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.IskraAm550Dsmr50);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            ReadingSet set = decoder.Readings;
            Assert.AreEqual(33, set.Count); // 32 lines and one power-failure log entry
            Reading l2 = DsmrFeed.Find(set, "1-0:52.7.0");
            Assert.AreEqual(2345L, l2.Mantissa);
            Assert.AreEqual((sbyte)-1, l2.Exponent);
            Assert.AreEqual("V", DsmrFeed.UnitOf(set, l2));
            Assert.AreEqual(0.01, DsmrFeed.Find(set, "1-0:41.7.0").ToDouble());
            Assert.AreEqual("2019-03-24T15:05:41+01:00", DsmrFeed.IsoTime(set.Time));
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(7)]
        [DataRow(64)]
        [DataRow(255)]
        public void Telegram_arriving_in_pieces_decodes_the_same(int piece)
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42 + DsmrTelegrams.IskraAm550Dsmr50);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, piece));
            Assert.AreEqual(DsmrTelegrams.LandisGyrE350Readings, decoder.Readings.Count);
            Assert.AreEqual(6777240L, DsmrFeed.Find(decoder.Readings, "1-0:1.8.2").Mantissa);

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, piece));
            Assert.AreEqual(33, decoder.Readings.Count);
            Assert.AreEqual((int)DsmrStatus.NeedMoreData, (int)DsmrFeed.Next(decoder, data, ref position, piece));
            Assert.AreEqual(data.Length, position);
            Assert.AreEqual(2, decoder.GetCount(DsmrStatus.TelegramReady));
        }

        [TestMethod]
        public void Garbage_before_a_telegram_is_reported_and_the_telegram_still_decodes()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes("\r\n1-0:1.8.1(000123.456*kWh)\r\n!1A2B\r\n" + DsmrTelegrams.LandisGyrE350Dsmr42);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.GarbageSkipped, (int)DsmrFeed.Next(decoder, data, ref position, 5));
            Assert.AreEqual(30, decoder.LastError.Expected); // the tail of a telegram, without its line ends
            Assert.AreEqual("garbage before telegram: 30 bytes skipped before the '/' start", decoder.LastError.ToString());
            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, 5));
            Assert.AreEqual(DsmrTelegrams.LandisGyrE350Readings, decoder.Readings.Count);
        }

        [TestMethod]
        public void Line_ends_between_telegrams_are_not_garbage()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes("\r\n\r\n" + DsmrTelegrams.LandisGyrE350Dsmr42 + "\r\n\r\n" + DsmrTelegrams.LandisGyrE350Dsmr42 + "\r\n");
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, 16));
            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, 16));
            Assert.AreEqual((int)DsmrStatus.NeedMoreData, (int)DsmrFeed.Next(decoder, data, ref position, 16));
            Assert.AreEqual((int)DsmrStatus.NeedMoreData, (int)decoder.Finish(true));
            Assert.AreEqual(0, decoder.GetCount(DsmrStatus.GarbageSkipped));
        }

        [TestMethod]
        public void Truncated_telegram_is_reported_and_does_not_corrupt_the_next()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            string full = DsmrTelegrams.LandisGyrE350Dsmr42;
            byte[] data = Ascii.Bytes(full.Substring(0, 300) + full);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.Truncated, (int)DsmrFeed.Next(decoder, data, ref position, 64));
            Assert.AreEqual(300, decoder.LastError.Expected);
            Assert.AreEqual("truncated telegram: ended after 300 bytes without its '!' end marker (a new telegram started)", decoder.LastError.ToString());
            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, 64));
            Assert.AreEqual(3235689L, DsmrFeed.Find(decoder.Readings, "1-0:1.8.1").Mantissa);
        }

        [TestMethod]
        public void Input_that_ends_inside_a_telegram_is_truncated()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42.Substring(0, 100));
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.NeedMoreData, (int)DsmrFeed.Next(decoder, data, ref position, 100));
            Assert.IsTrue(decoder.InTelegram);
            Assert.AreEqual((int)DsmrStatus.Truncated, (int)decoder.Finish(true));
            Assert.AreEqual(DsmrTelegramDecoder.TruncatedByEndOfInput, decoder.LastError.Actual);
            Assert.IsFalse(decoder.InTelegram);
        }

        [TestMethod]
        public void Wrong_CRC_names_both_values_and_the_next_telegram_is_good()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            string corrupted = Ascii.ReplaceFirst(DsmrTelegrams.LandisGyrE350Dsmr42, "003235.689", "003235.688");
            byte[] data = Ascii.Bytes(corrupted + DsmrTelegrams.LandisGyrE350Dsmr42);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.BadCrc, (int)DsmrFeed.Next(decoder, data, ref position, 32));
            Assert.AreEqual(0xBB2A, decoder.LastError.Expected);
            Assert.AreNotEqual(0xBB2A, decoder.LastError.Actual);
            Assert.AreEqual(0, decoder.LastError.ToString().IndexOf("CRC mismatch: telegram says BB2A, computed "));
            Assert.AreEqual(0, decoder.Readings.Count);
            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, 32));
            Assert.AreEqual(3235689L, DsmrFeed.Find(decoder.Readings, "1-0:1.8.1").Mantissa);
            Assert.AreEqual(1, decoder.GetCount(DsmrStatus.BadCrc));
        }

        [TestMethod]
        public void Seed_E350_telegram_as_printed_fails_its_CRC()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.SeedE350);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.BadCrc, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual("CRC mismatch: telegram says 0C97, computed 3030", decoder.LastError.ToString());
            Assert.AreEqual(DsmrTelegrams.SeedE350ComputedCrc, decoder.LastError.Actual);
        }

        [TestMethod]
        public void Over_long_telegram_is_rejected_and_the_next_one_decodes()
        {
            DsmrDecoderOptions options = new DsmrDecoderOptions();
            options.MaxTelegramLength = 700;
            DsmrTelegramDecoder decoder = new DsmrTelegramDecoder(options);
            string oversized = DsmrTelegrams.IskraAm550Dsmr50; // 772 bytes; the E350 telegram after it has 624
            byte[] data = Ascii.Bytes(oversized + DsmrTelegrams.LandisGyrE350Dsmr42);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.TooLong, (int)DsmrFeed.Next(decoder, data, ref position, 100));
            Assert.AreEqual("telegram too long: more than 700 bytes without the '!' end marker", decoder.LastError.ToString());
            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, 100));
            Assert.AreEqual(DsmrTelegrams.LandisGyrE350Readings, decoder.Readings.Count);
            Assert.AreEqual(0, decoder.GetCount(DsmrStatus.GarbageSkipped));
        }

        [TestMethod]
        public void Malformed_CRC_field_is_reported()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(Ascii.ReplaceFirst(DsmrTelegrams.LandisGyrE350Dsmr42, "!BB2A", "!BB2X") + DsmrTelegrams.LandisGyrE350Dsmr42);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.MalformedCrc, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual("malformed CRC: expected 4 hex digits after '!', got 3 then 'X'", decoder.LastError.ToString());
            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual(0, decoder.GetCount(DsmrStatus.GarbageSkipped));
        }

        [TestMethod]
        public void DSMR4_telegram_without_CRC_is_rejected()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(Ascii.ReplaceFirst(DsmrTelegrams.LandisGyrE350Dsmr42, "!BB2A", "!"));
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.CrcMissing, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual("CRC missing: the telegram says DSMR version 42 (CRC required from 4.0) but ends without one", decoder.LastError.ToString());
        }

        [TestMethod]
        public void DSMR22_telegram_without_CRC_decodes_with_its_two_line_hourly_gas_value()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.Dsmr22);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, 10));
            ReadingSet set = decoder.Readings;
            Assert.AreEqual(16, set.Count);
            Assert.IsFalse(set.HasTime);
            Reading gas = DsmrFeed.Find(set, "0-1:24.3.0");
            Assert.AreEqual(4547L, gas.Mantissa);
            Assert.AreEqual((sbyte)-3, gas.Exponent);
            Assert.AreEqual("m3", DsmrFeed.UnitOf(set, gas));
            Assert.IsTrue(gas.HasTime);
            Assert.IsFalse(gas.Time.HasOffset); // DSMR 2.2 sends no season letter
            Assert.AreEqual("2012-10-30T14:00:00", DsmrFeed.IsoTime(gas.Time));
            Assert.AreEqual(29L, DsmrFeed.Find(set, "1-0:1.7.0").Mantissa);
            Assert.AreEqual((sbyte)-2, DsmrFeed.Find(set, "1-0:1.7.0").Exponent);
        }

        [TestMethod]
        public void Belgian_telegram_with_peak_demand_and_monthly_peak_log()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.BelgianEmucs);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            ReadingSet set = decoder.Readings;
            Assert.AreEqual("3153414123456789303435393436", set.GetText(set.MeterIdStart, set.MeterIdLength));
            Assert.AreEqual("2020-05-12T13:54:09+02:00", DsmrFeed.IsoTime(set.Time));

            // Current month's peak, with the time it happened.
            Reading peak = DsmrFeed.Find(set, "1-0:1.6.0", 0);
            Assert.AreEqual(2589L, peak.Mantissa);
            Assert.AreEqual("2020-05-09T13:45:58+02:00", DsmrFeed.IsoTime(peak.Time));

            // The 98.1.0 log: count 3, then three monthly peaks under 1-0:1.6.0 with their own times.
            Assert.AreEqual(3L, DsmrFeed.Find(set, "0-0:98.1.0").Mantissa);
            Reading april = DsmrFeed.Find(set, "1-0:1.6.0", 1);
            Assert.AreEqual(3695L, april.Mantissa);
            Assert.AreEqual("2020-04-23T19:25:38+02:00", DsmrFeed.IsoTime(april.Time));
            Reading february = DsmrFeed.Find(set, "1-0:1.6.0", 3);
            Assert.AreEqual(4318L, february.Mantissa);
            Assert.AreEqual("2020-02-10T03:54:21+01:00", DsmrFeed.IsoTime(february.Time));

            Reading gas = DsmrFeed.Find(set, "0-1:24.2.3");
            Assert.AreEqual(112384L, gas.Mantissa);
            Assert.AreEqual("2020-05-12T13:45:58+02:00", DsmrFeed.IsoTime(gas.Time));
            Assert.AreEqual("50217", DsmrFeed.TextOf(set, DsmrFeed.Find(set, "0-0:96.1.4"))); // version: text, like 1-3:0.2.8
        }

        [TestMethod]
        public void Swedish_and_Luxembourg_variants_decode()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.SwedishH1 + DsmrTelegrams.LuxembourgSmarty);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, 50));
            Reading reactive = DsmrFeed.Find(decoder.Readings, "1-0:4.8.0");
            Assert.AreEqual(1020971L, reactive.Mantissa);
            Assert.AreEqual("kvarh", DsmrFeed.UnitOf(decoder.Readings, reactive));
            Assert.AreEqual(0, decoder.Readings.MeterIdLength);

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, 50));
            ReadingSet set = decoder.Readings;
            Assert.AreEqual("53414731303330313836373732383839", set.GetText(set.MeterIdStart, set.MeterIdLength));
            Reading limit = DsmrFeed.Find(set, "0-0:17.0.0");
            Assert.AreEqual(30L, limit.Mantissa);
            Assert.AreEqual("kVA", DsmrFeed.UnitOf(set, limit));
        }

        [TestMethod]
        public void Impossible_timestamp_in_a_log_keeps_the_value_flagged()
        {
            string body = "/XMX5LGBBFG1009325446\r\n\r\n1-3:0.2.8(42)\r\n1-0:99.97.0(1)(0-0:96.7.19)(632525252525W)(0000000240*s)\r\n!";
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(WithCrc(body));
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            Reading entry = DsmrFeed.Find(decoder.Readings, "0-0:96.7.19");
            Assert.AreEqual(240L, entry.Mantissa);
            Assert.IsFalse(entry.HasTime);
            Assert.AreEqual((int)ReadingFlags.InvalidTimestamp, (int)entry.Flags);
            Assert.AreEqual("632525252525W", DsmrFeed.TextOf(decoder.Readings, entry));
        }

        [TestMethod]
        [DataRow("1-0:1.8.1 000687.138*kWh)", "malformed line 4: expected '(' after the OBIS code in '1-0:1.8.1 000687.138*kWh)'")]
        [DataRow("1-0:1.8.1(000687.138*kWh", "malformed line 4: '(' without its ')' in '1-0:1.8.1(000687.138*kWh'")]
        [DataRow("1-0;1.8.1(000687.138*kWh)", "malformed line 4: not an OBIS code (expected A-B:C.D.E) in '1-0;1.8.1'")]
        [DataRow("1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)", "malformed line 4: log says 2 entries, carries 1 in '1-0:99.97.0(2)(0-0:96.7.19)(101208152415'")]
        public void Malformed_line_names_the_line_and_the_check(string line, string message)
        {
            string body = "/XMX5LGBBFG1009325446\r\n\r\n1-3:0.2.8(42)\r\n" + line + "\r\n0-0:96.14.0(0001)\r\n!";
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(WithCrc(body) + DsmrTelegrams.LandisGyrE350Dsmr42);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.MalformedLine, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual(message, decoder.LastError.ToString());
            Assert.AreEqual(4, decoder.LastError.Line);
            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
        }

        [TestMethod]
        public void More_readings_than_the_capacity_is_a_clear_failure()
        {
            DsmrDecoderOptions options = new DsmrDecoderOptions();
            options.MaxReadings = 10;
            DsmrTelegramDecoder decoder = new DsmrTelegramDecoder(options);
            byte[] data = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42);
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.CapacityExceeded, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual("capacity exceeded: the telegram needs more than 10 readings (raise the decoder's capacity)", decoder.LastError.ToString());
            Assert.AreEqual(0, decoder.Readings.Count);
        }

        [TestMethod]
        public void Unknown_multi_group_line_is_kept_whole_as_text()
        {
            string body = "/XMX5LGBBFG1009325446\r\n\r\n0-0:96.50.68(ON)(OFF)\r\n!";
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(WithCrc(body));
            int position = 0;

            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            Reading reading = DsmrFeed.Find(decoder.Readings, "0-0:96.50.68");
            Assert.AreEqual((int)ReadingKind.Text, (int)reading.Kind);
            Assert.AreEqual("(ON)(OFF)", DsmrFeed.TextOf(decoder.Readings, reading));
        }

        /// <summary>Appends the CRC of '/'…'!' as DSMR does (the CRC itself is checked against published vectors elsewhere).</summary>
        private static string WithCrc(string body)
        {
            byte[] bytes = Ascii.Bytes(body);
            return body + Concentrator.Core.Checksums.Crc16.Arc(bytes, 0, bytes.Length).ToString("X4") + "\r\n";
        }
    }
}
