using System;
using Concentrator.Core.Checksums;

namespace Concentrator.Core.Hdlc
{
    /// <summary>
    /// Writes HDLC frames (IEC 62056-46 6.4): flag, frame format type 3 with the segmentation bit and the 11-bit length,
    /// destination and source addresses, control, HCS when an information field follows, information, FCS, flag.
    /// HCS and FCS are CRC-16/X-25, least significant byte first. Allocation-free.
    /// </summary>
    public static class HdlcFrameEncoder
    {
        public const byte Flag = 0x7E;

        /// <summary>The largest value of the 11-bit length field.</summary>
        public const int MaxLength = 0x7FF;

        /// <summary>Most bytes a frame adds to its information field: 2 flags, format, 4 + 4 address bytes, control, HCS, FCS.</summary>
        public const int MaxOverhead = 2 + 2 + 4 + 4 + 1 + 2 + 2;

        /// <summary>Bytes on the wire (flags included) of a frame with these addresses and this much information.</summary>
        public static int WireLength(HdlcAddress destination, HdlcAddress source, int informationLength)
        {
            return 2 + FrameLength(destination, source, informationLength);
        }

        /// <summary>
        /// Encodes one frame at <paramref name="offset"/>; returns its length including both flags. Throws when the
        /// buffer is too small or the frame longer than the length field can say (caller errors, not line errors).
        /// </summary>
        public static int Encode(byte[] buffer, int offset, HdlcAddress destination, HdlcAddress source, byte control, bool segmented, byte[] information, int informationOffset, int informationLength)
        {
            if (destination.IsEmpty || source.IsEmpty)
            {
                throw new ArgumentException("HDLC frame needs both addresses");
            }

            if (informationLength < 0 || (informationLength > 0 && information == null))
            {
                throw new ArgumentOutOfRangeException("informationLength");
            }

            int length = FrameLength(destination, source, informationLength);
            if (length > MaxLength)
            {
                throw new ArgumentOutOfRangeException("informationLength", "HDLC frame longer than the 11-bit length field");
            }

            if (buffer == null || offset < 0 || offset + length + 2 > buffer.Length)
            {
                throw new ArgumentException("buffer too small for the HDLC frame");
            }

            int p = offset;
            buffer[p++] = Flag;
            int start = p;
            buffer[p++] = (byte)(0xA0 | (segmented ? 0x08 : 0) | (length >> 8));
            buffer[p++] = (byte)length;
            p += destination.WriteTo(buffer, p);
            p += source.WriteTo(buffer, p);
            buffer[p++] = control;
            if (informationLength > 0)
            {
                // IEC 62056-46 6.4.4: the HCS covers format, addresses and control, and is present only when information follows.
                p = WriteCheck(buffer, start, p);
                Array.Copy(information, informationOffset, buffer, p, informationLength);
                p += informationLength;
            }

            p = WriteCheck(buffer, start, p);
            buffer[p++] = Flag;
            return p - offset;
        }

        private static int FrameLength(HdlcAddress destination, HdlcAddress source, int informationLength)
        {
            int header = 2 + destination.Size + source.Size + 1;
            return header + (informationLength > 0 ? 2 + informationLength : 0) + 2;
        }

        private static int WriteCheck(byte[] buffer, int start, int end)
        {
            ushort crc = Crc16.X25(buffer, start, end - start);
            buffer[end] = (byte)crc;
            buffer[end + 1] = (byte)(crc >> 8);
            return end + 2;
        }
    }
}
