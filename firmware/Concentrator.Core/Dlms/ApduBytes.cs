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
    }
}
