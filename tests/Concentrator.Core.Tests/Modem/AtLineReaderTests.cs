using Concentrator.Core.Io;
using Concentrator.Core.Modem;
using Concentrator.Core.Tests.Commands;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Modem
{
    [TestClass]
    public class AtLineReaderTests
    {
        [TestMethod]
        public void Lines_arriving_in_pieces_are_joined_and_empty_lines_skipped()
        {
            AtLineReader reader = Reader(new object[] { Ascii.Bytes("\r\n+CMTI: \"S"), Ascii.Bytes("M\",3\r"), Ascii.Bytes("\n\r\nOK\r\n") }, 64);

            Assert.AreEqual("+CMTI: \"SM\",3", reader.ReadLine(1000));
            Assert.AreEqual("OK", reader.ReadLine(1000));
        }

        [TestMethod]
        public void Silence_ends_at_the_deadline_with_timeout()
        {
            TickingLink link = new TickingLink(new object[] { Ascii.Bytes("partial") });
            AtLineReader reader = new AtLineReader(link, link.Clock, 64);

            Assert.IsNull(reader.ReadLine(5000));
            Assert.AreEqual((int)LinkStatus.Timeout, (int)reader.LastStatus);
            Assert.IsTrue(link.Clock.Now >= 5000);
        }

        [TestMethod]
        public void Closed_link_ends_the_read_at_once()
        {
            AtLineReader reader = Reader(new object[] { LinkStatus.Closed }, 64);
            Assert.IsNull(reader.ReadLine(100000));
            Assert.AreEqual((int)LinkStatus.Closed, (int)reader.LastStatus);
        }

        [TestMethod]
        public void Prompt_without_line_end_is_found_and_an_error_line_instead_is_reported()
        {
            AtLineReader reader = Reader(new object[] { Ascii.Bytes("\r\n> ") }, 64);
            string error;
            Assert.IsTrue(reader.WaitForPrompt(1000, out error));

            AtLineReader refusing = Reader(new object[] { Ascii.Bytes("\r\n+CMS ERROR: 304\r\n") }, 64);
            Assert.IsFalse(refusing.WaitForPrompt(1000, out error));
            Assert.AreEqual("+CMS ERROR: 304", error);
        }

        [TestMethod]
        public void Line_longer_than_the_buffer_is_cut_not_overrun()
        {
            AtLineReader reader = Reader(new object[] { Ascii.Bytes("0123456789ABCDEFGHIJ\r\nOK\r\n") }, 8);

            Assert.AreEqual("0123456", reader.ReadLine(1000));
            Assert.AreEqual(1, reader.LinesCut);
            string rest = reader.ReadLine(1000);
            while (rest != "OK")
            {
                Assert.IsNotNull(rest);
                rest = reader.ReadLine(1000);
            }
        }

        private static AtLineReader Reader(object[] steps, int capacity)
        {
            TickingLink link = new TickingLink(steps);
            return new AtLineReader(link, link.Clock, capacity);
        }
    }
}
