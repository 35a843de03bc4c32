namespace Concentrator.Core.Tests.Hdlc
{
    /// <summary>Real HDLC frames, each with its source.</summary>
    public static class HdlcVectors
    {
        /// <summary>SNRM, client 16 to server 1, no parameters: the seed forum thread (../shared/seeds/001), also the classic example of the DLMS UA's material.</summary>
        public const string SeedSnrm = "7E A0 07 03 21 93 0F 01 7E";

        /// <summary>The seed's "reply" to <see cref="SeedSnrm"/>: its own frame echoed in 7E1 framing read as 8N1 (../shared/PROTOCOLS.md).</summary>
        public const string SeedSnrmParityEcho = "7E A0 87 03 21 93 0F 81 7E";

        /// <summary>UA recorded from a Kamstrup Omnipower 1P (client 18, server 16/16), published in a public DLMS client's test suite.</summary>
        public const string KamstrupUa = "7e a0 21 25 20 21 73 50 85 81 80 14 05 02 03 f2 06 02 03 f2 07 04 00 00 00 01 08 04 00 00 00 01 0a 75 7e";

        /// <summary>AARE I frame from the same Kamstrup recording: N(S) 0, N(R) 1, final; LLC E6 E7 00 then the AARE.</summary>
        public const string KamstrupAare =
            "7e a0 43 25 20 21 30 f4 42 e6 e7 00 61 82 00 32 a1 09 06 07 60 85 74 05 08 01 01 a2 03 02 01 00 a3 05 a1 03 02 01 00 " +
            "89 07 60 85 74 05 08 02 01 be 10 04 0e 08 00 06 5f 1f 04 00 00 b0 1d 03 ef 00 07 84 53 7e";

        /// <summary>SNRM client 32 to server 1/16, no parameters: a published Nartis 100 exchange log.</summary>
        public const string NartisSnrm = "7e a0 08 02 21 41 93 50 b4 7e";

        /// <summary>The Nartis 100's UA to <see cref="NartisSnrm"/> (max info 256, window 1), same log.</summary>
        public const string NartisUa = "7e a0 21 41 02 21 73 db d8 81 80 14 05 02 01 00 06 02 01 00 07 04 00 00 00 01 08 04 00 00 00 01 69 6d 7e";

        /// <summary>SNRM with parameters (128 bytes as 2-byte values), client 1 to server 1, from a published meter-reading program.</summary>
        public const string OneByteSnrmWithParameters = "7E A0 20 03 03 93 FE C9 81 80 14 05 02 00 80 06 02 00 80 07 04 00 00 00 01 08 04 00 00 00 01 CE 6A 7E";

        /// <summary>Its UA (128 bytes as 1-byte values), same program.</summary>
        public const string OneByteUaWithParameters = "7E A0 1E 03 03 73 40 CC 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01 53 3B 7E";

        /// <summary>SNRM to a 4-byte server address (logical 1, physical 0x3FFF) from client 4: a published DLMS link-layer guide.</summary>
        public const string FourByteSnrm = "7E A0 0A 00 02 FE FF 09 93 2E 6F 7E";
    }
}
