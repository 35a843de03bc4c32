namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// The block check character of IEC 62056-21: XOR of every byte after the first SOH or STX up to and
    /// including the ETX (or EOT) that ends the block.
    /// </summary>
    public static class IecBcc
    {
        public static byte Compute(byte[] data, int offset, int count)
        {
            byte bcc = 0;
            for (int i = offset; i < offset + count; i++)
            {
                bcc ^= data[i];
            }

            return bcc;
        }
    }
}
