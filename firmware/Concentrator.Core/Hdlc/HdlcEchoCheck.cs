namespace Concentrator.Core.Hdlc
{
    /// <summary>
    /// Recognises our own frame coming back. Optical heads (and RS485 transceivers with the receiver always enabled)
    /// hear what they send. A plain echo decodes as a valid frame addressed to the meter and is skipped by the session;
    /// an echo heard while the port is still in the 7E1 framing of the IEC 62056-21 sign-on but read as 8N1 (or the
    /// other way round) carries the even parity bit in bit 7 of every byte: <c>7E A0 07 03 21 93 0F 01 7E</c> sent
    /// comes back as <c>7E A0 87 03 21 93 0F 81 7E</c> (the seed's capture). That is no frame at all, so it is
    /// recognised by comparing bytes, to give a diagnosis instead of a timeout.
    /// </summary>
    public static class HdlcEchoCheck
    {
        /// <summary>The 7 low bits of <paramref name="value"/> with their even parity bit in bit 7.</summary>
        public static byte WithEvenParityBit(byte value)
        {
            int low = value & 0x7F;
            int ones = 0;
            for (int v = low; v != 0; v >>= 1)
            {
                ones += v & 1;
            }

            return (byte)((ones & 1) != 0 ? low | 0x80 : low);
        }

        /// <summary>
        /// True when <paramref name="received"/> contains the sent bytes with bit 7 replaced by even parity (and at least
        /// one byte thereby changed, or it would be a plain echo).
        /// </summary>
        public static bool ContainsParityEcho(byte[] sent, int sentOffset, int sentCount, byte[] received, int receivedOffset, int receivedCount)
        {
            if (sentCount <= 0 || receivedCount < sentCount)
            {
                return false;
            }

            for (int start = 0; start + sentCount <= receivedCount; start++)
            {
                bool match = true;
                bool changed = false;
                for (int i = 0; i < sentCount; i++)
                {
                    byte expected = WithEvenParityBit(sent[sentOffset + i]);
                    byte actual = received[receivedOffset + start + i];
                    if (actual != expected)
                    {
                        match = false;
                        break;
                    }

                    changed |= expected != sent[sentOffset + i];
                }

                if (match && changed)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the bytes are exactly what was sent (a plain echo).</summary>
        public static bool IsSame(byte[] sent, int sentOffset, int sentCount, byte[] received, int receivedOffset, int receivedCount)
        {
            if (sentCount != receivedCount)
            {
                return false;
            }

            for (int i = 0; i < sentCount; i++)
            {
                if (sent[sentOffset + i] != received[receivedOffset + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
