using Concentrator.Core.Sml;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Sml
{
    [TestClass]
    public class SmlWriterTests
    {
        [TestMethod]
        public void Writer_and_framer_reproduce_the_composed_escaped_file_byte_for_byte()
        {
            byte[] payload = new byte[128];
            SmlWriter writer = new SmlWriter();
            writer.Reset(payload);
            byte[] server = SmlFeed.Hex("0A01454D4800007AC52B");
            byte[] escapes = SmlFeed.Hex("1B1B1B1B1B1B1B1B");
            writer.BeginMessage(new byte[] { 0x07, 0x01 }, 0, 2, 0, 0, SmlMessageTag.GetListResponse, true);
            writer.ListHeader(7);
            writer.Absent();
            writer.Octets(server, 0, server.Length);
            writer.Absent();
            writer.Absent();
            writer.ListHeader(1);
            writer.ListHeader(7);
            writer.Octets(SmlFeed.Hex("8181C78203FF"), 0, 6);
            writer.Absent();
            writer.Absent();
            writer.Absent();
            writer.Absent();
            writer.Octets(escapes, 0, escapes.Length);
            writer.Absent();
            writer.Absent();
            writer.Absent();
            writer.EndMessage(SmlCrcVariant.X25);
            Assert.IsFalse(writer.Overflowed);

            byte[] file = new byte[SmlFileFramer.MaxFramedLength(writer.Length)];
            int length = SmlFileFramer.Frame(payload, writer.Length, file, 0, SmlCrcVariant.X25);

            Assert.AreEqual(SmlFiles.EscapedFile, SmlFeed.ToHex(file, 0, length));
        }

        [TestMethod]
        public void Numbers_are_written_big_endian_in_their_width_with_the_tl_byte()
        {
            byte[] buffer = new byte[32];
            SmlWriter writer = new SmlWriter();
            writer.Reset(buffer);
            writer.Signed(-200, 4);
            writer.Unsigned(5001, 3);
            writer.Signed(-1, 1);
            writer.Boolean(true);
            Assert.AreEqual("55FFFFFF3864001389" + "52FF" + "4201", SmlFeed.ToHex(buffer, 0, writer.Length));
        }

        [TestMethod]
        public void Writing_past_the_buffer_sets_overflowed()
        {
            SmlWriter writer = new SmlWriter();
            writer.Reset(new byte[4]);
            writer.Octets(new byte[10], 0, 10);
            Assert.IsTrue(writer.Overflowed);
            Assert.AreEqual(4, writer.Length);
        }

        [TestMethod]
        public void Request_file_matches_the_composed_request_byte_for_byte()
        {
            SmlRequestWriter requests = new SmlRequestWriter(256);
            int length = requests.WriteGetList(new byte[] { 0x43, 0x4F, 0x4E, 0x43, 0x45, 0x4E }, null, null, null, null, SmlCrcVariant.X25);

            Assert.AreEqual(SmlClientFiles.FirstRequest, SmlFeed.ToHex(requests.File, 0, length));
            Assert.AreEqual("G0000001", SmlFeed.AsciiOf(requests.GetListTransactionId));
        }

        [TestMethod]
        public void Request_file_decodes_as_three_good_messages()
        {
            SmlRequestWriter requests = new SmlRequestWriter(256);
            byte[] server = SmlFeed.Hex("0A014C475A0003A1B2C3");
            byte[] list = SmlFeed.Hex("0100620AFFFF");
            int length = requests.WriteGetList(new byte[] { 1 }, server, new byte[] { 0x75 }, new byte[] { 0x70, 0x77 }, list, SmlCrcVariant.Kermit);
            SmlFileDecoder decoder = SmlFeed.NewDecoder();

            Assert.AreEqual((int)SmlStatus.FileReady, (int)SmlFeed.DecodeOne(decoder, SmlFeed.Slice(requests.File, 0, length)));
            Assert.AreEqual(3, decoder.Parser.GoodMessages);
            Assert.AreEqual(3, decoder.Parser.OtherMessages, "requests are not responses");
            Assert.AreEqual(3, decoder.Parser.KermitMessages);
            Assert.AreEqual((int)SmlCrcVariant.Kermit, (int)decoder.LastCrcVariant);
        }

        [TestMethod]
        public void Request_that_does_not_fit_is_refused()
        {
            SmlRequestWriter requests = new SmlRequestWriter(64);
            Assert.AreEqual(-1, requests.WriteGetList(new byte[40], null, null, null, null, SmlCrcVariant.X25));
        }
    }
}
