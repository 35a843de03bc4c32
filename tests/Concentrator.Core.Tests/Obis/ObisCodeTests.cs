using Concentrator.Core.Obis;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Obis
{
    [TestClass]
    public class ObisCodeTests
    {
        [TestMethod]
        [DataRow("1-0:1.8.1", "1-0:1.8.1*255")]
        [DataRow("1-0:1.8.1*255", "1-0:1.8.1*255")]
        [DataRow("1-0:1.8.1.255", "1-0:1.8.1*255")]
        [DataRow("0-1:24.2.1", "0-1:24.2.1*255")]
        [DataRow("1-3:0.2.8", "1-3:0.2.8*255")]
        [DataRow("0-0:96.7.19", "0-0:96.7.19*255")]
        [DataRow("1.8.1", "1-0:1.8.1*255")]
        [DataRow("1.8.1*01", "1-0:1.8.1*1")]
        [DataRow("0.9.1", "0-0:0.9.1*255")]
        [DataRow("C.1.0", "0-0:96.1.0*255")]
        [DataRow("F.F", "0-0:97.97.0*255")]
        [DataRow("255-255:255.255.255*255", "255-255:255.255.255*255")]
        public void Parses_the_forms_meters_send_and_formats_in_full(string text, string formatted)
        {
            ObisCode code;
            Assert.IsTrue(ObisCode.TryParse(text, out code), text);
            Assert.AreEqual(formatted, code.ToString());
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("1")]
        [DataRow("1-0")]
        [DataRow("1-0:")]
        [DataRow("1-0:1.8.")]
        [DataRow("1-0;1.8.1")]
        [DataRow("1-0:1.8.1*")]
        [DataRow("1-0:256.8.1")]
        [DataRow("1-0:1.8.1.2.3")]
        [DataRow("1:0-1.8.1")]
        [DataRow("1-0:1.8*1.1")]
        [DataRow("1-0:1..8")]
        [DataRow("X.8.1")]
        [DataRow("1-0:1.8.1 ")]
        [DataRow("1-0:1234.8.1")]
        public void Rejects_what_is_not_an_OBIS_code(string text)
        {
            ObisCode code;
            Assert.IsFalse(ObisCode.TryParse(text, out code), text);
        }

        [TestMethod]
        public void Equality_compares_all_six_groups()
        {
            ObisCode a = new ObisCode(1, 0, 1, 8, 1, 255);
            ObisCode b = new ObisCode(1, 0, 1, 8, 1, 255);
            ObisCode c = new ObisCode(1, 0, 1, 8, 1, 1);
            Assert.IsTrue(a == b);
            Assert.IsTrue(a != c);
            Assert.IsTrue(a.HasCde(1, 8, 1));
            Assert.IsTrue(c.HasCde(1, 8, 1));
            Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
        }

        [TestMethod]
        public void FormatTo_writes_at_the_offset_and_returns_the_length()
        {
            byte[] buffer = new byte[40];
            int length = new ObisCode(255, 255, 255, 255, 255, 255).FormatTo(buffer, 5);
            Assert.AreEqual(ObisCode.MaxFormattedLength, length);
            Assert.AreEqual((byte)'2', buffer[5]);
            Assert.AreEqual((byte)0, buffer[4]);
        }
    }
}
