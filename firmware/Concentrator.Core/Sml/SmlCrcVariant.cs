namespace Concentrator.Core.Sml
{
    /// <summary>Which CRC a meter's file and messages carry.</summary>
    public enum SmlCrcVariant : byte
    {
        /// <summary>Not known yet (no file decoded).</summary>
        Unknown = 0,

        /// <summary>CRC-16/X-25 (as SML 1.04 requires), sent least significant byte first.</summary>
        X25 = 1,

        /// <summary>CRC-16/KERMIT (init 0, no final XOR), which some meters send instead, most significant byte first.</summary>
        Kermit = 2,
    }
}
