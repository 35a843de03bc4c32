using Concentrator.Core.Iec62056;
using Concentrator.Core.Obis;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Iec62056
{
    [TestClass]
    public class IecMessageWriterTests
    {
        private static string Hex(byte[] buffer, int length)
        {
            string text = "";
            for (int i = 0; i < length; i++)
            {
                text += (i > 0 ? " " : "") + buffer[i].ToString("X2");
            }

            return text;
        }

        [TestMethod]
        public void Request_with_and_without_address()
        {
            byte[] buffer = new byte[64];
            Assert.AreEqual("2F 3F 21 0D 0A", Hex(buffer, IecMessageWriter.WriteRequest(buffer, 0, "")));
            int length = IecMessageWriter.WriteRequest(buffer, 0, "11620371");
            Assert.AreEqual("/?11620371!\r\n", Ascii.Text(buffer, 0, length));
            Assert.AreEqual(-1, IecMessageWriter.WriteRequest(buffer, 0, "a!b"));
            Assert.AreEqual(-1, IecMessageWriter.WriteRequest(buffer, 0, "123456789012345678901234567890123"));
        }

        [TestMethod]
        public void Option_select_vectors_from_the_protocol_notes()
        {
            // PROTOCOLS.md: 06 30 35 30 0D 0A = readout at 9600; 06 32 35 32 0D 0A = HDLC at 9600.
            byte[] buffer = new byte[8];
            Assert.AreEqual("06 30 35 30 0D 0A", Hex(buffer, IecMessageWriter.WriteOptionSelect(buffer, 0, (byte)'0', (byte)'5', (byte)'0')));
            Assert.AreEqual("06 32 35 32 0D 0A", Hex(buffer, IecMessageWriter.WriteOptionSelect(buffer, 0, (byte)'2', (byte)'5', (byte)'2')));
        }

        [TestMethod]
        public void Break_password_and_read_commands_carry_their_bcc()
        {
            byte[] buffer = new byte[64];
            // The complete sign-off "SOH B 0 ETX BCC" as published with IEC 62056-21 readers: 01 42 30 03 71.
            Assert.AreEqual("01 42 30 03 71", Hex(buffer, IecMessageWriter.WriteBreak(buffer, 0)));

            int length = IecMessageWriter.WritePassword(buffer, 0, "00000000");
            Assert.AreEqual("\u0001P1\u0002(00000000)\u0003", Ascii.Text(buffer, 0, length - 1));
            Assert.AreEqual(IecFrames.Xor(buffer, 1, length - 2), buffer[length - 1]);

            ObisCode register;
            ObisCode.TryParse("1-0:1.8.1", out register);
            length = IecMessageWriter.WriteRead(buffer, 0, (byte)'1', register);
            Assert.AreEqual("\u0001R1\u00021.8.1()\u0003", Ascii.Text(buffer, 0, length - 1));
            Assert.AreEqual(IecFrames.Xor(buffer, 1, length - 2), buffer[length - 1]);

            ObisCode errors;
            ObisCode.TryParse("F.F", out errors);
            Assert.AreEqual("F.F.0", Ascii.Text(buffer, 0, IecMessageWriter.WriteShortAddress(buffer, 0, errors)));
            ObisCode.TryParse("1.8.0*12", out register);
            Assert.AreEqual("1.8.0*12", Ascii.Text(buffer, 0, IecMessageWriter.WriteShortAddress(buffer, 0, register)));
        }

        [TestMethod]
        public void Echo_is_dropped_and_an_answer_starting_like_the_request_is_kept()
        {
            IecEchoFilter filter = new IecEchoFilter(32, 64);
            filter.Reset(IecEchoMode.Auto);
            byte[] request = Ascii.Bytes("/?!\r\n");
            filter.Sent(request, 0, request.Length);
            byte[] echoThenAnswer = Ascii.Bytes("/?!\r\n/LGZ5\r\n");
            int n = filter.Filter(echoThenAnswer, 0, 3);
            n += filter.Filter(echoThenAnswer, 3, echoThenAnswer.Length - 3);
            Assert.AreEqual(7, n);
            Assert.AreEqual("/LGZ5\r\n", Ascii.Text(filter.Output, 0, n));
            Assert.IsTrue(filter.EchoDetected);

            // A head without echo: the meter's '/' matches the request's first byte, and is kept.
            filter.Reset(IecEchoMode.Auto);
            filter.Sent(request, 0, request.Length);
            byte[] answer = Ascii.Bytes("/LGZ5\r\n");
            n = filter.Filter(answer, 0, answer.Length);
            Assert.AreEqual("/LGZ5\r\n", Ascii.Text(filter.Output, 0, n));
            Assert.IsFalse(filter.EchoDetected);

            // Decided: no echo, so later messages expect none.
            byte[] ack = new byte[] { 0x06, 0x30, 0x35, 0x30, 0x0D, 0x0A };
            filter.Sent(ack, 0, ack.Length);
            n = filter.Filter(ack, 0, 1);
            Assert.AreEqual(1, n, "with echo known absent, a byte equal to what we sent is data");
        }
    }
}
