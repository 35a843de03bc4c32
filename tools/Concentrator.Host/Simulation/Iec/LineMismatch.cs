using Concentrator.Core.Io;

namespace Concentrator.Host.Simulation.Iec;

/// <summary>
/// What a UART receives when the sender's framing differs from its own. Same baud, 7E1 sent and 8N1 read: the parity
/// bit becomes bit 7 (exactly the seed capture: "7E A0 87 …" for "7E 20 07 …"). Same baud, 8N1 sent and 7E1 read:
/// bit 7 is taken as parity and dropped. Different baud: the receiver samples the wrong places and sees noise, more
/// characters when it is faster, fewer when slower.
/// </summary>
public static class LineMismatch
{
    /// <summary>Writes what the receiver gets for one sent character into <paramref name="output"/>; returns the count (0 … 2).</summary>
    public static int Decode(byte sent, LineSettings from, LineSettings to, Random random, Span<byte> output)
    {
        byte mask = to.DataBits >= 8 ? (byte)0xFF : (byte)((1 << to.DataBits) - 1);
        if (from.BaudRate == to.BaudRate)
        {
            byte value = from.DataBits >= 8 ? sent : (byte)(sent & ((1 << from.DataBits) - 1));
            if (from.DataBits == 7 && to.DataBits == 8 && from.Parity != LineParity.None)
            {
                // The parity bit is received as bit 7 (7E1 framing has 9 bits after the start bit, as 8N1 has).
                value |= (byte)(ParityBit(value, from.Parity) << 7);
            }

            output[0] = (byte)(value & mask);
            return 1;
        }

        int count = to.BaudRate > from.BaudRate
            ? Math.Min(2, to.BaudRate / from.BaudRate)
            : random.Next(from.BaudRate) < to.BaudRate ? 1 : 0;
        for (int i = 0; i < count; i++)
        {
            // Sampling a slower or faster frame: bits smeared, mostly dark (1) or light (0) runs.
            int noise = random.Next(256);
            output[i] = (byte)((to.BaudRate > from.BaudRate ? noise | 0xF0 : noise & 0x8F | 0x80) & mask);
        }

        return count;
    }

    public static bool SameFraming(LineSettings a, LineSettings b)
    {
        return a.BaudRate == b.BaudRate && a.DataBits == b.DataBits && a.Parity == b.Parity;
    }

    private static int ParityBit(byte value, LineParity parity)
    {
        int ones = 0;
        for (int bit = 0; bit < 8; bit++)
        {
            ones += (value >> bit) & 1;
        }

        return parity == LineParity.Even ? ones & 1 : (ones & 1) ^ 1;
    }
}
