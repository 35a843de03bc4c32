using Concentrator.Core.Dlms;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Dlms
{
    [TestClass]
    public class AssociationApduTests
    {
        // AARQ without authentication, conformance 00 30 1D, max PDU FFFF: the example in the public dlms-cosem
        // (Python) library's AARQ decoding sample.
        private const string AarqNoAuthentication = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 30 1D FF FF";

        // AARQ with low level security (password "xRwPbExF"), conformance 00 7E 1F, max PDU 0100, and the meter's
        // AARE accepting it (conformance 00 18 1D, max PDU 0180): a published HDLC capture of a meter with a password.
        private const string AarqLowCapture = "60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 AC 0A 80 08 78 52 77 50 62 45 78 46 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 01 00";
        private const string AareAcceptedCapture = "61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 18 1D 01 80 00 07";

        private static string Encode(AssociationRequest request)
        {
            byte[] buffer = new byte[256];
            AxdrWriter writer = new AxdrWriter(buffer);
            request.Encode(writer);
            Assert.IsFalse(writer.Overflowed);
            return HexBytes.Format(buffer, 0, writer.Length);
        }

        [TestMethod]
        public void Encodes_an_AARQ_without_authentication_byte_exact()
        {
            AssociationRequest request = new AssociationRequest();
            request.ProposedConformance = 0x00301D;
            request.MaxReceivePduSize = 0xFFFF;
            Assert.AreEqual(AarqNoAuthentication, Encode(request));
        }

        [TestMethod]
        public void Encodes_an_AARQ_with_a_password_byte_exact()
        {
            AssociationRequest request = new AssociationRequest();
            request.Authentication = DlmsAuthentication.Low;
            request.SetPassword("xRwPbExF");
            request.ProposedConformance = 0x007E1F;
            request.MaxReceivePduSize = 0x0100;
            Assert.AreEqual(AarqLowCapture, Encode(request));
        }

        [TestMethod]
        public void Parses_an_AARQ_with_a_password()
        {
            byte[] data = HexBytes.Parse(AarqLowCapture);
            AssociationRequest request = new AssociationRequest();
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)request.Parse(data, 0, data.Length));
            Assert.IsTrue(request.LogicalNameContext);
            Assert.AreEqual((int)DlmsAuthentication.Low, (int)request.Authentication);
            Assert.AreEqual("xRwPbExF", Ascii.Text(request.Password, 0, request.PasswordLength));
            Assert.AreEqual(0x007E1Fu, request.ProposedConformance);
            Assert.AreEqual(0x0100, request.MaxReceivePduSize);
            Assert.AreEqual(6, (int)request.DlmsVersion);
        }

        [TestMethod]
        public void Parses_and_encodes_an_accepting_AARE()
        {
            byte[] data = HexBytes.Parse(AareAcceptedCapture);
            AssociationResponse response = new AssociationResponse();
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)response.Parse(data, 0, data.Length));
            Assert.IsTrue(response.Accepted);
            Assert.IsTrue(response.HasInitiateResponse);
            Assert.AreEqual(0x00181Du, response.NegotiatedConformance);
            Assert.AreEqual(0x0180, response.ServerMaxReceivePduSize);
            Assert.AreEqual(7, response.VaaName);
            Assert.AreEqual("block-transfer-with-get-or-read, block-transfer-with-set-or-write, get, set, selective-access, action", Conformance.Describe(response.NegotiatedConformance));

            byte[] buffer = new byte[64];
            AxdrWriter writer = new AxdrWriter(buffer);
            response.Encode(writer);
            Assert.AreEqual(AareAcceptedCapture, HexBytes.Format(buffer, 0, writer.Length));
        }

        [TestMethod]
        public void A_rejection_names_result_and_diagnostic()
        {
            AssociationResponse response = new AssociationResponse();
            response.SetRejected(1, 13);
            byte[] buffer = new byte[64];
            AxdrWriter writer = new AxdrWriter(buffer);
            response.Encode(writer);
            Assert.AreEqual("61 17 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 0D", HexBytes.Format(buffer, 0, writer.Length));

            AssociationResponse parsed = new AssociationResponse();
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)parsed.Parse(buffer, 0, writer.Length));
            Assert.IsFalse(parsed.Accepted);
            Assert.AreEqual("rejected-permanent (1), acse-service-user: authentication-failure (13)", parsed.Describe());
        }

        [TestMethod]
        public void An_initiate_error_is_named()
        {
            AssociationResponse response = new AssociationResponse();
            response.SetInitiateError(3);
            byte[] buffer = new byte[64];
            AxdrWriter writer = new AxdrWriter(buffer);
            response.Encode(writer);
            AssociationResponse parsed = new AssociationResponse();
            Assert.AreEqual((int)DlmsApduStatus.Ok, (int)parsed.Parse(buffer, 0, writer.Length));
            Assert.IsTrue(parsed.HasServiceError);
            Assert.AreEqual("rejected-permanent (1), acse-service-user: no-reason-given (1), confirmed-service-error initiate: pdu-size-too-short", parsed.Describe());
        }

        [TestMethod]
        public void Bad_AAREs_name_the_failed_check()
        {
            AssociationResponse response = new AssociationResponse();
            byte[] truncated = HexBytes.Parse("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00");
            Assert.AreEqual((int)DlmsApduStatus.Truncated, (int)response.Parse(truncated, 0, truncated.Length));
            Assert.AreEqual("AARE length", response.LastCheck);

            byte[] noResult = HexBytes.Parse("61 0B A1 09 06 07 60 85 74 05 08 01 01");
            Assert.AreEqual((int)DlmsApduStatus.Malformed, (int)response.Parse(noResult, 0, noResult.Length));
            Assert.AreEqual("result present", response.LastCheck);

            byte[] wrongTag = HexBytes.Parse("C4 01 C1 00 11 05");
            Assert.AreEqual((int)DlmsApduStatus.UnexpectedTag, (int)response.Parse(wrongTag, 0, wrongTag.Length));
        }

        [TestMethod]
        public void Release_request_and_response()
        {
            byte[] buffer = new byte[8];
            AxdrWriter writer = new AxdrWriter(buffer);
            GetApdu.WriteReleaseRequest(writer);
            Assert.AreEqual("62 03 80 01 00", HexBytes.Format(buffer, 0, writer.Length));
            Assert.AreEqual(0, GetApdu.ParseRelease(buffer, 0, writer.Length, DlmsApduTag.Rlrq));
            byte[] bare = HexBytes.Parse("63 00");
            Assert.AreEqual(-1, GetApdu.ParseRelease(bare, 0, bare.Length, DlmsApduTag.Rlre));
            byte[] bad = HexBytes.Parse("63 05 80 01");
            Assert.AreEqual(-2, GetApdu.ParseRelease(bad, 0, bad.Length, DlmsApduTag.Rlre));
        }
    }
}
