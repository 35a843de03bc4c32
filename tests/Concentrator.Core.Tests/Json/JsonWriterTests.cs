using Concentrator.Core.Json;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Json
{
    [TestClass]
    public class JsonWriterTests
    {
        private static string Written(JsonWriter writer)
        {
            return Ascii.Text(writer.Buffer, 0, writer.Length);
        }

        [TestMethod]
        [DataRow(687138L, -3, "687.138")]
        [DataRow(0L, -3, "0.000")]
        [DataRow(5L, -2, "0.05")]
        [DataRow(-5L, -2, "-0.05")]
        [DataRow(-12345L, -1, "-1234.5")]
        [DataRow(5L, 3, "5000")]
        [DataRow(0L, 3, "0")]
        [DataRow(42L, 0, "42")]
        [DataRow(-9223372036854775808L, 0, "-9223372036854775808")]
        [DataRow(123L, -3, "0.123")]
        public void Numbers_are_exact_and_keep_their_resolution(long mantissa, int exponent, string json)
        {
            JsonWriter writer = new JsonWriter(64);
            writer.Number(mantissa, exponent);
            Assert.AreEqual(json, Written(writer));
            Assert.IsFalse(writer.Overflowed);
        }

        [TestMethod]
        public void Commas_and_nesting()
        {
            JsonWriter writer = new JsonWriter(128);
            writer.StartObject();
            writer.Property("a", "x");
            writer.Name("b");
            writer.StartArray();
            writer.Number(1);
            writer.Boolean(true);
            writer.Null();
            writer.StartObject();
            writer.EndObject();
            writer.EndArray();
            writer.Name("c");
            writer.StartObject();
            writer.Property("d", "e");
            writer.EndObject();
            writer.EndObject();
            Assert.AreEqual("{\"a\":\"x\",\"b\":[1,true,null,{}],\"c\":{\"d\":\"e\"}}", Written(writer));
        }

        [TestMethod]
        public void Strings_are_escaped()
        {
            JsonWriter writer = new JsonWriter(128);
            writer.String("q\"b\\n\n\u0001é€");
            Assert.AreEqual("\"q\\\"b\\\\n\\n\\u0001" + "\u00C3\u00A9\u00E2\u0082\u00AC" + "\"", Written(writer));
        }

        [TestMethod]
        public void Meter_bytes_outside_ASCII_are_escaped_not_passed_through()
        {
            JsonWriter writer = new JsonWriter(64);
            byte[] bytes = new byte[] { (byte)'a', 0xE9, 0x7F, (byte)'z' };
            writer.String(bytes, 0, bytes.Length);
            Assert.AreEqual("\"a\\u00E9\\u007Fz\"", Written(writer));
        }

        [TestMethod]
        public void Overflow_is_reported_and_never_writes_past_the_buffer()
        {
            JsonWriter writer = new JsonWriter(16);
            writer.StartObject();
            writer.Property("name", "a value that is much too long");
            Assert.IsTrue(writer.Overflowed);
            Assert.AreEqual(16, writer.Length);

            writer.Reset();
            Assert.IsFalse(writer.Overflowed);
            writer.Number(12345678901234L, -20);
            Assert.IsTrue(writer.Overflowed);
        }

        [TestMethod]
        public void Reset_reuses_the_buffer()
        {
            JsonWriter writer = new JsonWriter(32);
            writer.StartArray();
            writer.Number(1);
            writer.EndArray();
            writer.Reset();
            writer.StartArray();
            writer.Number(2);
            writer.EndArray();
            Assert.AreEqual("[2]", Written(writer));
        }
    }
}
