namespace Concentrator.Core.Sml
{
    /// <summary>Sizes and tolerances of an <see cref="SmlFileDecoder"/>, fixed at construction.</summary>
    public sealed class SmlDecoderOptions
    {
        /// <summary>
        /// Longest file payload accepted (escapes removed). An eHZ push file is 250..600 bytes; an E750 GetList
        /// response with signatures a few KB.
        /// </summary>
        public int MaxFileLength = 4096;

        /// <summary>Most readings one file may produce (one per list entry).</summary>
        public int MaxReadings = 64;

        /// <summary>Bytes for units, text values, server ids and signatures (as hex) of one file.</summary>
        public int TextCapacity = 4096;

        /// <summary>
        /// Accept files and messages whose CRC is CRC-16/KERMIT instead of CRC-16/X-25 (some meters do this); the
        /// decoder reports it in <see cref="SmlFileDecoder.LastCrcVariant"/> and counts it. When false such files fail.
        /// </summary>
        public bool AcceptKermit = true;
    }
}
