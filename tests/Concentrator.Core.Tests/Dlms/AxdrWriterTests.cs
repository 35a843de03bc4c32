using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Dlms
{
    [TestClass]
    public class AxdrWriterTests
    {
        [TestMethod]
        public void Writes_every_type_and_reads_it_back()
        {
            byte[] buffer = new byte[256];
            AxdrWriter writer = new AxdrWriter(buffer);
            writer.Structure(16);
            writer.Null();
            writer.Boolean(true);
            writer.Int8(-5);
            writer.Int16(-300);
            writer.Int32(-70000);
            writer.Int64(-5000000000L);
            writer.UInt8Value(250);
            writer.UInt16Value(65000);
            writer.UInt32Value(4000000000u);
            writer.UInt64Value(18000000000000000000UL);
            writer.Enum(33);
            writer.Float32(-0.25);
            writer.Float64(1234.5678);
            writer.LogicalName(new ObisCode(1, 0, 1, 8, 0, 255));
            writer.VisibleString("E350");
            writer.DateTime(CosemDateTime.From(new System.DateTime(2026, 11, 21, 12, 15, 0), -60, 0));
            Assert.IsFalse(writer.Overflowed);

            AxdrReader reader = new AxdrReader();
            reader.Reset(buffer, 0, writer.Length);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Structure));
            Assert.AreEqual(16, reader.Count);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.NullData));
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Boolean));
            Assert.AreEqual(1L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Integer));
            Assert.AreEqual(-5L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Long));
            Assert.AreEqual(-300L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.DoubleLong));
            Assert.AreEqual(-70000L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Long64));
            Assert.AreEqual(-5000000000L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Unsigned));
            Assert.AreEqual(250L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.LongUnsigned));
            Assert.AreEqual(65000L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.DoubleLongUnsigned));
            Assert.AreEqual(4000000000L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Long64Unsigned));
            Assert.AreEqual(18000000000000000000UL, reader.Unsigned64);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Enum));
            Assert.AreEqual(33L, reader.Integer);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Float32));
            Assert.AreEqual(-0.25, reader.Real);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.Float64));
            Assert.AreEqual(1234.5678, reader.Real);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.OctetString));
            Assert.AreEqual("01 00 01 08 00 FF", HexBytes.Format(buffer, reader.ValueStart, reader.ValueLength));
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.VisibleString));
            Assert.AreEqual("E350", Ascii.Text(buffer, reader.ValueStart, reader.ValueLength));
            Assert.AreEqual((int)AxdrStatus.Ok, (int)reader.Read(AxdrTag.DateTime));
            Assert.AreEqual("07 EA 0B 15 06 0C 0F 00 00 FF C4 00", HexBytes.Format(buffer, reader.ValueStart, reader.ValueLength));
            Assert.IsTrue(reader.AtEnd);
        }

        [TestMethod]
        [DataRow(5, "05")]
        [DataRow(127, "7F")]
        [DataRow(128, "81 80")]
        [DataRow(255, "81 FF")]
        [DataRow(256, "82 01 00")]
        [DataRow(70000, "84 00 01 11 70")]
        public void Writes_lengths_in_the_short_and_long_forms(int length, string hex)
        {
            byte[] buffer = new byte[8];
            AxdrWriter writer = new AxdrWriter(buffer);
            writer.WriteLength(length);
            Assert.AreEqual(hex, HexBytes.Format(buffer, 0, writer.Length));
        }

        [TestMethod]
        public void A_full_buffer_sets_overflowed_and_writes_nothing_past_the_end()
        {
            byte[] buffer = new byte[6];
            AxdrWriter writer = new AxdrWriter(buffer);
            writer.Reset(buffer, 0, 4);
            writer.UInt32Value(1);
            Assert.IsTrue(writer.Overflowed);
            Assert.AreEqual(0, (int)buffer[4]);
        }

        [TestMethod]
        [DataRow(1.0, 0x3F800000)]
        [DataRow(-2.5, unchecked((int)0xC0200000))]
        [DataRow(0.1, 0x3DCCCCCD)]
        public void Float32_bits_round_to_nearest(double value, int bits)
        {
            Assert.AreEqual(bits, (int)AxdrWriter.DoubleToFloat32Bits(value));
        }
    }
}
