using System;
using Concentrator.Core.Checksums;

namespace Concentrator.Core.Sml
{
    /// <summary>
    /// Writes SML's TL encoding (SML 1.04 §6.3) and whole messages with their CRC into a caller's buffer: the
    /// payload of a file, before <see cref="SmlFileFramer"/> wraps it in the transport. Reused; allocation-free.
    /// Writing past the buffer sets <see cref="Overflowed"/> instead of throwing.
    /// </summary>
    public sealed class SmlWriter
    {
        private byte[] _buffer;
        private int _length;
        private int _messageStart;

        /// <summary>Starts writing at the beginning of <paramref name="buffer"/>.</summary>
        public void Reset(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            _buffer = buffer;
            _length = 0;
            _messageStart = -1;
            Overflowed = false;
        }

        public byte[] Buffer
        {
            get { return _buffer; }
        }

        public int Length
        {
            get { return _length; }
        }

        /// <summary>True when something did not fit; the content is then incomplete.</summary>
        public bool Overflowed { get; private set; }

        /// <summary>
        /// Starts an SML_Message: list of 6, transactionId, groupNo, abortOnError, and the body's list of 2 with its tag
        /// (written as an Unsigned32, <paramref name="compactTag"/>: as the Unsigned16 most meters send).
        /// </summary>
        public void BeginMessage(byte[] transactionId, int offset, int length, byte groupNo, byte abortOnError, uint tag, bool compactTag)
        {
            _messageStart = _length;
            ListHeader(6);
            Octets(transactionId, offset, length);
            Unsigned(groupNo, 1);
            Unsigned(abortOnError, 1);
            ListHeader(2);
            Unsigned(tag, compactTag ? 2 : 4);
        }

        /// <summary>Ends the message: its CRC-16/X-25 (least significant byte first) or, for a KERMIT meter, CRC-16/KERMIT, and endOfSmlMsg.</summary>
        public void EndMessage(SmlCrcVariant crc)
        {
            if (_messageStart < 0)
            {
                throw new InvalidOperationException("EndMessage without BeginMessage");
            }

            int count = _length - _messageStart;
            ushort value;
            if (crc == SmlCrcVariant.Kermit)
            {
                value = Overflowed ? (ushort)0 : Crc16.Kermit(_buffer, _messageStart, count);
            }
            else
            {
                ushort x25 = Overflowed ? (ushort)0 : Crc16.X25(_buffer, _messageStart, count);
                value = (ushort)((x25 >> 8) | (x25 << 8));
            }

            Byte(0x63);
            Byte((byte)(value >> 8));
            Byte((byte)value);
            Byte(0x00);
            _messageStart = -1;
        }

        /// <summary>A list header of <paramref name="elements"/> elements (multi-byte TL above 15).</summary>
        public void ListHeader(int elements)
        {
            Tl(SmlType.List, elements, true);
        }

        /// <summary>An absent optional field (<c>01</c>).</summary>
        public void Absent()
        {
            Byte(0x01);
        }

        /// <summary>An octet string; null writes an absent field.</summary>
        public void Octets(byte[] data, int offset, int length)
        {
            if (data == null)
            {
                Absent();
                return;
            }

            Tl(SmlType.OctetString, length, false);
            for (int i = 0; i < length; i++)
            {
                Byte(data[offset + i]);
            }
        }

        /// <summary>An unsigned integer in <paramref name="width"/> bytes (1..8), big-endian.</summary>
        public void Unsigned(ulong value, int width)
        {
            Tl(SmlType.Unsigned, width, false);
            Number(value, width);
        }

        /// <summary>A signed integer in <paramref name="width"/> bytes (1..8), two's complement, big-endian.</summary>
        public void Signed(long value, int width)
        {
            Tl(SmlType.Integer, width, false);
            Number((ulong)value, width);
        }

        public void Boolean(bool value)
        {
            Byte(0x42);
            Byte(value ? (byte)0x01 : (byte)0x00);
        }

        /// <summary>SML_Time as a second index (choice 1) or a UTC timestamp (choice 2).</summary>
        public void Time(bool secondIndex, uint value)
        {
            ListHeader(2);
            Unsigned(secondIndex ? 1UL : 2UL, 1);
            Unsigned(value, 4);
        }

        private void Number(ulong value, int width)
        {
            if (width < 1 || width > 8)
            {
                throw new ArgumentOutOfRangeException("width");
            }

            for (int shift = 8 * (width - 1); shift >= 0; shift -= 8)
            {
                Byte((byte)(value >> shift));
            }
        }

        // TL field: for non-lists the length counts the TL bytes too; above 15 it takes more TL bytes (bit 7 = more).
        private void Tl(SmlType type, int length, bool isList)
        {
            int tlBytes = 1;
            int total = length;
            if (!isList)
            {
                total = length + 1;
                while (total > (1 << (4 * tlBytes)) - 1)
                {
                    tlBytes++;
                    total = length + tlBytes;
                }
            }
            else
            {
                while (total > (1 << (4 * tlBytes)) - 1)
                {
                    tlBytes++;
                }
            }

            for (int k = tlBytes - 1; k >= 0; k--)
            {
                int nibble = (total >> (4 * k)) & 0x0F;
                int b = nibble;
                if (k == tlBytes - 1)
                {
                    b |= (int)type << 4;
                }

                if (k > 0)
                {
                    b |= 0x80;
                }

                Byte((byte)b);
            }
        }

        private void Byte(byte value)
        {
            if (_length >= _buffer.Length)
            {
                Overflowed = true;
                return;
            }

            _buffer[_length++] = value;
        }
    }
}
