using Concentrator.Core.Tests.TestSupport;
using Concentrator.Core.Text;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Text
{
    [TestClass]
    public class AsciiDecimalTests
    {
        [TestMethod]
        [DataRow("000687.138", 687138L, -3)]
        [DataRow("00.000", 0L, -3)]
        [DataRow("0001", 1L, 0)]
        [DataRow("-12.5", -125L, -1)]
        [DataRow("+7", 7L, 0)]
        [DataRow("999999999999999999", 999999999999999999L, 0)]
        [DataRow("0000000000000000000000.5", 5L, -1)]
        public void Parses_exactly(string text, long mantissa, int exponent)
        {
            byte[] bytes = Ascii.Bytes(text);
            long m;
            sbyte e;
            Assert.IsTrue(AsciiDecimal.TryParse(bytes, 0, bytes.Length, out m, out e), text);
            Assert.AreEqual(mantissa, m);
            Assert.AreEqual(exponent, (int)e);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("-")]
        [DataRow(".5")]
        [DataRow("5.")]
        [DataRow("1.2.3")]
        [DataRow("12a")]
        [DataRow("1 2")]
        [DataRow("1000000000000000000")]
        [DataRow("4530303331303033323339343536373136")]
        public void Rejects_what_is_not_a_plain_decimal(string text)
        {
            byte[] bytes = Ascii.Bytes(text);
            long m;
            sbyte e;
            Assert.IsFalse(AsciiDecimal.TryParse(bytes, 0, bytes.Length, out m, out e), text);
        }

        [TestMethod]
        public void Hex_digits_in_both_cases()
        {
            Assert.AreEqual(0, AsciiDecimal.HexValue((byte)'0'));
            Assert.AreEqual(15, AsciiDecimal.HexValue((byte)'F'));
            Assert.AreEqual(10, AsciiDecimal.HexValue((byte)'a'));
            Assert.AreEqual(-1, AsciiDecimal.HexValue((byte)'G'));
        }
    }
}
