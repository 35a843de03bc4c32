using System;
using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dlms;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>The DLMS per-value and per-APDU paths allocate nothing in steady state.</summary>
    [TestClass]
    public class DlmsAllocationTests
    {
        [TestMethod]
        public void Decoding_AXDR_values_allocates_nothing()
        {
            byte[] buffer = new byte[512];
            AxdrWriter writer = new AxdrWriter(buffer);
            writer.Structure(12);
            writer.Null();
            writer.Boolean(true);
            writer.Int8(-3);
            writer.Int16(-300);
            writer.UInt32Value(4000000000u);
            writer.Int64(-5);
            writer.UInt64Value(ulong.MaxValue);
            writer.Float32(230.1);
            writer.Float64(1.5);
            writer.LogicalName(new ObisCode(1, 0, 1, 8, 0, 255));
            writer.VisibleString("E350");
            writer.DateTime(CosemDateTime.From(new DateTime(2026, 11, 21, 12, 0, 0), -60, 0));
            // compact array of structure { long-unsigned, octet-string }
            byte[] compact = { 0x13, 0x02, 0x02, 0x12, 0x09, 0x08, 0x00, 0x03, 0x02, 0x41, 0x42, 0x00, 0x08, 0x00 };
            writer.Bytes(compact, 0, compact.Length);
            int length = writer.Length;
            AxdrReader reader = new AxdrReader();
            int values = 0;
            long allocated = Allocation.By(() =>
            {
                for (int round = 0; round < 100; round++)
                {
                    reader.Reset(buffer, 0, length);
                    while (!reader.AtEnd)
                    {
                        Assert.AreEqual(AxdrStatus.Ok, reader.Read());
                        if (reader.Tag == AxdrTag.DateTime)
                        {
                            MeterTime time;
                            reader.DateTime.TryGetMeterTime(out time);
                        }

                        values++;
                    }
                }
            });

            Assert.AreEqual(0L, allocated, "bytes allocated decoding " + values / 2 + " values");
        }

        [TestMethod]
        public void Encoding_and_parsing_APDUs_allocates_nothing()
        {
            byte[] buffer = new byte[1024];
            AxdrWriter writer = new AxdrWriter();
            AssociationRequest aarq = new AssociationRequest();
            aarq.Authentication = DlmsAuthentication.Low;
            aarq.SetPassword("00000000");
            AssociationResponse aare = new AssociationResponse();
            GetRequestParser requestParser = new GetRequestParser(32);
            GetResponseParser responseParser = new GetResponseParser(64);
            CosemAttributeDescriptor[] list = new CosemAttributeDescriptor[20];
            CosemObjectInfo[] registers = DlmsVectors.Registers(20);
            for (int i = 0; i < list.Length; i++)
            {
                list[i] = new CosemAttributeDescriptor(3, registers[i].LogicalName, 2);
            }

            byte[] aareBytes = DlmsVectors.AareAccepting();
            byte[] withList = DlmsVectors.WithListResponse(20, true);
            CosemDateTime from = CosemDateTime.From(new DateTime(2026, 11, 21, 0, 0, 0), -60, 0);
            long allocated = Allocation.By(() =>
            {
                for (int round = 0; round < 100; round++)
                {
                    writer.Reset(buffer, 0, buffer.Length);
                    aarq.Encode(writer);
                    Assert.AreEqual(DlmsApduStatus.Ok, aarq.Parse(buffer, 0, writer.Length));
                    Assert.AreEqual(DlmsApduStatus.Ok, aare.Parse(aareBytes, 0, aareBytes.Length));
                    writer.Reset(buffer, 0, buffer.Length);
                    GetApdu.WriteRequestWithList(writer, 0xC1, list, 0, list.Length);
                    Assert.AreEqual(DlmsApduStatus.Ok, requestParser.Parse(buffer, 0, writer.Length));
                    writer.Reset(buffer, 0, buffer.Length);
                    GetApdu.WriteRequestNormal(writer, 0xC1, new CosemAttributeDescriptor(7, new ObisCode(1, 0, 99, 1, 0, 255), 2), SelectiveAccess.ByRange(from, from));
                    Assert.AreEqual(DlmsApduStatus.Ok, requestParser.Parse(buffer, 0, writer.Length));
                    Assert.AreEqual(DlmsApduStatus.Ok, responseParser.Parse(withList, 0, withList.Length));
                }
            });

            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void Reading_twenty_registers_through_the_client_allocates_nothing()
        {
            DlmsClient client = CosemObjectReaderTests.NewClient(20);
            CosemObjectReader reader = new CosemObjectReader(client, 32);
            Assert.AreEqual(DlmsClientStatus.Ok, client.Associate());
            ReadingSet set = new ReadingSet(32, 1024);
            CosemObjectInfo[] registers = DlmsVectors.Registers(20);
            Assert.AreEqual(DlmsClientStatus.Ok, reader.ReadObjects(registers, 20, set)); // fills the scaler_unit cache
            long allocated = Allocation.By(() =>
            {
                set.Clear();
                Assert.AreEqual(DlmsClientStatus.Ok, reader.ReadObjects(registers, 20, set));
            });

            Assert.AreEqual(0L, allocated);
            Assert.AreEqual(20, set.Count);
        }
    }
}
