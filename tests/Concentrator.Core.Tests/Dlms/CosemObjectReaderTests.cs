using Concentrator.Core.Dlms;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Dlms
{
    [TestClass]
    public class CosemObjectReaderTests
    {
        public static DlmsClient NewClient(int registers)
        {
            byte[][] responses = new byte[][] { DlmsVectors.WithListResponse(registers, true), DlmsVectors.WithListResponse(registers, false) };
            DlmsClientOptions options = new DlmsClientOptions();
            options.MaxAttributesPerRequest = 64;
            return new DlmsClient(new ReplayApduTransport(DlmsVectors.AareAccepting(), responses), options);
        }

        [TestMethod]
        public void Reads_registers_with_scaler_and_unit_then_from_the_cache()
        {
            DlmsClient client = NewClient(20);
            CosemObjectReader reader = new CosemObjectReader(client, 32);
            Assert.AreEqual((int)DlmsClientStatus.Ok, (int)client.Associate());
            ReadingSet set = new ReadingSet(32, 1024);
            CosemObjectInfo[] registers = DlmsVectors.Registers(20);
            Assert.AreEqual((int)DlmsClientStatus.Ok, (int)reader.ReadObjects(registers, 20, set), reader.LastError.ToString());
            Assert.AreEqual(2, client.Exchanges, "AARQ and one GET-with-list of 40 attributes");
            Assert.AreEqual(20, set.Count);
            Assert.AreEqual(1234567L, set[0].Mantissa);
            Assert.AreEqual(0, (int)set[0].Exponent);
            Assert.AreEqual("Wh", set.GetText(set[0].UnitStart, set[0].UnitLength));
            Assert.AreEqual(1235567L, set[1].Mantissa);
            Assert.AreEqual(-1, (int)set[1].Exponent);
            Assert.AreEqual("W", set.GetText(set[1].UnitStart, set[1].UnitLength));

            set.Clear();
            Assert.AreEqual((int)DlmsClientStatus.Ok, (int)reader.ReadObjects(registers, 20, set));
            Assert.AreEqual(3, client.Exchanges, "scaler_units cached: one GET-with-list of 20 values");
            Assert.AreEqual(-1, (int)set[1].Exponent);
        }

        [TestMethod]
        public void A_response_with_the_wrong_item_count_is_named()
        {
            byte[][] responses = new byte[][] { DlmsVectors.WithListResponse(2, false) };
            DlmsClientOptions options = new DlmsClientOptions();
            DlmsClient client = new DlmsClient(new ReplayApduTransport(DlmsVectors.AareAccepting(), responses), options);
            Assert.AreEqual((int)DlmsClientStatus.Ok, (int)client.Associate());
            CosemAttributeDescriptor[] attributes = new CosemAttributeDescriptor[2];
            attributes[0] = new CosemAttributeDescriptor(1, new Concentrator.Core.Obis.ObisCode(0, 0, 42, 0, 0, 255), 2);
            attributes[1] = attributes[0];
            Assert.AreEqual((int)DlmsClientStatus.Ok, (int)client.GetList(attributes, 0, 2));
            Assert.AreEqual(1234567L, client.Value(0).Read() == AxdrStatus.Ok ? client.Value(0).Integer : -1);

            // Three attributes asked, the prepared answer is for two: no answer prepared = timeout from the replay.
            CosemAttributeDescriptor[] three = new CosemAttributeDescriptor[] { attributes[0], attributes[0], attributes[0] };
            Assert.AreEqual((int)DlmsClientStatus.TransportFailed, (int)client.GetList(three, 0, 3));
        }

        [TestMethod]
        [DataRow(230.1, 7, 2301L, -1)]
        [DataRow(0.001, 7, 1L, -3)]
        [DataRow(-12.5, 15, -125L, -1)]
        [DataRow(1500000.0, 15, 15L, 5)]
        public void Floats_become_exact_decimals(double value, int digits, long mantissa, int exponent)
        {
            long m;
            int e;
            Assert.IsTrue(CosemValueConverter.ToDecimal(digits == 7 ? (double)(float)value : value, digits, out m, out e));
            Assert.AreEqual(mantissa, m);
            Assert.AreEqual(exponent, e);
        }

        [TestMethod]
        public void Float32_value_of_a_register_is_scaled()
        {
            byte[] data = HexBytes.Parse("17 43 66 19 9A"); // float32 230.1
            AxdrReader reader = new AxdrReader();
            reader.Reset(data, 0, data.Length);
            ReadingSet set = new ReadingSet(2, 64);
            Reading reading = set.Add();
            Assert.IsTrue(new CosemValueConverter().Convert(reader, set, reading, true, -1, 35, false));
            Assert.AreEqual(2301L, reading.Mantissa);
            Assert.AreEqual(-2, (int)reading.Exponent);
            Assert.AreEqual("V", set.GetText(reading.UnitStart, reading.UnitLength));
        }
    }
}
