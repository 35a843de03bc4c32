using Concentrator.Core.Modem;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Modem
{
    [TestClass]
    public class SmsHeaderTests
    {
        [TestMethod]
        public void Text_mode_header_with_details_gives_sender_type_first_octet_and_coding()
        {
            // 3GPP TS 27.005 3.4.3 (AT+CSDH=1): <stat>,<oa>,<alpha>,<scts>,<tooa>,<fo>,<pid>,<dcs>,<sca>,<tosca>,<length>
            SmsHeader header = new SmsHeader();
            Assert.IsTrue(header.TryParse("+CMGR: \"REC UNREAD\",\"+420603123456\",,\"26/11/21,20:00:00+04\",145,4,0,0,\"+420603052000\",145,18"));

            Assert.AreEqual("+420603123456", header.Sender);
            Assert.AreEqual(145, header.SenderType);
            Assert.AreEqual(4, header.FirstOctet);
            Assert.AreEqual(0, header.DataCoding);
            Assert.IsFalse(header.IsNot7Bit);
            Assert.IsFalse(header.HasUserDataHeader);
            Assert.IsTrue(header.CanReply);
        }

        [TestMethod]
        public void Header_without_details_is_read_and_codings_are_unknown()
        {
            SmsHeader header = new SmsHeader();
            Assert.IsTrue(header.TryParse("+CMGR: \"REC READ\",\"0603123456\",\"Alice\",\"26/11/21,20:00:00+04\""));
            Assert.AreEqual("0603123456", header.Sender);
            Assert.AreEqual(-1, header.DataCoding);
            Assert.IsFalse(header.IsNot7Bit);
            Assert.IsTrue(header.CanReply);
        }

        [TestMethod]
        [DataRow(0x00, false)]
        [DataRow(0x04, true)]
        [DataRow(0x08, true)]
        [DataRow(0x18, true)]
        [DataRow(0x20, true)]
        [DataRow(0x48, true)]
        [DataRow(0xC0, false)]
        [DataRow(0xE0, true)]
        [DataRow(0xF0, false)]
        [DataRow(0xF4, true)]
        public void Data_coding_schemes_other_than_the_7_bit_alphabet_are_recognised(int coding, bool not7Bit)
        {
            // TS 23.038 4: groups 00xx/01xx bits 3-2 = alphabet, bit 5 = compressed; 1110 = UCS-2; 1111 bit 2 = 8-bit.
            SmsHeader header = new SmsHeader();
            Assert.IsTrue(header.TryParse("+CMGR: \"REC UNREAD\",\"+420603123456\",,\"26/11/21,20:00:00+04\",145,4,0," + coding.ToString() + ",\"+420603052000\",145,10"));
            Assert.AreEqual(not7Bit, header.IsNot7Bit);
        }

        [TestMethod]
        public void User_data_header_bit_marks_a_concatenated_part_and_alphanumeric_senders_cannot_be_answered()
        {
            SmsHeader header = new SmsHeader();
            Assert.IsTrue(header.TryParse("+CMGR: \"REC UNREAD\",\"Vodafone\",,\"26/11/21,20:00:00+04\",208,68,0,0,\"+420603052000\",145,153"));
            Assert.IsTrue(header.HasUserDataHeader);
            Assert.IsFalse(header.CanReply);
        }

        [TestMethod]
        [DataRow("+CMTI: \"SM\",3")]
        [DataRow("+CMGR: \"REC UNREAD\",\"+420603123456")]
        [DataRow("+CMGR: ")]
        [DataRow("OK")]
        public void Lines_that_are_not_a_message_header_are_refused(string line)
        {
            Assert.IsFalse(new SmsHeader().TryParse(line));
        }
    }
}
