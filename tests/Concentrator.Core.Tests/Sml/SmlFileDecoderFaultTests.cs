using Concentrator.Core.Checksums;
using Concentrator.Core.Sml;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Sml
{
    /// <summary>Bad input: each failure is named, the decoder resynchronises on the next start sequence, and nothing good is lost.</summary>
    [TestClass]
    public class SmlFileDecoderFaultTests
    {
        [TestMethod]
        public void Bad_file_crc_keeps_the_messages_whose_own_crc_is_good()
        {
            byte[] file = SmlFeed.Hex(SmlFiles.EhzFile);
            file = SmlFeed.With(file, file.Length - 1, (byte)(file[file.Length - 1] ^ 0x40));
            SmlFileDecoder decoder = SmlFeed.NewDecoder();

            Assert.AreEqual((int)SmlStatus.PartialFile, (int)SmlFeed.DecodeOne(decoder, file));
            Assert.AreEqual((int)SmlStatus.BadFileCrc, (int)decoder.LastError.Kind);
            Assert.AreEqual(12, decoder.LastError.SalvagedReadings);
            Assert.AreEqual(12, decoder.Readings.Count);
            string text = decoder.LastError.ToString();
            Assert.IsTrue(text.IndexOf("file CRC mismatch: end sequence says BEC1, computed CRC-16/X-25 FEC1") >= 0, text);
            Assert.AreEqual(1, decoder.GetCount(SmlStatus.BadFileCrc));
        }

        [TestMethod]
        public void Corrupted_value_loses_only_its_own_message()
        {
            // A byte of the GetList.Res changed: that message fails its CRC, Open.Res and Close.Res still pass.
            byte[] file = SmlFeed.Hex(SmlFiles.EhzFile);
            int index = 200;
            file = SmlFeed.With(file, index, (byte)(file[index] ^ 0x01));
            SmlFileDecoder decoder = SmlFeed.NewDecoder();

            SmlStatus status = SmlFeed.DecodeOne(decoder, file);

            Assert.AreEqual((int)SmlStatus.BadFileCrc, (int)status, "no reading survives: the only list failed its CRC");
            Assert.AreEqual(0, decoder.Readings.Count);
            Assert.AreEqual(2, decoder.Parser.GoodMessages);
        }

        [TestMethod]
        public void Truncated_file_is_reported_and_the_next_start_sequence_begins_a_new_file()
        {
            byte[] good = SmlFeed.Hex(SmlFiles.EhzFile);
            byte[] data = SmlFeed.Concat(SmlFeed.Slice(good, 0, 120), good);
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            int position = 0;

            Assert.AreEqual((int)SmlStatus.Truncated, (int)SmlFeed.Next(decoder, data, ref position, 16));
            Assert.AreEqual((long)SmlError.TruncatedByNewFile, decoder.LastError.Actual);
            Assert.IsTrue(decoder.LastError.ToString().IndexOf("a new start sequence arrived") >= 0);
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.Next(decoder, data, ref position, 16));
            Assert.AreEqual(12, decoder.Readings.Count);
        }

        [TestMethod]
        public void Lost_bytes_put_the_next_start_sequence_off_the_grid_and_it_is_still_found()
        {
            // 121 bytes of a file (not a multiple of 4), then a whole file: its start sequence is unaligned.
            byte[] good = SmlFeed.Hex(SmlFiles.EhzFile);
            byte[] data = SmlFeed.Concat(SmlFeed.Slice(good, 0, 121), good);
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            int position = 0;

            Assert.AreEqual((int)SmlStatus.Truncated, (int)SmlFeed.Next(decoder, data, ref position, 7));
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.Next(decoder, data, ref position, 7));
            Assert.AreEqual(12, decoder.Readings.Count);
        }

        [TestMethod]
        public void File_cut_after_the_list_message_keeps_its_readings()
        {
            // Open.Res and GetList.Res arrived whole; the line went silent before Close.Res and the end sequence.
            byte[] good = SmlFeed.Hex(SmlFiles.EhzFile);
            byte[] list = SmlFeed.Hex(SmlFiles.EhzGetListMessage);
            int cut = 8 + 44 + list.Length + 6;
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            int position = 0;
            byte[] data = SmlFeed.Slice(good, 0, cut);
            Assert.AreEqual((int)SmlStatus.NeedMoreData, (int)SmlFeed.Next(decoder, data, ref position, 64));

            Assert.AreEqual((int)SmlStatus.PartialFile, (int)decoder.Finish(false));
            Assert.AreEqual((int)SmlStatus.Truncated, (int)decoder.LastError.Kind);
            Assert.AreEqual((long)SmlError.TruncatedBySilence, decoder.LastError.Actual);
            Assert.AreEqual(12, decoder.Readings.Count);
            Assert.AreEqual((int)SmlStatus.NeedMoreData, (int)decoder.Finish(true));
        }

        [TestMethod]
        public void Garbage_before_a_file_is_counted_and_the_file_decodes()
        {
            byte[] data = SmlFeed.Concat(new byte[] { 0x41, 0x42, 0x1B, 0x1B, 0x43, 0x00, 0xFF }, SmlFeed.Hex(SmlFiles.EhzFile));
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            int position = 0;

            Assert.AreEqual((int)SmlStatus.GarbageSkipped, (int)SmlFeed.Next(decoder, data, ref position, data.Length));
            Assert.AreEqual(5L, decoder.LastError.Expected, "A, B, 1B, 1B, C; idle 00 and FF are not garbage");
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.Next(decoder, data, ref position, data.Length));
        }

        [TestMethod]
        public void Five_escape_bytes_before_the_start_still_find_it()
        {
            byte[] data = SmlFeed.Concat(new byte[] { 0x1B }, SmlFeed.Hex(SmlFiles.EhzFile));
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            int position = 0;
            Assert.AreEqual((int)SmlStatus.GarbageSkipped, (int)SmlFeed.Next(decoder, data, ref position, 3));
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.Next(decoder, data, ref position, 3));
        }

        [TestMethod]
        public void Unknown_escape_sequence_is_named_and_the_next_file_decodes()
        {
            byte[] bad = SmlFeed.Hex(SmlFiles.EhzFile);
            int end = bad.Length - 4; // the 1A of the end sequence
            Assert.AreEqual((byte)0x1A, bad[end]);
            bad = SmlFeed.With(bad, end, 0x02);
            byte[] data = SmlFeed.Concat(bad, SmlFeed.Hex(SmlFiles.E750File));
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            int position = 0;

            Assert.AreEqual((int)SmlStatus.BadEscape, (int)SmlFeed.Next(decoder, data, ref position, 32));
            Assert.AreEqual(0x0201C1FEL, decoder.LastError.Actual);
            Assert.IsTrue(decoder.LastError.ToString().IndexOf("0201C1FE") >= 0, decoder.LastError.ToString());
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.Next(decoder, data, ref position, 32));
            Assert.AreEqual(3, decoder.Readings.Count);
            Assert.AreEqual(0, decoder.GetCount(SmlStatus.GarbageSkipped), "the rest of a rejected file is not garbage");
        }

        [TestMethod]
        public void Fill_count_above_three_is_rejected()
        {
            byte[] file = SmlFeed.Hex(SmlFiles.EhzFile);
            int fillAt = file.Length - 3;
            file[fillAt] = 5;
            ushort crc = Crc16.X25(file, 0, fillAt + 1);
            file[fillAt + 1] = (byte)crc;
            file[fillAt + 2] = (byte)(crc >> 8);
            SmlFileDecoder decoder = SmlFeed.NewDecoder();

            SmlStatus status = SmlFeed.DecodeOne(decoder, file);

            Assert.AreEqual((int)SmlStatus.PartialFile, (int)status, "the messages passed their CRCs");
            Assert.AreEqual((int)SmlStatus.BadFill, (int)decoder.LastError.Kind);
            Assert.AreEqual(5L, decoder.LastError.Actual);
        }

        [TestMethod]
        public void File_longer_than_the_limit_is_rejected_and_the_next_one_decodes()
        {
            SmlDecoderOptions options = new SmlDecoderOptions();
            options.MaxFileLength = 64;
            SmlFileDecoder decoder = new SmlFileDecoder(options);
            byte[] data = SmlFeed.Concat(SmlFeed.Hex(SmlFiles.EhzFile), SmlFeed.Hex(SmlFiles.LibsmlOpenResponseFile));
            int position = 0;

            Assert.AreEqual((int)SmlStatus.TooLong, (int)SmlFeed.Next(decoder, data, ref position, 10));
            Assert.AreEqual(64L, decoder.LastError.Actual);
            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.Next(decoder, data, ref position, 10));
            Assert.AreEqual(0, decoder.GetCount(SmlStatus.GarbageSkipped));
        }

        [TestMethod]
        public void Undefined_tl_type_is_named_with_its_offset()
        {
            byte[] message = SmlFeed.Hex(SmlFiles.LibsmlOpenResponse);
            message[8] = 0x12; // groupNo 62 00 -> 12 00: type 1 does not exist
            byte[] file = new byte[SmlFileFramer.MaxFramedLength(message.Length)];
            int length = SmlFileFramer.Frame(message, message.Length, file, 0, SmlCrcVariant.X25);
            SmlFileDecoder decoder = SmlFeed.NewDecoder();

            Assert.AreEqual((int)SmlStatus.Malformed, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Slice(file, 0, length)));
            Assert.AreEqual((int)SmlProblem.BadTypeField, (int)decoder.LastError.Problem);
            Assert.AreEqual(8, decoder.LastError.Offset);
            Assert.IsTrue(decoder.LastError.ToString().IndexOf("TL byte 12 has no SML type") >= 0, decoder.LastError.ToString());
        }

        [TestMethod]
        public void Field_running_past_the_message_is_named()
        {
            byte[] message = SmlFeed.Hex(SmlFiles.LibsmlOpenResponse);
            byte[] cut = SmlFeed.Slice(message, 0, 30);
            cut[29] = 0x0F; // an octet string of 14 bytes where 0 remain
            byte[] file = new byte[SmlFileFramer.MaxFramedLength(cut.Length)];
            int length = SmlFileFramer.Frame(cut, cut.Length, file, 0, SmlCrcVariant.X25);
            SmlFileDecoder decoder = SmlFeed.NewDecoder();

            Assert.AreEqual((int)SmlStatus.Malformed, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Slice(file, 0, length)));
            Assert.AreEqual((int)SmlProblem.PastEnd, (int)decoder.LastError.Problem);
        }

        [TestMethod]
        public void More_readings_than_the_capacity_is_reported()
        {
            SmlDecoderOptions options = new SmlDecoderOptions();
            options.MaxReadings = 4;
            SmlFileDecoder decoder = new SmlFileDecoder(options);

            Assert.AreEqual((int)SmlStatus.CapacityExceeded, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Hex(SmlFiles.EhzFile)));
            Assert.AreEqual(0, decoder.Readings.Count);
            Assert.AreEqual(2, decoder.LastError.Message);
        }

        [TestMethod]
        public void Empty_file_has_no_message()
        {
            byte[] file = new byte[32];
            int length = SmlFileFramer.Frame(new byte[0], 0, file, 0, SmlCrcVariant.X25);
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            Assert.AreEqual((int)SmlStatus.Malformed, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Slice(file, 0, length)));
            Assert.AreEqual((int)SmlProblem.NoMessage, (int)decoder.LastError.Problem);
        }
    }
}
