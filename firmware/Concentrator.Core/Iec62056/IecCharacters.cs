namespace Concentrator.Core.Iec62056
{
    /// <summary>The control characters of IEC 62056-21 (ISO 646 / ASCII) and the fixed parts of its messages.</summary>
    public static class IecCharacters
    {
        public const byte Nul = 0x00;
        public const byte Soh = 0x01;
        public const byte Stx = 0x02;
        public const byte Etx = 0x03;

        /// <summary>End of a partial block (IEC 62056-21: more blocks follow, each acknowledged).</summary>
        public const byte Eot = 0x04;
        public const byte Ack = 0x06;
        public const byte Nak = 0x15;
        public const byte Cr = 0x0D;
        public const byte Lf = 0x0A;

        /// <summary>Start of the request and identification messages.</summary>
        public const byte Start = (byte)'/';

        /// <summary>Request character and end of a data block's last line.</summary>
        public const byte End = (byte)'!';

        /// <summary>Escape introducing an enhanced-capability character in the identification ("\2" = mode E).</summary>
        public const byte Escape = (byte)'\\';
    }
}
