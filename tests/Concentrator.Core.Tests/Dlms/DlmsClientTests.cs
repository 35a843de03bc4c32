using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Dlms
{
    [TestClass]
    public class DlmsClientTests
    {
        private static readonly CosemAttributeDescriptor Clock = new CosemAttributeDescriptor(8, new ObisCode(0, 0, 1, 0, 0, 255), 2);

        private static DlmsClient Associated(string[] getAnswers)
        {
            byte[][] answers = new byte[getAnswers.Length + 1][];
            answers[0] = DlmsVectors.AareAccepting();
            for (int i = 0; i < getAnswers.Length; i++)
            {
                answers[i + 1] = HexBytes.Parse(getAnswers[i]);
            }

            DlmsClient client = new DlmsClient(new SequenceApduTransport(answers), new DlmsClientOptions());
            Assert.AreEqual((int)DlmsClientStatus.Ok, (int)client.Associate());
            return client;
        }

        [TestMethod]
        public void Reassembles_a_value_sent_in_blocks()
        {
            // The octet-string(12) of the clock split over two blocks (first invoke id is 1).
            DlmsClient client = Associated(new string[]
            {
                "C4 02 C1 00 00 00 00 01 00 06 09 0C 07 EA 0B 15",
                "C4 02 C1 01 00 00 00 02 00 08 06 0C 07 1E 00 FF C4 00",
            });
            Assert.AreEqual((int)DlmsClientStatus.Ok, (int)client.Get(Clock), client.LastError.ToString());
            AxdrReader value = client.Value(0);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)value.Read(AxdrTag.OctetString));
            Assert.AreEqual(12, value.ValueLength);
            Assert.AreEqual(3, client.Exchanges);
        }

        [TestMethod]
        public void A_block_out_of_sequence_is_named()
        {
            DlmsClient client = Associated(new string[]
            {
                "C4 02 C1 00 00 00 00 01 00 06 09 0C 07 EA 0B 15",
                "C4 02 C1 01 00 00 00 03 00 08 06 0C 07 1E 00 FF C4 00",
            });
            Assert.AreEqual((int)DlmsClientStatus.BlockTransferFailed, (int)client.Get(Clock));
            Assert.AreEqual("block transfer failed: block number in sequence (expected 2, got 3) [class 8 0-0:1.0.0*255 attribute 2]", client.LastError.ToString());
        }

        [TestMethod]
        public void A_response_to_another_invoke_id_is_rejected()
        {
            DlmsClient client = Associated(new string[] { "C4 01 C5 00 11 01" });
            Assert.AreEqual((int)DlmsClientStatus.UnexpectedResponse, (int)client.Get(Clock));
            Assert.AreEqual("unexpected response: invoke-id matches the request (expected 1, got 5) [class 8 0-0:1.0.0*255 attribute 2]", client.LastError.ToString());
        }

        [TestMethod]
        public void Data_access_results_and_exceptions_are_named()
        {
            DlmsClient client = Associated(new string[] { "C4 01 C1 01 03", "D8 02 01" });
            Assert.AreEqual((int)DlmsClientStatus.DataAccessError, (int)client.Get(Clock));
            Assert.AreEqual("meter refused the attribute: data-access-result read-write-denied (3) [class 8 0-0:1.0.0*255 attribute 2]", client.LastError.ToString());
            Assert.AreEqual((int)DlmsClientStatus.ServiceError, (int)client.Get(Clock));
            Assert.AreEqual("exception-response: state-error service-unknown, service-error service-not-supported [class 8 0-0:1.0.0*255 attribute 2]", client.LastError.ToString());
            Assert.IsTrue(client.Associated, "a service error does not end the association");
        }

        [TestMethod]
        public void A_malformed_response_names_the_check()
        {
            DlmsClient client = Associated(new string[] { "C4 01 C1 00 06 00 00" });
            Assert.AreEqual((int)DlmsClientStatus.MalformedResponse, (int)client.Get(Clock));
            Assert.AreEqual("malformed response: A-XDR data complete (the APDU ends inside a value) [class 8 0-0:1.0.0*255 attribute 2]", client.LastError.ToString());
        }

        [TestMethod]
        public void A_meter_refusing_with_list_is_read_with_single_GETs()
        {
            // The AARE grants multiple-references, the meter then refuses the with-list request (service-unknown).
            DlmsClient client = Associated(new string[] { "D8 02 01", "C4 01 C2 00 11 07", "C4 01 C3 00 11 08" });
            CosemAttributeDescriptor[] two = new CosemAttributeDescriptor[] { Clock, Clock };
            Assert.IsTrue(client.WithListInUse);
            Assert.AreEqual((int)DlmsClientStatus.Ok, (int)client.GetList(two, 0, 2), client.LastError.ToString());
            Assert.IsFalse(client.WithListInUse);
            Assert.AreEqual((int)AxdrStatus.Ok, (int)client.Value(1).Read());
            Assert.AreEqual(8L, client.Value(1).Integer);
        }

        [TestMethod]
        public void A_rejecting_AARE_is_described()
        {
            DlmsClient client = new DlmsClient(new SequenceApduTransport(new byte[][] { DlmsVectors.AareRejecting(2, 1) }), new DlmsClientOptions());
            Assert.AreEqual((int)DlmsClientStatus.AssociationRejected, (int)client.Associate());
            Assert.AreEqual("association rejected: rejected-transient (2), acse-service-user: no-reason-given (1)", client.LastError.ToString());
        }

        [TestMethod]
        public void A_value_that_does_not_fit_leaves_no_half_filled_reading()
        {
            DlmsClient client = Associated(new string[] { "C4 01 C1 00 0A 05 48 45 4C 4C 4F" });
            CosemObjectReader reader = new CosemObjectReader(client, 4);
            ReadingSet set = new ReadingSet(4, 3);
            CosemObjectInfo[] name = new CosemObjectInfo[] { new CosemObjectInfo(CosemObjectInfo.DataClass, new ObisCode(0, 0, 42, 0, 0, 255)) };
            Assert.AreEqual((int)DlmsClientStatus.CapacityExceeded, (int)reader.ReadObjects(name, 1, set));
            Assert.AreEqual(0, set.Count);
            Assert.AreEqual("capacity exceeded: text fits the ReadingSet (expected 3, got 128)", reader.LastError.ToString());
        }
    }
}
