namespace Concentrator.Core.Hdlc
{
    /// <summary>
    /// The HDLC parameters negotiated with SNRM/UA (IEC 62056-46 6.4.4.4.3.2): maximum information field lengths and
    /// window sizes, each as seen by the station that sends the frame. Without a parameter block both sides use the
    /// defaults: 128 bytes, window 1.
    /// </summary>
    public struct HdlcLinkParameters
    {
        public const int DefaultMaxInformationLength = 128;
        public const int DefaultWindowSize = 1;

        // IEC 62056-46 6.4.4.4.3.2: format identifier 0x81, group identifier 0x80, then id/length/value triples.
        private const byte FormatIdentifier = 0x81;
        private const byte GroupIdentifier = 0x80;
        private const byte MaxInformationTransmitId = 0x05;
        private const byte MaxInformationReceiveId = 0x06;
        private const byte WindowTransmitId = 0x07;
        private const byte WindowReceiveId = 0x08;

        /// <summary>Longest information field the sender of the block will transmit.</summary>
        public int MaxInformationTransmit;

        /// <summary>Longest information field the sender of the block accepts.</summary>
        public int MaxInformationReceive;

        /// <summary>Frames the sender of the block sends before waiting for an acknowledgement.</summary>
        public int WindowTransmit;

        /// <summary>Frames the sender of the block accepts before it acknowledges.</summary>
        public int WindowReceive;

        public HdlcLinkParameters(int maxInformationTransmit, int maxInformationReceive, int windowTransmit, int windowReceive)
        {
            MaxInformationTransmit = maxInformationTransmit;
            MaxInformationReceive = maxInformationReceive;
            WindowTransmit = windowTransmit;
            WindowReceive = windowReceive;
        }

        public static HdlcLinkParameters Defaults
        {
            get { return new HdlcLinkParameters(DefaultMaxInformationLength, DefaultMaxInformationLength, DefaultWindowSize, DefaultWindowSize); }
        }

        /// <summary>
        /// Writes the parameter block of a SNRM or UA: lengths as 1 or 2 bytes as needed, windows as 4 bytes (the form
        /// most meters send). Returns its size (at most 23 bytes).
        /// </summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            int p = offset + 3;
            p = WriteValue(buffer, p, MaxInformationTransmitId, MaxInformationTransmit, MaxInformationTransmit > 0xFF ? 2 : 1);
            p = WriteValue(buffer, p, MaxInformationReceiveId, MaxInformationReceive, MaxInformationReceive > 0xFF ? 2 : 1);
            p = WriteValue(buffer, p, WindowTransmitId, WindowTransmit, 4);
            p = WriteValue(buffer, p, WindowReceiveId, WindowReceive, 4);
            buffer[offset] = FormatIdentifier;
            buffer[offset + 1] = GroupIdentifier;
            buffer[offset + 2] = (byte)(p - offset - 3);
            return p - offset;
        }

        /// <summary>
        /// Reads a parameter block; values it lacks keep the defaults. An empty information field (count 0) means all
        /// defaults. False when the block is malformed (wrong identifiers, lengths running past the end, a zero value).
        /// Unknown parameters are skipped, values of 1 to 4 bytes are accepted.
        /// </summary>
        public static bool TryRead(byte[] buffer, int offset, int count, out HdlcLinkParameters parameters)
        {
            parameters = Defaults;
            if (count == 0)
            {
                return true;
            }

            if (count < 3 || buffer[offset] != FormatIdentifier || buffer[offset + 1] != GroupIdentifier || buffer[offset + 2] > count - 3)
            {
                return false;
            }

            int p = offset + 3;
            int end = p + buffer[offset + 2];
            while (p < end)
            {
                if (p + 2 > end)
                {
                    return false;
                }

                byte id = buffer[p];
                int length = buffer[p + 1];
                p += 2;
                if (p + length > end)
                {
                    return false;
                }

                if (length < 1 || length > 4)
                {
                    p += length;
                    continue;
                }

                long value = 0;
                for (int i = 0; i < length; i++)
                {
                    value = (value << 8) | buffer[p + i];
                }

                p += length;
                if (value <= 0 || value > 0x7FFFFFFF)
                {
                    return false;
                }

                switch (id)
                {
                    case MaxInformationTransmitId:
                        parameters.MaxInformationTransmit = (int)value;
                        break;
                    case MaxInformationReceiveId:
                        parameters.MaxInformationReceive = (int)value;
                        break;
                    case WindowTransmitId:
                        parameters.WindowTransmit = (int)value;
                        break;
                    case WindowReceiveId:
                        parameters.WindowReceive = (int)value;
                        break;
                }
            }

            return true;
        }

        private static int WriteValue(byte[] buffer, int p, byte id, int value, int size)
        {
            buffer[p++] = id;
            buffer[p++] = (byte)size;
            for (int i = size - 1; i >= 0; i--)
            {
                buffer[p++] = (byte)(value >> (8 * i));
            }

            return p;
        }
    }
}
