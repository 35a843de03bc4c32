namespace Concentrator.Core.Dlms
{
    /// <summary>Shared pieces of the ACSE encoding (BER, Green Book 9.4 / 11).</summary>
    internal static class ApduBytes
    {
        /// <summary>Application context name "LN referencing, no ciphering": 2.16.756.5.8.1.1.</summary>
        internal static readonly byte[] LogicalNameContext = { 0x60, 0x85, 0x74, 0x05, 0x08, 0x01, 0x01 };

        /// <summary>The same with ciphering (2.16.756.5.8.1.3): recognised to name it in a rejection, not supported.</summary>
        internal static readonly byte[] LogicalNameCipheredContext = { 0x60, 0x85, 0x74, 0x05, 0x08, 0x01, 0x03 };

        /// <summary>Mechanism name "low level security": 2.16.756.5.8.2.1.</summary>
        internal static readonly byte[] LowLevelSecurityMechanism = { 0x60, 0x85, 0x74, 0x05, 0x08, 0x02, 0x01 };

        internal static bool Equal(byte[] buffer, int offset, int length, byte[] expected)
        {
            if (length != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (buffer[offset + i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Reads a BER tag and length; false when the buffer ends first.</summary>
        internal static bool TryReadTagLength(byte[] buffer, ref int position, int end, out int tag, out int length)
        {
            tag = 0;
            length = 0;
            if (position >= end)
            {
                return false;
            }

            tag = buffer[position++];
            return AxdrReader.TryReadLength(buffer, ref position, end, out length) && length <= end - position;
        }

        /// <summary>Writes the 3-byte conformance block and the 2-byte max PDU size.</summary>
        internal static void WriteConformance(AxdrWriter writer, uint conformance)
        {
            writer.Byte(0x5F);
            writer.Byte(0x1F);
            writer.Byte(0x04);
            writer.Byte(0x00);
            writer.Byte((int)(conformance >> 16));
            writer.Byte((int)(conformance >> 8));
            writer.Byte((int)conformance);
        }

        /// <summary>Reads "5F 1F 04 00 c c c" (the [APPLICATION 31] conformance bit string); -1 when absent or malformed.</summary>
        internal static bool TryReadConformance(byte[] b, ref int p, int end, out uint conformance)
        {
            conformance = 0;
            if (end - p < 7 || b[p] != 0x5F || b[p + 1] != 0x1F || b[p + 2] != 0x04)
            {
                return false;
            }

            conformance = (uint)(b[p + 4] << 16 | b[p + 5] << 8 | b[p + 6]);
            p += 7;
            return true;
        }

        /// <summary>application-context-name [1]: the LN-without-ciphering object identifier.</summary>
        internal static void WriteApplicationContext(AxdrWriter writer)
        {
            writer.Byte(0xA1);
            writer.Byte(0x09);
            writer.Byte(0x06);
            writer.Byte(0x07);
            writer.Bytes(LogicalNameContext, 0, LogicalNameContext.Length);
        }

        /// <summary>user-information [30]: an OCTET STRING of <paramref name="contentLength"/> bytes follows.</summary>
        internal static void WriteUserInformationHeader(AxdrWriter writer, int contentLength)
        {
            writer.Byte(0xBE);
            writer.Byte(contentLength + 2);
            writer.Byte(0x04);
            writer.Byte(contentLength);
        }

        /// <summary>Checks the APDU's tag and BER length; p is then at its first field and apduEnd after its last.</summary>
        internal static DlmsApduStatus OpenApdu(byte[] b, int offset, int count, DlmsApduTag expected, out int p, out int apduEnd)
        {
            p = offset;
            apduEnd = offset;
            int tag;
            int length;
            if (count < 1 || b[p] != (byte)expected)
            {
                return DlmsApduStatus.UnexpectedTag;
            }

            if (!TryReadTagLength(b, ref p, offset + count, out tag, out length))
            {
                return DlmsApduStatus.Truncated;
            }

            apduEnd = p + length;
            return DlmsApduStatus.Ok;
        }

        /// <summary>Unwraps the OCTET STRING of user-information; false when it is not one.</summary>
        internal static bool OpenUserInformation(byte[] b, ref int p, int end, out int contentEnd)
        {
            int tag;
            int length;
            contentEnd = p;
            if (!TryReadTagLength(b, ref p, end, out tag, out length) || tag != 0x04)
            {
                return false;
            }

            contentEnd = p + length;
            return true;
        }

        /// <summary>
        /// The tail shared by InitiateRequest and InitiateResponse: dlms-version-number, conformance, and the 2-byte
        /// max PDU size. Returns null, or the name of the field that is missing or malformed.
        /// </summary>
        internal static string ReadVersionConformancePdu(byte[] b, ref int p, int end, out byte version, out uint conformance, out int maxPduSize)
        {
            version = 0;
            conformance = 0;
            maxPduSize = 0;
            if (p >= end)
            {
                return "xDLMS Initiate dlms-version-number";
            }

            version = b[p++];
            if (!TryReadConformance(b, ref p, end, out conformance))
            {
                return "xDLMS Initiate conformance (5F 1F 04 00 + 3 bytes)";
            }

            if (end - p < 2)
            {
                return "xDLMS Initiate max-receive-pdu-size";
            }

            maxPduSize = b[p] << 8 | b[p + 1];
            p += 2;
            return null;
        }
    }
}
