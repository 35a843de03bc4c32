namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// The AARE (Green Book 11.3): association result, the source of the diagnostic (acse-service-user or
    /// -provider) and its value, and in user-information either the xDLMS InitiateResponse (negotiated conformance,
    /// server max receive PDU size) or a ConfirmedServiceError naming why the xDLMS part was refused.
    /// </summary>
    public sealed class AssociationResponse
    {
        /// <summary>0 accepted, 1 rejected-permanent, 2 rejected-transient.</summary>
        public byte Result;

        /// <summary>True when the diagnostic comes from the acse-service-provider, false for the acse-service-user.</summary>
        public bool DiagnosticFromProvider;

        public byte Diagnostic;

        public bool HasInitiateResponse;
        public uint NegotiatedConformance;
        public int ServerMaxReceivePduSize;
        public byte DlmsVersion = 6;
        public int VaaName = 7;

        /// <summary>True when user-information carried a ConfirmedServiceError (initiate error) instead.</summary>
        public bool HasServiceError;
        public byte ServiceErrorKind;
        public byte ServiceErrorValue;

        public string LastCheck = string.Empty;

        public bool Accepted
        {
            get { return Result == 0; }
        }

        /// <summary>An accepted association with the given negotiated values.</summary>
        public void SetAccepted(uint conformance, int maxPduSize)
        {
            Result = 0;
            DiagnosticFromProvider = false;
            Diagnostic = 0;
            HasInitiateResponse = true;
            NegotiatedConformance = conformance;
            ServerMaxReceivePduSize = maxPduSize;
            HasServiceError = false;
        }

        /// <summary>A rejection with an acse-service-user diagnostic (e.g. 13 authentication-failure).</summary>
        public void SetRejected(byte result, byte userDiagnostic)
        {
            Result = result;
            DiagnosticFromProvider = false;
            Diagnostic = userDiagnostic;
            HasInitiateResponse = false;
            HasServiceError = false;
        }

        /// <summary>A rejection for the xDLMS part: ConfirmedServiceError initiateError, ServiceError initiate (value).</summary>
        public void SetInitiateError(byte initiateError)
        {
            Result = 1;
            DiagnosticFromProvider = false;
            Diagnostic = 1;
            HasInitiateResponse = false;
            HasServiceError = true;
            ServiceErrorKind = 6;
            ServiceErrorValue = initiateError;
        }

        public void Encode(AxdrWriter writer)
        {
            writer.Byte((int)DlmsApduTag.Aare);
            int lengthAt = writer.Position;
            writer.Byte(0);
            int contentStart = writer.Position;
            ApduBytes.WriteApplicationContext(writer);
            writer.Byte(0xA2);
            writer.Byte(0x03);
            writer.Byte(0x02);
            writer.Byte(0x01);
            writer.Byte(Result);
            writer.Byte(0xA3);
            writer.Byte(0x05);
            writer.Byte(DiagnosticFromProvider ? 0xA2 : 0xA1);
            writer.Byte(0x03);
            writer.Byte(0x02);
            writer.Byte(0x01);
            writer.Byte(Diagnostic);
            if (HasInitiateResponse)
            {
                ApduBytes.WriteUserInformationHeader(writer, 14);
                writer.Byte((int)DlmsApduTag.InitiateResponse);
                writer.Byte(0x00); // negotiated-quality-of-service absent
                writer.Byte(DlmsVersion);
                ApduBytes.WriteConformance(writer, NegotiatedConformance);
                writer.UInt16(ServerMaxReceivePduSize);
                writer.UInt16(VaaName);
            }
            else if (HasServiceError)
            {
                ApduBytes.WriteUserInformationHeader(writer, 4);
                writer.Byte((int)DlmsApduTag.ConfirmedServiceError);
                writer.Byte(0x01); // initiateError
                writer.Byte(ServiceErrorKind);
                writer.Byte(ServiceErrorValue);
            }

            writer.Patch(lengthAt, writer.Position - contentStart);
        }

        private DlmsApduStatus Fail(DlmsApduStatus status, string check)
        {
            LastCheck = check;
            return status;
        }

        public DlmsApduStatus Parse(byte[] b, int offset, int count)
        {
            Result = 255;
            Diagnostic = 0;
            DiagnosticFromProvider = false;
            HasInitiateResponse = false;
            HasServiceError = false;
            NegotiatedConformance = 0;
            ServerMaxReceivePduSize = 0;
            LastCheck = string.Empty;
            int end = offset + count;
            int p;
            int apduEnd;
            DlmsApduStatus opened = ApduBytes.OpenApdu(b, offset, count, DlmsApduTag.Aare, out p, out apduEnd);
            if (opened != DlmsApduStatus.Ok)
            {
                return Fail(opened, opened == DlmsApduStatus.UnexpectedTag ? "AARE tag 0x61" : "AARE length");
            }

            int tag;
            int length;
            bool contextOk = false;
            while (p < apduEnd)
            {
                if (!ApduBytes.TryReadTagLength(b, ref p, apduEnd, out tag, out length))
                {
                    return Fail(DlmsApduStatus.Truncated, "AARE field length");
                }

                int fieldEnd = p + length;
                switch (tag)
                {
                    case 0xA1:
                        contextOk = length == 9 && b[p] == 0x06 && b[p + 1] == 0x07;
                        break;
                    case 0xA2:
                        if (length != 3 || b[p] != 0x02 || b[p + 1] != 0x01)
                        {
                            return Fail(DlmsApduStatus.Malformed, "result is an INTEGER of one byte");
                        }

                        Result = b[p + 2];
                        break;
                    case 0xA3:
                        if (length != 5 || (b[p] != 0xA1 && b[p] != 0xA2) || b[p + 2] != 0x02 || b[p + 3] != 0x01)
                        {
                            return Fail(DlmsApduStatus.Malformed, "result-source-diagnostic is acse-service-user [1] or -provider [2] INTEGER");
                        }

                        DiagnosticFromProvider = b[p] == 0xA2;
                        Diagnostic = b[p + 4];
                        break;
                    case 0xBE:
                        DlmsApduStatus status = ParseUserInformation(b, p, fieldEnd);
                        if (status != DlmsApduStatus.Ok)
                        {
                            return status;
                        }

                        break;
                }

                p = fieldEnd;
            }

            if (!contextOk)
            {
                return Fail(DlmsApduStatus.Malformed, "application-context-name present (object identifier of 7 bytes)");
            }

            if (Result == 255)
            {
                return Fail(DlmsApduStatus.Malformed, "result present");
            }

            if (apduEnd != end)
            {
                return Fail(DlmsApduStatus.TrailingBytes, "nothing after the AARE");
            }

            return DlmsApduStatus.Ok;
        }

        private DlmsApduStatus ParseUserInformation(byte[] b, int p, int end)
        {
            if (!ApduBytes.OpenUserInformation(b, ref p, end, out end))
            {
                return Fail(DlmsApduStatus.Malformed, "user-information is an OCTET STRING");
            }

            if (p >= end)
            {
                return Fail(DlmsApduStatus.Truncated, "user-information content");
            }

            if (b[p] == (byte)DlmsApduTag.ConfirmedServiceError)
            {
                if (end - p < 4)
                {
                    return Fail(DlmsApduStatus.Truncated, "ConfirmedServiceError");
                }

                HasServiceError = true;
                ServiceErrorKind = b[p + 2];
                ServiceErrorValue = b[p + 3];
                return DlmsApduStatus.Ok;
            }

            if (b[p] != (byte)DlmsApduTag.InitiateResponse)
            {
                return Fail(DlmsApduStatus.Malformed, "user-information holds an InitiateResponse (0x08) or ConfirmedServiceError (0x0E)");
            }

            p++;
            if (p >= end)
            {
                return Fail(DlmsApduStatus.Truncated, "InitiateResponse negotiated-quality-of-service");
            }

            p += b[p] == 0x01 ? 2 : 1;
            byte version;
            uint conformance;
            int maxPduSize;
            string missing = ApduBytes.ReadVersionConformancePdu(b, ref p, end, out version, out conformance, out maxPduSize);
            if (missing != null)
            {
                return Fail(DlmsApduStatus.Malformed, missing);
            }

            if (end - p < 2)
            {
                return Fail(DlmsApduStatus.Truncated, "InitiateResponse vaa-name");
            }

            DlmsVersion = version;
            NegotiatedConformance = conformance;
            ServerMaxReceivePduSize = maxPduSize;
            VaaName = b[p] << 8 | b[p + 1];
            HasInitiateResponse = true;
            return DlmsApduStatus.Ok;
        }

        /// <summary>"rejected-permanent, acse-service-user: authentication-failure" (allocates: for messages).</summary>
        public string Describe()
        {
            string text = DlmsNames.AssociationResult(Result) + " (" + Result.ToString() + "), " +
                          (DiagnosticFromProvider ? "acse-service-provider: " + DlmsNames.AcseServiceProvider(Diagnostic) : "acse-service-user: " + DlmsNames.AcseServiceUser(Diagnostic)) +
                          " (" + Diagnostic.ToString() + ")";
            if (HasServiceError)
            {
                text += ", confirmed-service-error " + (ServiceErrorKind == 6 ? "initiate: " + DlmsNames.InitiateError(ServiceErrorValue) : "kind " + ServiceErrorKind.ToString() + " value " + ServiceErrorValue.ToString());
            }

            return text;
        }
    }
}
