using System;

namespace Concentrator.Core.Hdlc
{
    /// <summary>
    /// An HDLC address (IEC 62056-46 6.4.2): each byte carries 7 address bits above an extension bit that is 1 only on
    /// the last byte. A client address is one byte (its SAP: 0x10 public, 0x20 low-level password). A server address
    /// is 1, 2 or 4 bytes: the upper HDLC address (logical device, 7 or 14 bits) and, in the 2- and 4-byte forms, the
    /// lower HDLC address (physical device, 7 or 14 bits). Logical 1 + physical 17 is <c>02 23</c>.
    /// </summary>
    public struct HdlcAddress
    {
        /// <summary>Client SAP of the public client (no authentication).</summary>
        public const int PublicClient = 0x10;

        /// <summary>Client SAP of the meter reader with a low-level (password) authentication.</summary>
        public const int PasswordClient = 0x20;

        /// <summary>Logical device of the management logical device, which every DLMS meter has.</summary>
        public const int ManagementLogicalDevice = 1;

        /// <summary>Upper HDLC address: the logical device of a server, or a client's SAP.</summary>
        public ushort Upper;

        /// <summary>Lower HDLC address: the physical device (only in the 2- and 4-byte server forms).</summary>
        public ushort Lower;

        /// <summary>Bytes on the wire: 1, 2 or 4 (0 for an empty address).</summary>
        public byte Size;

        public HdlcAddress(int upper, int lower, int size)
        {
            if (size != 1 && size != 2 && size != 4)
            {
                throw new ArgumentOutOfRangeException("size");
            }

            int limit = size == 4 ? 0x3FFF : 0x7F;
            if (upper < 0 || upper > limit || lower < 0 || lower > limit || (size == 1 && lower != 0))
            {
                throw new ArgumentOutOfRangeException("upper");
            }

            Upper = (ushort)upper;
            Lower = (ushort)lower;
            Size = (byte)size;
        }

        /// <summary>A one-byte client address (SAP 0..127).</summary>
        public static HdlcAddress Client(int sap)
        {
            return new HdlcAddress(sap, 0, 1);
        }

        /// <summary>
        /// A server address with the shortest form that holds both parts: 2 bytes when both fit in 7 bits, else 4
        /// (some meters insist on the 4-byte form; use the constructor for that).
        /// </summary>
        public static HdlcAddress Server(int logical, int physical)
        {
            return new HdlcAddress(logical, physical, logical <= 0x7F && physical <= 0x7F ? 2 : 4);
        }

        /// <summary>
        /// The HDLC server address of a Landis+Gyr ZMD405 (and its family) from its serial number: physical address =
        /// the last 4 digits of the serial number + 1000, logical 1 (the meter's DLMS parameter sheet). Always the
        /// 4-byte form, since the physical address is 1000..10999. False when the serial has fewer than 4 digits at
        /// its end.
        /// </summary>
        public static bool TryFromLandisGyrSerial(string serialNumber, out HdlcAddress address)
        {
            address = new HdlcAddress();
            if (serialNumber == null || serialNumber.Length < 4)
            {
                return false;
            }

            int value = 0;
            for (int i = serialNumber.Length - 4; i < serialNumber.Length; i++)
            {
                char c = serialNumber[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            address = new HdlcAddress(ManagementLogicalDevice, value + 1000, 4);
            return true;
        }

        /// <summary>
        /// Reads the inventory form of a server address (<c>MeterDefinition.Address</c>): "1/6678" (logical/physical, the
        /// shortest form that holds both) or "1" (logical only, 1 byte). False for anything else or parts out of range.
        /// </summary>
        public static bool TryParse(string text, out HdlcAddress address)
        {
            address = new HdlcAddress();
            if (text == null || text.Length == 0)
            {
                return false;
            }

            int slash = text.IndexOf('/');
            int logical;
            if (slash < 0)
            {
                if (!TryParsePart(text, 0, text.Length, 0x7F, out logical))
                {
                    return false;
                }

                address = new HdlcAddress(logical, 0, 1);
                return true;
            }

            int physical;
            if (!TryParsePart(text, 0, slash, 0x3FFF, out logical) || !TryParsePart(text, slash + 1, text.Length - slash - 1, 0x3FFF, out physical))
            {
                return false;
            }

            address = Server(logical, physical);
            return true;
        }

        private static bool TryParsePart(string text, int start, int length, int limit, out int value)
        {
            value = 0;
            if (length < 1 || length > 5)
            {
                return false;
            }

            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return value <= limit;
        }

        public bool IsEmpty
        {
            get { return Size == 0; }
        }

        /// <summary>Writes the address; returns its size.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            switch (Size)
            {
                case 1:
                    buffer[offset] = (byte)((Upper << 1) | 1);
                    return 1;
                case 2:
                    buffer[offset] = (byte)(Upper << 1);
                    buffer[offset + 1] = (byte)((Lower << 1) | 1);
                    return 2;
                case 4:
                    buffer[offset] = (byte)((Upper >> 7) << 1);
                    buffer[offset + 1] = (byte)((Upper & 0x7F) << 1);
                    buffer[offset + 2] = (byte)((Lower >> 7) << 1);
                    buffer[offset + 3] = (byte)(((Lower & 0x7F) << 1) | 1);
                    return 4;
                default:
                    throw new InvalidOperationException("empty HDLC address");
            }
        }

        /// <summary>
        /// Reads an address that ends within <paramref name="available"/> bytes; returns its size (1, 2 or 4), or 0 when
        /// no byte with the extension bit comes within 4 bytes or the address is 3 bytes long (no such form).
        /// </summary>
        public static int TryRead(byte[] buffer, int offset, int available, out HdlcAddress address)
        {
            address = new HdlcAddress();
            int size = 0;
            int limit = available < 4 ? available : 4;
            for (int i = 0; i < limit; i++)
            {
                if ((buffer[offset + i] & 1) != 0)
                {
                    size = i + 1;
                    break;
                }
            }

            switch (size)
            {
                case 1:
                    address.Upper = (ushort)(buffer[offset] >> 1);
                    break;
                case 2:
                    address.Upper = (ushort)(buffer[offset] >> 1);
                    address.Lower = (ushort)(buffer[offset + 1] >> 1);
                    break;
                case 4:
                    address.Upper = (ushort)(((buffer[offset] >> 1) << 7) | (buffer[offset + 1] >> 1));
                    address.Lower = (ushort)(((buffer[offset + 2] >> 1) << 7) | (buffer[offset + 3] >> 1));
                    break;
                default:
                    return 0;
            }

            address.Size = (byte)size;
            return size;
        }

        /// <summary>Same parts; the size may differ (a meter may answer in another form than it was addressed in).</summary>
        public bool SameAs(HdlcAddress other)
        {
            return Upper == other.Upper && Lower == other.Lower && (Size == 1) == (other.Size == 1);
        }

        public bool Equals(HdlcAddress other)
        {
            return Upper == other.Upper && Lower == other.Lower && Size == other.Size;
        }

        /// <summary>"16" (1 byte), "1/6678" (logical/physical).</summary>
        public override string ToString()
        {
            return Size <= 1 ? Upper.ToString() : Upper.ToString() + "/" + Lower.ToString();
        }
    }
}
