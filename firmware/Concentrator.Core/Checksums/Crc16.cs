namespace Concentrator.Core.Checksums
{
    /// <summary>
    /// The 16-bit CRCs used by meter protocols, all reflected, table driven (512 bytes per table, built once).
    /// ARC (DSMR P1, poly 0x8005 reflected 0xA001, init 0, no final XOR; check "123456789" = 0xBB3D);
    /// X-25 (HDLC HCS/FCS and SML, poly 0x1021 reflected 0x8408, init 0xFFFF, final XOR 0xFFFF; check 0x906E);
    /// KERMIT (used by a few SML meters, poly 0x8408 reflected, init 0, no final XOR; check 0x2189).
    /// </summary>
    public static class Crc16
    {
        private static readonly ushort[] ArcTable = BuildReflectedTable(0xA001);
        private static readonly ushort[] CcittTable = BuildReflectedTable(0x8408);

        /// <summary>Initial value for <see cref="UpdateArc"/>.</summary>
        public const ushort ArcInitial = 0x0000;

        public static ushort UpdateArc(ushort crc, byte value)
        {
            return (ushort)((crc >> 8) ^ ArcTable[(crc ^ value) & 0xFF]);
        }

        public static ushort Arc(byte[] data, int offset, int count)
        {
            ushort crc = ArcInitial;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = (ushort)((crc >> 8) ^ ArcTable[(crc ^ data[i]) & 0xFF]);
            }

            return crc;
        }

        /// <summary>Initial register value for <see cref="UpdateCcitt"/> when computing X-25; finish with <see cref="FinishX25"/>.</summary>
        public const ushort X25Initial = 0xFFFF;

        /// <summary>Initial register value for <see cref="UpdateCcitt"/> when computing KERMIT.</summary>
        public const ushort KermitInitial = 0x0000;

        /// <summary>One byte of the reflected CCITT polynomial (shared by X-25 and KERMIT).</summary>
        public static ushort UpdateCcitt(ushort crc, byte value)
        {
            return (ushort)((crc >> 8) ^ CcittTable[(crc ^ value) & 0xFF]);
        }

        public static ushort FinishX25(ushort register)
        {
            return (ushort)(register ^ 0xFFFF);
        }

        public static ushort X25(byte[] data, int offset, int count)
        {
            return FinishX25(Ccitt(X25Initial, data, offset, count));
        }

        public static ushort Kermit(byte[] data, int offset, int count)
        {
            return Ccitt(KermitInitial, data, offset, count);
        }

        private static ushort Ccitt(ushort crc, byte[] data, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = (ushort)((crc >> 8) ^ CcittTable[(crc ^ data[i]) & 0xFF]);
            }

            return crc;
        }

        private static ushort[] BuildReflectedTable(ushort polynomial)
        {
            ushort[] table = new ushort[256];
            for (int n = 0; n < 256; n++)
            {
                int crc = n;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1;
                }

                table[n] = (ushort)crc;
            }

            return table;
        }
    }
}
