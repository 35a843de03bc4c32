using System;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// The AARQ (Green Book 11.3, IEC 62056-5-3 8.x) for logical-name referencing without ciphering, authentication
    /// none or low (password), carrying the xDLMS InitiateRequest (proposed conformance, client max receive PDU size).
    /// The client fills and <see cref="Encode"/>s it; the simulated meter and <c>decode</c> <see cref="Parse"/> it.
    /// </summary>
    public sealed class AssociationRequest
    {
        public const int MaxPasswordLength = 64;

        private readonly byte[] _password = new byte[MaxPasswordLength];

        public DlmsAuthentication Authentication;

        /// <summary>The password bytes (low level security), <see cref="PasswordLength"/> of them.</summary>
        public byte[] Password
        {
            get { return _password; }
        }

        public int PasswordLength;

        public uint ProposedConformance = Conformance.ClientProposal;

        /// <summary>client-max-receive-pdu-size (0xFFFF: no limit other than the meter's).</summary>
        public int MaxReceivePduSize = 0xFFFF;

        public byte DlmsVersion = 6;

        // Parse results.

        /// <summary>The application context is LN without ciphering (the only one supported).</summary>
        public bool LogicalNameContext;

        /// <summary>The application context is LN with ciphering (recognised, not supported).</summary>
        public bool CipheredContext;

        /// <summary>A mechanism name was present that is not low level security (e.g. HLS 5 GMAC).</summary>
        public bool UnsupportedMechanism;

        /// <summary>The AARQ carried an xDLMS InitiateRequest.</summary>
        public bool HasInitiateRequest;

        /// <summary>The InitiateRequest carried a dedicated key (ciphering; not supported).</summary>
        public bool HasDedicatedKey;

        /// <summary>After a failed <see cref="Parse"/>: the check that failed.</summary>
        public string LastCheck = string.Empty;

        /// <summary>Sets the password from ASCII text (configuration time).</summary>
        public void SetPassword(string password)
        {
            if (password == null || password.Length > MaxPasswordLength)
            {
                throw new ArgumentException("password must be 0.." + MaxPasswordLength + " characters", "password");
            }

            for (int i = 0; i < password.Length; i++)
            {
                _password[i] = (byte)password[i];
            }

            PasswordLength = password.Length;
        }

        public void Encode(AxdrWriter writer)
        {
            writer.Byte((int)DlmsApduTag.Aarq);
            int lengthAt = writer.Position;
            writer.Byte(0);
            int contentStart = writer.Position;

            ApduBytes.WriteApplicationContext(writer);

            if (Authentication == DlmsAuthentication.Low)
            {
                // sender-acse-requirements: bit string, authentication functional unit.
                writer.Byte(0x8A);
                writer.Byte(0x02);
                writer.Byte(0x07);
                writer.Byte(0x80);
                writer.Byte(0x8B);
                writer.Byte(0x07);
                writer.Bytes(ApduBytes.LowLevelSecurityMechanism, 0, ApduBytes.LowLevelSecurityMechanism.Length);
                writer.Byte(0xAC);
                writer.Byte(PasswordLength + 2);
                writer.Byte(0x80);
                writer.Byte(PasswordLength);
                writer.Bytes(_password, 0, PasswordLength);
            }

            // user-information: OCTET STRING holding the A-XDR InitiateRequest.
            ApduBytes.WriteUserInformationHeader(writer, 14);
            writer.Byte((int)DlmsApduTag.InitiateRequest);
            writer.Byte(0x00); // dedicated-key absent
            writer.Byte(0x00); // response-allowed: default (TRUE)
            writer.Byte(0x00); // proposed-quality-of-service absent
            writer.Byte(DlmsVersion);
            ApduBytes.WriteConformance(writer, ProposedConformance);
            writer.UInt16(MaxReceivePduSize);

            writer.Patch(lengthAt, writer.Position - contentStart);
        }

        private DlmsApduStatus Fail(DlmsApduStatus status, string check)
        {
            LastCheck = check;
            return status;
        }

        /// <summary>Parses an AARQ; unknown optional fields are skipped.</summary>
        public DlmsApduStatus Parse(byte[] b, int offset, int count)
        {
            Authentication = DlmsAuthentication.None;
            PasswordLength = 0;
            LogicalNameContext = false;
            CipheredContext = false;
            UnsupportedMechanism = false;
            HasInitiateRequest = false;
            HasDedicatedKey = false;
            ProposedConformance = 0;
            MaxReceivePduSize = 0;
            LastCheck = string.Empty;

            int end = offset + count;
            int p;
            int apduEnd;
            DlmsApduStatus opened = ApduBytes.OpenApdu(b, offset, count, DlmsApduTag.Aarq, out p, out apduEnd);
            if (opened != DlmsApduStatus.Ok)
            {
                return Fail(opened, opened == DlmsApduStatus.UnexpectedTag ? "AARQ tag 0x60" : "AARQ length");
            }

            int tag;
            int length;
            while (p < apduEnd)
            {
                if (!ApduBytes.TryReadTagLength(b, ref p, apduEnd, out tag, out length))
                {
                    return Fail(DlmsApduStatus.Truncated, "AARQ field length");
                }

                int fieldEnd = p + length;
                switch (tag)
                {
                    case 0xA1:
                        if (length != 9 || b[p] != 0x06 || b[p + 1] != 0x07)
                        {
                            return Fail(DlmsApduStatus.Malformed, "application-context-name is an object identifier of 7 bytes");
                        }

                        LogicalNameContext = ApduBytes.Equal(b, p + 2, 7, ApduBytes.LogicalNameContext);
                        CipheredContext = ApduBytes.Equal(b, p + 2, 7, ApduBytes.LogicalNameCipheredContext);
                        break;
                    case 0x8B:
                        if (ApduBytes.Equal(b, p, length, ApduBytes.LowLevelSecurityMechanism))
                        {
                            Authentication = DlmsAuthentication.Low;
                        }
                        else
                        {
                            UnsupportedMechanism = true;
                        }

                        break;
                    case 0xAC:
                        if (length < 2 || b[p] != 0x80 || b[p + 1] != length - 2 || length - 2 > MaxPasswordLength)
                        {
                            return Fail(DlmsApduStatus.Malformed, "calling-authentication-value is [0] GraphicString of at most 64 bytes");
                        }

                        PasswordLength = length - 2;
                        Array.Copy(b, p + 2, _password, 0, PasswordLength);
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

            if (apduEnd != end)
            {
                return Fail(DlmsApduStatus.TrailingBytes, "nothing after the AARQ");
            }

            return DlmsApduStatus.Ok;
        }

        private DlmsApduStatus ParseUserInformation(byte[] b, int p, int end)
        {
            if (!ApduBytes.OpenUserInformation(b, ref p, end, out end))
            {
                return Fail(DlmsApduStatus.Malformed, "user-information is an OCTET STRING");
            }

            if (p >= end || b[p] != (byte)DlmsApduTag.InitiateRequest)
            {
                return Fail(DlmsApduStatus.Malformed, "user-information holds an InitiateRequest (0x01)");
            }

            p++;
            if (p < end && b[p] == 0x01)
            {
                HasDedicatedKey = true;
                p++;
                int keyLength;
                if (!AxdrReader.TryReadLength(b, ref p, end, out keyLength) || keyLength > end - p)
                {
                    return Fail(DlmsApduStatus.Truncated, "InitiateRequest dedicated-key");
                }

                p += keyLength;
            }
            else
            {
                p++;
            }

            // response-allowed (absent = default, or present + boolean), proposed-quality-of-service (absent or present + int8).
            for (int optional = 0; optional < 2; optional++)
            {
                if (p >= end)
                {
                    return Fail(DlmsApduStatus.Truncated, "InitiateRequest optional fields");
                }

                p += b[p] == 0x01 ? 2 : 1;
            }

            byte version;
            uint conformance;
            int maxPduSize;
            string missing = ApduBytes.ReadVersionConformancePdu(b, ref p, end, out version, out conformance, out maxPduSize);
            if (missing != null)
            {
                return Fail(DlmsApduStatus.Malformed, missing);
            }

            DlmsVersion = version;
            ProposedConformance = conformance;
            MaxReceivePduSize = maxPduSize;
            HasInitiateRequest = true;
            return DlmsApduStatus.Ok;
        }
    }
}
