using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Dlms
{
    [TestClass]
    public class GetApduTests
    {
        [TestMethod]
        public void Encodes_GET_normal_byte_exact()
        {
            // Logical device name (class 1, 0.0.42.0.0.255, attribute 2) as read in a published SPODES client log.
            byte[] buffer = new byte[64];
            AxdrWriter writer = new AxdrWriter(buffer);
            GetApdu.WriteRequestNormal(writer, 0xC1, new CosemAttributeDescriptor(1, new ObisCode(0, 0, 42, 0, 0, 255), 2), new SelectiveAccess());
            Assert.AreEqual("C0 01 C1 00 01 00 00 2A 00 00 FF 02 00", HexBytes.Format(buffer, 0, writer.Length));
        }

        [TestMethod]
        public void Encodes_GET_next_and_with_list()
        {
            byte[] buffer = new byte[64];
            AxdrWriter writer = new AxdrWriter(buffer);
            GetApdu.WriteRequestNext(writer, 0xC1, 2);
            Assert.AreEqual("C0 02 C1 00 00 00 02", HexBytes.Format(buffer, 0, writer.Length));

            writer.Reset(buffer, 0, buffer.Length);
            CosemAttributeDescriptor[] list = new CosemAttributeDescriptor[]
            {
                new CosemAttributeDescriptor(3, new ObisCode(1, 0, 1, 8, 0, 255), 2),
                new CosemAttributeDescriptor(3, new ObisCode(1, 0, 1, 8, 0, 255), 3),
            };
            GetApdu.WriteRequestWithList(writer, 0xC2, list, 0, 2);
            Assert.AreEqual("C0 03 C2 02 00 03 01 00 01 08 00 FF 02 00 00 03 01 00 01 08 00 FF 03 00", HexBytes.Format(buffer, 0, writer.Length));

            GetRequestParser parser = new GetRequestParser(4);
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)parser.Parse(buffer, 0, writer.Length));
            Assert.AreEqual(2, parser.Count);
            Assert.AreEqual(3, (int)parser.Item(1).Attribute);
        }

        [TestMethod]
        public void Selective_access_by_range_round_trips()
        {
            CosemDateTime from = CosemDateTime.From(new System.DateTime(2026, 11, 21, 0, 0, 0), -60, 0);
            CosemDateTime to = CosemDateTime.From(new System.DateTime(2026, 11, 21, 1, 0, 0), -60, 0);
            byte[] buffer = new byte[128];
            AxdrWriter writer = new AxdrWriter(buffer);
            GetApdu.WriteRequestNormal(writer, 0xC1, new CosemAttributeDescriptor(7, new ObisCode(1, 0, 99, 1, 0, 255), 2), SelectiveAccess.ByRange(from, to));
            Assert.AreEqual(
                "C0 01 C1 00 07 01 00 63 01 00 FF 02 01 01 02 04 02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00 " +
                "09 0C 07 EA 0B 15 06 00 00 00 00 FF C4 00 09 0C 07 EA 0B 15 06 01 00 00 00 FF C4 00 01 00",
                HexBytes.Format(buffer, 0, writer.Length));

            GetRequestParser parser = new GetRequestParser(1);
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)parser.Parse(buffer, 0, writer.Length));
            Assert.AreEqual(1, (int)parser.Selector);
            AxdrReader reader = new AxdrReader();
            reader.Reset(buffer, parser.AccessStart, writer.Length - parser.AccessStart);
            SelectiveAccess access;
            Assert.IsNull(SelectiveAccess.Read(reader, parser.Selector, out access));
            Assert.AreEqual(1, (int)access.To.Hour);
            Assert.AreEqual(8, (int)access.RestrictingClassId);
        }

        [TestMethod]
        public void Selective_access_by_entry_round_trips()
        {
            byte[] buffer = new byte[64];
            AxdrWriter writer = new AxdrWriter(buffer);
            SelectiveAccess.ByEntry(1, 96).Write(writer);
            Assert.AreEqual("02 02 04 06 00 00 00 01 06 00 00 00 60 12 00 01 12 00 00", HexBytes.Format(buffer, 0, writer.Length));
            AxdrReader reader = new AxdrReader();
            reader.Reset(buffer, 1, writer.Length - 1);
            SelectiveAccess access;
            Assert.IsNull(SelectiveAccess.Read(reader, 2, out access));
            Assert.AreEqual(96u, access.ToEntry);
        }

        [TestMethod]
        public void Parses_a_normal_response_with_data()
        {
            byte[] data = HexBytes.Parse("C4 01 C1 00 06 00 01 2C 5B");
            GetResponseParser parser = new GetResponseParser(4);
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)parser.Parse(data, 0, data.Length));
            Assert.AreEqual((int)GetResponseKind.Normal, (int)parser.Kind);
            Assert.IsTrue(parser.IsData);
            Assert.AreEqual(4, parser.DataStart);
            Assert.AreEqual(5, parser.DataLength);
        }

        [TestMethod]
        public void Parses_a_normal_response_with_a_data_access_result()
        {
            byte[] data = HexBytes.Parse("C4 01 C1 01 04");
            GetResponseParser parser = new GetResponseParser(4);
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)parser.Parse(data, 0, data.Length));
            Assert.IsFalse(parser.IsData);
            Assert.AreEqual((int)DataAccessResult.ObjectUndefined, (int)parser.Result);
            Assert.AreEqual("object-undefined", DlmsNames.DataAccessResult((int)parser.Result));
        }

        [TestMethod]
        public void Parses_a_with_list_response_mixing_data_and_errors()
        {
            byte[] data = HexBytes.Parse("C4 03 C1 03 00 06 00 00 00 2A 01 03 00 02 02 0F FD 16 1E");
            GetResponseParser parser = new GetResponseParser(4);
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)parser.Parse(data, 0, data.Length));
            Assert.AreEqual(3, parser.Count);
            Assert.IsTrue(parser.ItemIsData(0));
            Assert.AreEqual(5, parser.ItemStart(0));
            Assert.AreEqual(5, parser.ItemLength(0));
            Assert.IsFalse(parser.ItemIsData(1));
            Assert.AreEqual((int)DataAccessResult.ReadWriteDenied, (int)parser.ItemResult(1));
            Assert.IsTrue(parser.ItemIsData(2));
            Assert.AreEqual(6, parser.ItemLength(2));
        }

        [TestMethod]
        public void Parses_a_data_block()
        {
            byte[] data = HexBytes.Parse("C4 02 C1 00 00 00 00 01 00 05 01 02 02 09 0C");
            GetResponseParser parser = new GetResponseParser(4);
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)parser.Parse(data, 0, data.Length));
            Assert.AreEqual((int)GetResponseKind.WithDatablock, (int)parser.Kind);
            Assert.IsFalse(parser.LastBlock);
            Assert.AreEqual(1u, parser.BlockNumber);
            Assert.AreEqual(5, parser.DataLength);

            byte[] cut = HexBytes.Parse("C4 02 C1 01 00 00 00 02 00 09 01 02");
            Assert.AreEqual((int)DlmsApduStatus.Truncated, (int)parser.Parse(cut, 0, cut.Length));
            Assert.AreEqual("raw-data length matches the APDU", parser.LastCheck);
        }

        [TestMethod]
        public void Parses_exception_responses()
        {
            byte[] data = HexBytes.Parse("D8 01 03");
            GetResponseParser parser = new GetResponseParser(4);
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)parser.Parse(data, 0, data.Length));
            Assert.AreEqual((int)GetResponseKind.Exception, (int)parser.Kind);
            Assert.AreEqual("service-not-allowed", DlmsNames.ExceptionStateError(parser.StateError));
            Assert.AreEqual("pdu-too-long", DlmsNames.ExceptionServiceError(parser.ServiceError));
        }

        [TestMethod]
        [DataRow("C4 01 C1 00 06 00 01", "A-XDR data complete (the APDU ends inside a value)")]
        [DataRow("C4 01 C1 00 11 05 00", "nothing after the data")]
        [DataRow("C4 01 C1 02 00", "Get-Data-Result is data [0] or data-access-result [1]")]
        [DataRow("C4 07 C1 00 00", "GET-Response choice is 1 (normal), 2 (with-datablock) or 3 (with-list)")]
        [DataRow("C4 03 C1 09 00 00", "with-list item count within the parser's capacity")]
        [DataRow("C4 01 C1 00 07 00", "A-XDR data type tag known")]
        public void Bad_responses_name_the_failed_check(string hex, string check)
        {
            byte[] data = HexBytes.Parse(hex);
            GetResponseParser parser = new GetResponseParser(4);
            Assert.AreNotEqual((int)DlmsApduStatus.Ok, (int)parser.Parse(data, 0, data.Length));
            Assert.AreEqual(check, parser.LastCheck);
        }
    }
}
