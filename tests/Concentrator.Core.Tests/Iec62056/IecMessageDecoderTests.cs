using Concentrator.Core.Iec62056;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Iec62056
{
    [TestClass]
    public class IecMessageDecoderTests
    {
        [TestMethod]
        public void Landis_Gyr_readout_yields_every_data_set_form()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] data = IecFrames.Readout(IecFrames.LandisGyrIdentification, IecFrames.LandisGyrData);
            int position = 0;

            Assert.AreEqual((int)IecStatus.IdentificationReady, (int)IecFrames.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual((int)IecStatus.ReadoutReady, (int)IecFrames.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual(data.Length, position);

            ReadingSet set = decoder.Readings;
            Assert.AreEqual(IecFrames.LandisGyrReadings, set.Count);
            Assert.AreEqual("iec62056-21", set.Protocol);
            Assert.AreEqual(IecFrames.LandisGyrIdentification, set.GetText(set.IdentificationStart, set.IdentificationLength));
            Assert.AreEqual("50100800", set.GetText(set.MeterIdStart, set.MeterIdLength), "C.1.0 is the meter's serial number");
            Assert.IsTrue(set.HasTime);
            Assert.AreEqual("2024-11-21T14:35:12", DsmrFeed.IsoTime(set.Time), "0.9.2 1YYMMDD and 0.9.1 hhmmss");

            Reading total = DsmrFeed.Find(set, "1-0:1.8.0");
            Assert.AreEqual((int)ReadingKind.Number, (int)total.Kind);
            Assert.AreEqual(12345678L, total.Mantissa);
            Assert.AreEqual((sbyte)-3, total.Exponent);
            Assert.AreEqual("kWh", DsmrFeed.UnitOf(set, total));

            Reading reactive = DsmrFeed.Find(set, "1-0:3.8.0");
            Assert.AreEqual(3451L, reactive.Mantissa);
            Assert.AreEqual("kvarh", DsmrFeed.UnitOf(set, reactive));

            Reading errors = DsmrFeed.Find(set, "0-0:97.97.0");
            Assert.AreEqual((int)ReadingKind.Text, (int)errors.Kind, "F.F keeps its digits as text");
            Assert.AreEqual("00000000", DsmrFeed.TextOf(set, errors));

            Reading demand = DsmrFeed.Find(set, "1-0:1.6.1");
            Assert.AreEqual(2584L, demand.Mantissa);
            Assert.AreEqual("kW", DsmrFeed.UnitOf(set, demand));
            Assert.IsTrue(demand.HasTime);
            Assert.AreEqual("2024-11-02T09:15:00", DsmrFeed.IsoTime(demand.Time));

            Reading previous = DsmrFeed.Find(set, "1-0:1.6.1*10");
            Assert.AreEqual(3001L, previous.Mantissa);
            Assert.AreEqual("2024-10-15T08:45:00", DsmrFeed.IsoTime(previous.Time));

            Assert.AreEqual(2314L, DsmrFeed.Find(set, "1-0:32.7.0").Mantissa, "first of three data sets on one line");
            Assert.AreEqual(2309L, DsmrFeed.Find(set, "1-0:52.7.0").Mantissa);
            Assert.AreEqual(2320L, DsmrFeed.Find(set, "1-0:72.7.0").Mantissa);
            Assert.AreEqual((int)ReadingKind.Empty, (int)DsmrFeed.Find(set, "0-0:96.90.1").Kind);
            Assert.AreEqual("ERROR", DsmrFeed.TextOf(set, DsmrFeed.Find(set, "0-0:99.98.0")));
            Assert.AreEqual("B32", DsmrFeed.TextOf(set, DsmrFeed.Find(set, "0-0:0.2.0")));
        }

        [TestMethod]
        public void Byte_by_byte_feeding_gives_the_same_readout()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] data = IecFrames.Readout(IecFrames.LandisGyrIdentification, IecFrames.LandisGyrData);
            for (int piece = 1; piece <= 64; piece *= 4)
            {
                int position = 0;
                Assert.AreEqual((int)IecStatus.IdentificationReady, (int)IecFrames.Next(decoder, data, ref position, piece));
                Assert.AreEqual((int)IecStatus.ReadoutReady, (int)IecFrames.Next(decoder, data, ref position, piece));
                Assert.AreEqual(IecFrames.LandisGyrReadings, decoder.Readings.Count);
            }
        }

        [TestMethod]
        public void Wrong_bcc_is_rejected_naming_both_values_and_the_next_readout_still_decodes()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] good = IecFrames.DataMessage("1.8.0(0000001.000*kWh)\r\n!\r\n");
            byte[] bad = IecFrames.DataMessage("1.8.0(0000001.000*kWh)\r\n!\r\n");
            byte stated = (byte)(bad[bad.Length - 1] ^ 0x5A);
            byte computed = bad[bad.Length - 1];
            bad[bad.Length - 1] = stated;
            byte[] data = Ascii.Concat(bad, good);
            int position = 0;

            Assert.AreEqual((int)IecStatus.BadBcc, (int)IecFrames.Next(decoder, data, ref position, 7));
            Assert.AreEqual((int)stated, decoder.LastError.Expected);
            Assert.AreEqual((int)computed, decoder.LastError.Actual);
            Assert.AreEqual("BCC mismatch: block says " + stated.ToString("X2") + ", computed " + computed.ToString("X2"), decoder.LastError.ToString());
            Assert.AreEqual((int)IecStatus.ReadoutReady, (int)IecFrames.Next(decoder, data, ref position, 7));
            Assert.AreEqual(1000L, decoder.Readings[0].Mantissa);
            Assert.AreEqual(1, decoder.GetCount(IecStatus.BadBcc));
        }

        [TestMethod]
        public void Short_and_full_addresses_multiple_groups_and_continuation_lines()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] data = IecFrames.DataMessage(
                "1-0:1.8.1(001234.567*kWh)\r\n" +
                "1.8.1(001234.567)\r\n" +
                "P.01(2411210000)(00000000)(15)(2)\r\n" +
                "(0.123)(0.456)\r\n" +
                "0.0.0()\r\n" +
                "!\r\n");
            int position = 0;

            Assert.AreEqual((int)IecStatus.ReadoutReady, (int)IecFrames.Next(decoder, data, ref position, data.Length));
            ReadingSet set = decoder.Readings;
            Reading full = DsmrFeed.Find(set, "1-0:1.8.1", 0);
            Reading bare = DsmrFeed.Find(set, "1-0:1.8.1", 1);
            Assert.AreEqual(1234567L, full.Mantissa);
            Assert.AreEqual("kWh", DsmrFeed.UnitOf(set, full));
            Assert.AreEqual(1234567L, bare.Mantissa);
            Assert.AreEqual(0, bare.UnitLength);

            // The profile header: its leading time belongs to the value after it; the row below continues the data set.
            Reading header = DsmrFeed.Find(set, "0-0:99.1.0", 0);
            Assert.IsTrue(header.HasTime);
            Assert.AreEqual("2024-11-21T00:00:00", DsmrFeed.IsoTime(header.Time));
            Assert.AreEqual(0L, header.Mantissa);
            Assert.AreEqual(15L, DsmrFeed.Find(set, "0-0:99.1.0", 1).Mantissa);
            Assert.AreEqual(2L, DsmrFeed.Find(set, "0-0:99.1.0", 2).Mantissa);
            Assert.AreEqual(123L, DsmrFeed.Find(set, "0-0:99.1.0", 3).Mantissa);
            Assert.AreEqual(456L, DsmrFeed.Find(set, "0-0:99.1.0", 4).Mantissa);
            Assert.AreEqual((int)ReadingKind.Empty, (int)DsmrFeed.Find(set, "0-0:0.0.0").Kind);
            Assert.AreEqual(0, set.MeterIdLength, "an empty device address is no meter number");
        }

        [TestMethod]
        public void Malformed_line_names_the_line_and_the_check()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] data = IecFrames.DataMessage("1.8.1(1.0*kWh)\r\n1.8.2(2.0*kWh\r\n!\r\n");
            int position = 0;

            Assert.AreEqual((int)IecStatus.MalformedLine, (int)IecFrames.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual(2, decoder.LastError.Line);
            Assert.AreEqual((int)IecLineProblem.UnclosedGroup, (int)decoder.LastError.Problem);
            Assert.AreEqual("malformed line 2: '(' without its ')' in '1.8.2(2.0*kWh'", decoder.LastError.ToString());
            Assert.AreEqual(0, decoder.Readings.Count, "a rejected readout leaves no half readings");
        }

        [TestMethod]
        public void Bad_address_is_reported()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] data = IecFrames.DataMessage("1.8.1.2.3.4.5(1)\r\n!\r\n");
            int position = 0;

            Assert.AreEqual((int)IecStatus.MalformedLine, (int)IecFrames.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual((int)IecLineProblem.BadObisCode, (int)decoder.LastError.Problem);
        }

        [TestMethod]
        public void Silence_in_the_middle_is_a_truncation_and_the_seed_capture_is_diagnosed_as_7E1_read_as_8N1()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] data = IecFrames.DataMessage("1.8.0(0000001.000*kWh)\r\n!\r\n");
            int consumed;
            Assert.AreEqual((int)IecStatus.NeedMoreData, (int)decoder.Feed(data, 0, 10, out consumed));
            Assert.AreEqual((int)IecStatus.Truncated, (int)decoder.Finish(false));
            Assert.AreEqual("truncated message: ended after 9 bytes without its end character (the line went silent)", decoder.LastError.ToString());

            // PROTOCOLS.md / the Gurux forum seed: the reader's own SNRM, echoed at 7E1 and read as 8N1.
            byte[] capture = new byte[] { 0x7E, 0xA0, 0x87, 0x03, 0x21, 0x93, 0x0F, 0x81, 0x7E };
            Assert.AreEqual((int)IecStatus.NeedMoreData, (int)decoder.Feed(capture, 0, capture.Length, out consumed));
            Assert.AreEqual((int)IecStatus.GarbageSkipped, (int)decoder.Finish(true));
            Assert.AreEqual(9, decoder.LastError.Expected);
            Assert.AreEqual(4, decoder.LastError.HighBitBytes);
            Assert.IsTrue(decoder.LastError.HighBitIsEvenParity);
            Assert.IsTrue(decoder.LastError.ToString().IndexOf("7E1 characters read as 8N1") > 0);
        }

        [TestMethod]
        public void Programming_mode_messages_password_request_ack_nak_and_register_answer()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] data = Ascii.Concat(IecFrames.Command("P0", "(11620371)"), new byte[] { 0x06, 0x15 });
            data = Ascii.Concat(data, IecFrames.DataMessage("(0012345.678*kWh)"));
            int position = 0;

            Assert.AreEqual((int)IecStatus.CommandReady, (int)IecFrames.Next(decoder, data, ref position, 3));
            Assert.AreEqual((byte)'P', decoder.CommandCharacter);
            Assert.AreEqual((byte)'0', decoder.CommandType);
            Assert.AreEqual("(11620371)", Ascii.Text(decoder.Block, decoder.CommandDataOffset, decoder.BlockLength - decoder.CommandDataOffset));
            Assert.AreEqual((int)IecStatus.Acknowledged, (int)IecFrames.Next(decoder, data, ref position, 3));
            Assert.AreEqual((int)IecStatus.NegativeAcknowledged, (int)IecFrames.Next(decoder, data, ref position, 3));
            Assert.AreEqual((int)IecStatus.DataBlockReady, (int)IecFrames.Next(decoder, data, ref position, 3));
            Assert.IsFalse(decoder.BlockIsPartial);

            ReadingSet registers = new ReadingSet(4, 64);
            ObisCode requested;
            ObisCode.TryParse("1.8.0", out requested);
            Assert.AreEqual((int)IecStatus.ReadoutReady, (int)decoder.ParseBlockInto(registers, requested));
            Assert.AreEqual(1, registers.Count);
            Assert.IsTrue(registers[0].Obis == requested, "a bare value takes the requested address");
            Assert.AreEqual(12345678L, registers[0].Mantissa);
        }

        [TestMethod]
        public void Bad_identification_names_the_check()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] data = Ascii.Bytes("/L9Z5ABC\r\n");
            int position = 0;

            Assert.AreEqual((int)IecStatus.BadIdentification, (int)IecFrames.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual("bad identification: manufacturer code is not three letters in '/L9Z5ABC'", decoder.LastError.ToString());
        }

        [TestMethod]
        public void Unframed_push_is_decoded_only_when_allowed()
        {
            // eHZ-style text push: identification, blank line, data lines, "!" — no STX, ETX or BCC.
            byte[] push = Ascii.Bytes("/EBZ5DD3BZ06ETA_107\r\n\r\n1-0:0.0.0*255(1EBZ0100507409)\r\n1-0:1.8.0*255(000125.25688570*kWh)\r\n!\r\n");
            IecDecoderOptions options = new IecDecoderOptions();
            options.AcceptUnframedReadout = true;
            IecMessageDecoder decoder = new IecMessageDecoder(options);
            int position = 0;

            Assert.AreEqual((int)IecStatus.IdentificationReady, (int)IecFrames.Next(decoder, push, ref position, 5));
            Assert.AreEqual((int)IecStatus.ReadoutReady, (int)IecFrames.Next(decoder, push, ref position, 5));
            Assert.IsFalse(decoder.LastReadoutHadBcc);
            Assert.AreEqual(2, decoder.Readings.Count);
            Assert.AreEqual(12525688570L, DsmrFeed.Find(decoder.Readings, "1-0:1.8.0").Mantissa);

            IecMessageDecoder strict = IecFrames.NewDecoder();
            position = 0;
            Assert.AreEqual((int)IecStatus.IdentificationReady, (int)IecFrames.Next(strict, push, ref position, push.Length));
            Assert.AreEqual((int)IecStatus.NeedMoreData, (int)IecFrames.Next(strict, push, ref position, push.Length));
            Assert.AreEqual((int)IecStatus.GarbageSkipped, (int)strict.Finish(true), "without the option the lines are no message");
        }
    }
}
