using System;
using Concentrator.Core.Checksums;

namespace Concentrator.Core.Sml
{
    /// <summary>
    /// Wraps a file's messages in SML transport v1 (SML 1.04 §8.1): start sequence, the payload in 4-byte blocks with
    /// every <c>1B1B1B1B</c> block sent twice, zero fill to a multiple of 4, end sequence with the fill count and the
    /// CRC over everything before it (X-25, least significant byte first; KERMIT, most significant first).
    /// </summary>
    public static class SmlFileFramer
    {
        /// <summary>Longest framed file for a payload of <paramref name="payloadLength"/> bytes (every block escaped).</summary>
        public static int MaxFramedLength(int payloadLength)
        {
            return 8 + 2 * (payloadLength + 3) + 8;
        }

        /// <summary>Frames <c>payload[0..length)</c> into <paramref name="output"/>; returns the length, or -1 when it does not fit.</summary>
        public static int Frame(byte[] payload, int length, byte[] output, int offset, SmlCrcVariant crc)
        {
            if (payload == null || output == null)
            {
                throw new ArgumentNullException(payload == null ? "payload" : "output");
            }

            int fill = (4 - length % 4) % 4;
            int o = offset;
            if (output.Length - o < 16)
            {
                return -1;
            }

            for (int k = 0; k < 4; k++)
            {
                output[o++] = 0x1B;
            }

            for (int k = 0; k < 4; k++)
            {
                output[o++] = 0x01;
            }

            for (int block = 0; block < length + fill; block += 4)
            {
                bool escape = true;
                for (int k = 0; k < 4; k++)
                {
                    int p = block + k;
                    if (p >= length || payload[p] != 0x1B)
                    {
                        escape = false;
                    }
                }

                int copies = escape ? 2 : 1;
                if (output.Length - o < 4 * copies + 8)
                {
                    return -1;
                }

                for (int c = 0; c < copies; c++)
                {
                    for (int k = 0; k < 4; k++)
                    {
                        int p = block + k;
                        output[o++] = p < length ? payload[p] : (byte)0x00;
                    }
                }
            }

            for (int k = 0; k < 4; k++)
            {
                output[o++] = 0x1B;
            }

            output[o++] = 0x1A;
            output[o++] = (byte)fill;
            if (crc == SmlCrcVariant.Kermit)
            {
                ushort kermit = Crc16.Kermit(output, offset, o - offset);
                output[o++] = (byte)(kermit >> 8);
                output[o++] = (byte)kermit;
            }
            else
            {
                ushort x25 = Crc16.X25(output, offset, o - offset);
                output[o++] = (byte)x25;
                output[o++] = (byte)(x25 >> 8);
            }

            return o - offset;
        }
    }
}
