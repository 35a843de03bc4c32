using Concentrator.Core.Configuration;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Configuration
{
    [TestClass]
    public class KeyValueReaderTests
    {
        [TestMethod]
        public void Entries_are_trimmed_keys_lower_cased_and_comments_and_blank_lines_skipped()
        {
            KeyValueReader reader = Reader("# concentrator settings\r\n\r\n  WiFi.SSID = Meter cabinet \r\n; old\nmqtt.port=1883\n");
            string key;
            string value;

            Assert.AreEqual((int)KeyValueStatus.Entry, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual("wifi.ssid", key);
            Assert.AreEqual("Meter cabinet", value);
            Assert.AreEqual(3, reader.LineNumber);

            Assert.AreEqual((int)KeyValueStatus.Entry, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual("mqtt.port", key);
            Assert.AreEqual("1883", value);
            Assert.AreEqual(5, reader.LineNumber);

            Assert.AreEqual((int)KeyValueStatus.End, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual((int)KeyValueStatus.End, (int)reader.ReadNext(out key, out value));
        }

        [TestMethod]
        public void Value_keeps_equals_signs_and_may_be_empty()
        {
            KeyValueReader reader = Reader("wifi.password=a=b==\nmqtt.user=");
            string key;
            string value;

            Assert.AreEqual((int)KeyValueStatus.Entry, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual("a=b==", value);
            Assert.AreEqual((int)KeyValueStatus.Entry, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual("mqtt.user", key);
            Assert.AreEqual("", value);
        }

        [TestMethod]
        public void Line_without_equals_or_key_is_malformed_with_its_line_number_and_reading_goes_on()
        {
            KeyValueReader reader = Reader("device.id=p1-gw\njust text\n = value\nlast=1");
            string key;
            string value;

            Assert.AreEqual((int)KeyValueStatus.Entry, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual((int)KeyValueStatus.Malformed, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual(2, reader.LineNumber);
            Assert.AreEqual("just text", key);
            Assert.AreEqual((int)KeyValueStatus.Malformed, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual(3, reader.LineNumber);
            Assert.AreEqual((int)KeyValueStatus.Entry, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual("last", key);
            Assert.AreEqual("1", value);
        }

        [TestMethod]
        public void Byte_order_mark_is_ignored_and_utf8_values_are_decoded()
        {
            byte[] text = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'k', (byte)'=', 0xC3, 0xA9 };
            KeyValueReader reader = new KeyValueReader(text, 0, text.Length);
            string key;
            string value;

            Assert.AreEqual((int)KeyValueStatus.Entry, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual("k", key);
            Assert.AreEqual("\u00E9", value);
        }

        [TestMethod]
        public void Empty_input_ends_at_once()
        {
            KeyValueReader reader = new KeyValueReader(new byte[0], 0, 0);
            string key;
            string value;

            Assert.AreEqual((int)KeyValueStatus.End, (int)reader.ReadNext(out key, out value));
            Assert.AreEqual(0, reader.LineNumber);
        }

        private static KeyValueReader Reader(string text)
        {
            byte[] bytes = Ascii.Bytes(text);
            return new KeyValueReader(bytes, 0, bytes.Length);
        }
    }
}
