using Concentrator.Core.Io;
using Concentrator.Core.Sml;
using Concentrator.Core.Tests.Io;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Sml
{
    [TestClass]
    public class SmlClientSessionTests
    {
        private static SmlClientSession NewSession(ScriptedByteLink link)
        {
            SmlClientOptions options = new SmlClientOptions();
            options.SilenceTimeoutMilliseconds = 1000;
            return new SmlClientSession(link, SmlFeed.NewDecoder(), options);
        }

        [TestMethod]
        public void Response_with_the_matching_transaction_gives_the_list()
        {
            byte[] response = SmlFeed.Hex(SmlClientFiles.ResponseToFirst);
            ScriptedByteLink link = new ScriptedByteLink(new object[] { null, SmlFeed.Slice(response, 0, 50), null, SmlFeed.Slice(response, 50, response.Length - 50) });
            SmlClientSession session = NewSession(link);

            Assert.AreEqual((int)SmlClientStatus.Ok, (int)session.ReadList());
            Assert.AreEqual(SmlClientFiles.FirstRequest.Length / 2, link.BytesWritten);
            Assert.AreEqual(1, session.Decoder.Readings.Count);
            Assert.AreEqual(5555L, session.Decoder.Readings[0].Mantissa);
        }

        [TestMethod]
        public void Late_answer_to_another_request_is_skipped()
        {
            ScriptedByteLink link = new ScriptedByteLink(new object[] { null, SmlFeed.Hex(SmlClientFiles.StaleResponse), SmlFeed.Hex(SmlClientFiles.ResponseToFirst) });
            SmlClientSession session = NewSession(link);

            Assert.AreEqual((int)SmlClientStatus.Ok, (int)session.ReadList());
            Assert.AreEqual(1, session.StaleResponses);
        }

        [TestMethod]
        public void Silent_meter_times_out()
        {
            ScriptedByteLink link = new ScriptedByteLink(new object[0]);
            SmlClientSession session = NewSession(link);

            Assert.AreEqual((int)SmlClientStatus.Timeout, (int)session.ReadList());
            Assert.IsTrue(link.TimeoutsServed >= 4);
        }

        [TestMethod]
        public void Attention_instead_of_the_list_is_reported()
        {
            ScriptedByteLink link = new ScriptedByteLink(new object[] { null, SmlFeed.Hex(SmlFiles.AttentionFile) });
            SmlClientSession session = NewSession(link);

            Assert.AreEqual((int)SmlClientStatus.Attention, (int)session.ReadList());
            Assert.AreEqual("8181C7C7FE03", SmlFeed.ToHex(session.Decoder.Parser.AttentionNumber, 0, session.Decoder.Parser.AttentionLength));
        }

        [TestMethod]
        public void Closed_link_is_reported()
        {
            ScriptedByteLink link = new ScriptedByteLink(new object[] { null, LinkStatus.Closed });
            SmlClientSession session = NewSession(link);

            Assert.AreEqual((int)SmlClientStatus.LinkFailed, (int)session.ReadList());
            Assert.AreEqual((int)LinkStatus.Closed, (int)session.LastLinkStatus);
        }

        [TestMethod]
        public void Broken_response_without_the_list_is_no_list()
        {
            byte[] response = SmlFeed.Hex(SmlClientFiles.ResponseToFirst);
            response = SmlFeed.With(response, 120, (byte)(response[120] ^ 0x10));
            ScriptedByteLink link = new ScriptedByteLink(new object[] { null, response });
            SmlClientSession session = NewSession(link);

            Assert.AreEqual((int)SmlClientStatus.NoList, (int)session.ReadList());
            Assert.AreEqual(1, session.BadFiles);
        }
    }
}
