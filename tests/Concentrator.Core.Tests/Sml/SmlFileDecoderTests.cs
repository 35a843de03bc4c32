using Concentrator.Core.Readings;
using Concentrator.Core.Sml;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Sml
{
    [TestClass]
    public class SmlFileDecoderTests
    {
        [TestMethod]
        public void Libsml_published_open_response_passes_its_message_crc()
        {
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Hex(SmlFiles.LibsmlOpenResponseFile)));
            ReadingSet set = decoder.Readings;
            Assert.AreEqual("sml", set.Protocol);
            Assert.AreEqual(0, set.Count);
            Assert.AreEqual("06454d48010271533bcd", set.GetText(set.MeterIdStart, set.MeterIdLength));
            Assert.AreEqual(1, decoder.Parser.OpenResponses);
            Assert.AreEqual(1, decoder.Parser.GoodMessages);
            Assert.AreEqual((int)SmlCrcVariant.X25, (int)decoder.LastCrcVariant);
        }

        [TestMethod]
        public void Libsml_published_vector_with_one_bit_flipped_fails_the_message_crc()
        {
            // libsml's crc_error test: 72 -> 73 in the message body; framed anew so that only the message CRC can catch it.
            byte[] message = SmlFeed.Hex(SmlFiles.LibsmlOpenResponse);
            Assert.AreEqual((byte)0x72, message[12]);
            message[12] = 0x73;
            byte[] file = new byte[SmlFileFramer.MaxFramedLength(message.Length)];
            int length = SmlFileFramer.Frame(message, message.Length, file, 0, SmlCrcVariant.X25);

            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            SmlStatus status = SmlFeed.DecodeOne(decoder, SmlFeed.Slice(file, 0, length));

            Assert.AreEqual((int)SmlStatus.Malformed, (int)status, "73 makes the body a list of 3, which the structure check catches first");
            Assert.AreEqual(1, decoder.LastError.Message);
            Assert.AreEqual((int)SmlProblem.WrongElementCount, (int)decoder.LastError.Problem);
        }

        [TestMethod]
        public void Changed_value_byte_fails_the_message_crc_with_both_values_named()
        {
            byte[] message = SmlFeed.Hex(SmlFiles.LibsmlOpenResponse);
            message[24] ^= 0x01; // inside reqFileId
            byte[] file = new byte[SmlFileFramer.MaxFramedLength(message.Length)];
            int length = SmlFileFramer.Frame(message, message.Length, file, 0, SmlCrcVariant.X25);

            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            Assert.AreEqual((int)SmlStatus.BadMessageCrc, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Slice(file, 0, length)));
            Assert.AreEqual(0x0882L, decoder.LastError.Expected);
            Assert.AreNotEqual(0x0882L, decoder.LastError.Actual);
            string text = decoder.LastError.ToString();
            Assert.IsTrue(text.IndexOf("message 1 CRC mismatch") >= 0, text);
            Assert.IsTrue(text.IndexOf("0882") >= 0, text);
        }

        [TestMethod]
        public void Ehz_file_yields_every_reading_with_status_unit_scaler_and_width()
        {
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Hex(SmlFiles.EhzFile)));
            ReadingSet set = decoder.Readings;
            Assert.AreEqual(12, set.Count);
            Assert.AreEqual("0a01454d4800007ac52b", set.GetText(set.MeterIdStart, set.MeterIdLength));
            Assert.IsTrue(set.HasSecondIndex);
            Assert.AreEqual(0x01BECF54L, set.SecondIndex);
            Assert.AreEqual(1, decoder.Parser.OpenResponses);
            Assert.AreEqual(1, decoder.Parser.GetListResponses);
            Assert.AreEqual(1, decoder.Parser.CloseResponses);

            Reading manufacturer = SmlFeed.Find(set, "129-129:199.130.3*255");
            Assert.AreEqual((int)ReadingKind.Text, (int)manufacturer.Kind);
            Assert.AreEqual("EMH", SmlFeed.Text(set, manufacturer));
            Assert.AreEqual("0a01454d4800007ac52b", SmlFeed.Text(set, SmlFeed.Find(set, "1-0:0.0.9*255")));

            Reading import = SmlFeed.Find(set, "1-0:1.8.0*255");
            Assert.IsTrue(import.HasStatus);
            Assert.AreEqual(0x010182L, (long)import.Status);
            Assert.AreEqual("Wh", SmlFeed.Unit(set, import));
            Assert.AreEqual(12345678L, import.Mantissa, "5-byte signed");
            Assert.AreEqual((sbyte)-1, import.Exponent);

            AssertNumber(set, "1-0:2.8.0*255", 4321L, 1, "Wh");
            AssertNumber(set, "1-0:16.7.0*255", -200L, 0, "W");
            AssertNumber(set, "1-0:31.7.0*255", -5L, -2, "A");
            AssertNumber(set, "1-0:32.7.0*255", 2301L, -1, "V");
            AssertNumber(set, "1-0:1.8.1*255", 9000000000000000000L, -4, "Wh");
            AssertNumber(set, "1-0:2.8.1*255", -9000000000000000000L, 0, "Wh");
            AssertNumber(set, "1-0:14.7.0*255", 5001L, -2, "Hz");
            AssertNumber(set, "1-0:2.8.2*255", -1L, 0, "Wh");
            Reading flag = SmlFeed.Find(set, "129-129:0.0.0*255");
            Assert.AreEqual((int)ReadingKind.Number, (int)flag.Kind);
            Assert.AreEqual(1L, flag.Mantissa);
            Assert.IsFalse(SmlFeed.Find(set, "1-0:2.8.0*255").HasStatus);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(5)]
        [DataRow(7)]
        [DataRow(64)]
        public void File_arriving_in_pieces_decodes_the_same(int piece)
        {
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            byte[] data = SmlFeed.Concat(SmlFeed.Hex(SmlFiles.EhzFile), SmlFeed.Hex(SmlFiles.E750File));
            int position = 0;
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.Next(decoder, data, ref position, piece));
            Assert.AreEqual(12, decoder.Readings.Count);
            Assert.AreEqual(-200L, SmlFeed.Find(decoder.Readings, "1-0:16.7.0*255").Mantissa);
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.Next(decoder, data, ref position, piece));
            Assert.AreEqual(3, decoder.Readings.Count);
            Assert.AreEqual(data.Length, position);
            Assert.AreEqual(2, decoder.GetCount(SmlStatus.FileReady));
        }

        [TestMethod]
        public void Kermit_meter_is_accepted_and_reported()
        {
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Hex(SmlFiles.EhzKermitFile)));
            Assert.AreEqual(12, decoder.Readings.Count);
            Assert.AreEqual((int)SmlCrcVariant.Kermit, (int)decoder.LastCrcVariant);
            Assert.AreEqual(1, decoder.KermitFiles);
            Assert.AreEqual(3, decoder.Parser.KermitMessages);

            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Hex(SmlFiles.EhzFile)));
            Assert.AreEqual((int)SmlCrcVariant.X25, (int)decoder.LastCrcVariant);
        }

        [TestMethod]
        public void Kermit_meter_fails_when_the_variant_is_not_allowed()
        {
            SmlDecoderOptions options = new SmlDecoderOptions();
            options.AcceptKermit = false;
            SmlFileDecoder decoder = new SmlFileDecoder(options);
            Assert.AreEqual((int)SmlStatus.BadFileCrc, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Hex(SmlFiles.EhzKermitFile)));
            Assert.AreEqual(0, decoder.Readings.Count);
            Assert.AreEqual(0, decoder.KermitFiles);
        }

        [TestMethod]
        public void Escaped_escape_sequence_in_the_payload_is_one_value()
        {
            byte[] file = SmlFeed.Hex(SmlFiles.EscapedFile);
            int run = 0;
            int longest = 0;
            for (int i = 0; i < file.Length; i++)
            {
                run = file[i] == 0x1B ? run + 1 : 0;
                longest = run > longest ? run : longest;
            }

            Assert.AreEqual(12, longest, "eight 1B in the data, one aligned block of them sent twice");
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.DecodeOne(decoder, file));
            Assert.AreEqual("1b1b1b1b1b1b1b1b", SmlFeed.Text(decoder.Readings, decoder.Readings[0]));
        }

        [TestMethod]
        public void E750_signed_tuples_keep_signature_second_index_and_status()
        {
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Hex(SmlFiles.E750File)));
            ReadingSet set = decoder.Readings;
            Assert.AreEqual(3, set.Count);
            Assert.AreEqual("0a014c475a0003a1b2c3", set.GetText(set.MeterIdStart, set.MeterIdLength));
            Assert.AreEqual("606162636465666768696a6b6c6d6e6f", set.GetText(set.SignatureStart, set.SignatureLength));
            Assert.AreEqual(238321L, set.SecondIndex);

            Reading import = SmlFeed.Find(set, "1-0:1.8.0*255");
            Assert.AreEqual(987654321L, import.Mantissa);
            Assert.AreEqual((sbyte)-1, import.Exponent);
            Assert.AreEqual(0x104L, (long)import.Status);
            Assert.IsTrue(import.HasSecondIndex);
            Assert.AreEqual(238321L, import.SecondIndex);
            Assert.IsFalse(import.HasTime);
            string signature = set.GetText(import.SignatureStart, import.SignatureLength);
            Assert.AreEqual(96, signature.Length);
            Assert.AreEqual("a0a1a2a3", signature.Substring(0, 8));
            Assert.AreEqual("cccdcecf", signature.Substring(88, 8));
            Assert.AreEqual("10111213", set.GetText(SmlFeed.Find(set, "1-0:2.8.0*255").SignatureStart, 8));

            Reading power = SmlFeed.Find(set, "1-0:16.7.0*255");
            Assert.AreEqual(1500L, power.Mantissa);
            Assert.AreEqual(0, power.SignatureLength);
            Assert.IsTrue(power.HasTime);
            Assert.AreEqual("2023-11-14T23:13:20+01:00", Iso(power.Time));
        }

        [TestMethod]
        public void Attention_response_is_reported_with_its_number()
        {
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Hex(SmlFiles.AttentionFile)));
            Assert.IsTrue(decoder.Parser.HasAttention);
            Assert.AreEqual("8181C7C7FE03", SmlFeed.ToHex(decoder.Parser.AttentionNumber, 0, decoder.Parser.AttentionLength));
            Assert.AreEqual(0, decoder.Readings.Count);
        }

        [TestMethod]
        public void Long_lists_and_long_octet_strings_use_multi_byte_lengths()
        {
            // 20 entries (list TL F1 04) each with a 20-byte text value (TL 81 06), written by Core's writer.
            byte[] payload = new byte[2048];
            SmlWriter writer = new SmlWriter();
            writer.Reset(payload);
            byte[] id = new byte[] { 1, 2 };
            byte[] server = new byte[] { 9, 9, 9 };
            byte[] text = new byte[20];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = (byte)('A' + i);
            }

            writer.BeginMessage(id, 0, 2, 0, 0, SmlMessageTag.GetListResponse, true);
            writer.ListHeader(7);
            writer.Absent();
            writer.Octets(server, 0, server.Length);
            writer.Absent();
            writer.Absent();
            writer.ListHeader(20);
            int listAt = writer.Length - 2;
            for (int e = 0; e < 20; e++)
            {
                writer.ListHeader(7);
                writer.Octets(new byte[] { 1, 0, 96, 1, (byte)e, 255 }, 0, 6);
                writer.Absent();
                writer.Absent();
                writer.Absent();
                writer.Absent();
                writer.Octets(text, 0, text.Length);
                writer.Absent();
            }

            writer.Absent();
            writer.Absent();
            writer.EndMessage(SmlCrcVariant.X25);
            Assert.AreEqual((byte)0xF1, payload[listAt]);
            Assert.AreEqual((byte)0x04, payload[listAt + 1]);

            byte[] file = new byte[SmlFileFramer.MaxFramedLength(writer.Length)];
            int length = SmlFileFramer.Frame(payload, writer.Length, file, 0, SmlCrcVariant.X25);
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Slice(file, 0, length)));
            Assert.AreEqual(20, decoder.Readings.Count);
            Assert.AreEqual("ABCDEFGHIJKLMNOPQRST", SmlFeed.Text(decoder.Readings, SmlFeed.Find(decoder.Readings, "1-0:96.1.19*255")));
        }

        private static void AssertNumber(ReadingSet set, string obis, long mantissa, int exponent, string unit)
        {
            Reading reading = SmlFeed.Find(set, obis);
            Assert.IsNotNull(reading, obis);
            Assert.AreEqual((int)ReadingKind.Number, (int)reading.Kind, obis);
            Assert.AreEqual(mantissa, reading.Mantissa, obis);
            Assert.AreEqual(exponent, (int)reading.Exponent, obis);
            Assert.AreEqual(unit, SmlFeed.Unit(set, reading), obis);
        }

        private static string Iso(MeterTime time)
        {
            byte[] buffer = new byte[MeterTime.MaxFormattedLength];
            int length = time.FormatIso8601(buffer, 0);
            return Ascii.Text(buffer, 0, length);
        }
    }
}
