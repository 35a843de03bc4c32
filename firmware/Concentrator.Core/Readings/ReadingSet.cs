using System;

namespace Concentrator.Core.Readings
{
    /// <summary>
    /// The readings of one telegram, readout or response: at most <see cref="Capacity"/> <see cref="Reading"/>s and
    /// one text buffer for raw values and units, sized once from configuration and reused. A reading object is made
    /// the first time the set holds that many readings and kept: once the meter's largest telegram has been seen the
    /// per-telegram path allocates nothing, and a set costs the readings its meter sends, not its capacity (on
    /// nanoFramework a Reading with its OBIS code and time is 360 bytes of heap; a DSMR decoder's 96 preallocated
    /// readings were 35 KB for telegrams of about 35). Decoders fill it; consumers read it before the decoder's next
    /// telegram.
    /// </summary>
    public sealed class ReadingSet
    {
        private readonly Reading[] _readings;
        private readonly byte[] _text;
        private int _count;
        private int _textLength;

        public ReadingSet(int capacity, int textCapacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            if (textCapacity < 1)
            {
                throw new ArgumentOutOfRangeException("textCapacity");
            }

            _readings = new Reading[capacity];
            _text = new byte[textCapacity];
        }

        /// <summary>How many readings the set holds.</summary>
        public int Count
        {
            get { return _count; }
        }

        public int Capacity
        {
            get { return _readings.Length; }
        }

        /// <summary>Reading objects made so far: the most readings the set has held at once.</summary>
        public int Allocated
        {
            get
            {
                int made = 0;
                while (made < _readings.Length && _readings[made] != null)
                {
                    made++;
                }

                return made;
            }
        }

        /// <summary>The shared text buffer; readings refer to it by start and length.</summary>
        public byte[] Text
        {
            get { return _text; }
        }

        public int TextLength
        {
            get { return _textLength; }
        }

        public int TextCapacity
        {
            get { return _text.Length; }
        }

        /// <summary>The protocol that produced the set ("dsmr", …).</summary>
        public string Protocol;

        /// <summary>The meter's identification line or header (e.g. DSMR "XMX5LGBBFFB123456789"), in <see cref="Text"/>.</summary>
        public int IdentificationStart;
        public int IdentificationLength;

        /// <summary>The meter's own equipment identifier when it sent one, in <see cref="Text"/>; length 0 when absent.</summary>
        public int MeterIdStart;
        public int MeterIdLength;

        /// <summary>The meter's clock when the telegram was sent, when it sent one.</summary>
        public bool HasTime;
        public MeterTime Time;

        /// <summary>Quality notes on the set as a whole (<see cref="ReadingFlags.ClockSkew"/>, <see cref="ReadingFlags.Stale"/>); set by the quality checker.</summary>
        public ReadingFlags Flags;
        /// <summary>The meter's second index (running seconds counter) when the telegram was sent, when it sent one instead of or besides a clock time.</summary>
        public bool HasSecondIndex;
        public long SecondIndex;

        /// <summary>A signature over the whole telegram or list (SML listSignature), as hex text in <see cref="Text"/>; length 0 when none.</summary>
        public int SignatureStart;
        public int SignatureLength;

        public Reading this[int index]
        {
            get
            {
                if (index < 0 || index >= _count)
                {
                    throw new ArgumentOutOfRangeException("index");
                }

                return _readings[index];
            }
        }

        /// <summary>Empties the set for the next telegram (keeps its memory).</summary>
        public void Clear()
        {
            _count = 0;
            _textLength = 0;
            Protocol = null;
            IdentificationStart = 0;
            IdentificationLength = 0;
            MeterIdStart = 0;
            MeterIdLength = 0;
            HasTime = false;
            Time = new MeterTime();
            Flags = ReadingFlags.None;
            HasSecondIndex = false;
            SecondIndex = 0;
            SignatureStart = 0;
            SignatureLength = 0;
        }

        /// <summary>Takes the next free reading, cleared; null when the set is full.</summary>
        public Reading Add()
        {
            if (_count == _readings.Length)
            {
                return null;
            }

            Reading reading = _readings[_count];
            if (reading == null)
            {
                reading = new Reading();
                _readings[_count] = reading;
            }

            _count++;
            reading.Clear();
            return reading;
        }

        /// <summary>
        /// Drops the readings and text added after the set held <paramref name="count"/> readings and
        /// <paramref name="textLength"/> bytes of text (a decoder discarding a part that failed its check).
        /// </summary>
        public void RollBack(int count, int textLength)
        {
            if (count < 0 || count > _count || textLength < 0 || textLength > _textLength)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            _count = count;
            _textLength = textLength;
            if (MeterIdStart + MeterIdLength > textLength)
            {
                MeterIdStart = 0;
                MeterIdLength = 0;
            }

            if (SignatureStart + SignatureLength > textLength)
            {
                SignatureStart = 0;
                SignatureLength = 0;
            }
        }

        /// <summary>Copies text into the buffer; returns its start, or -1 when it does not fit.</summary>
        public int AppendText(byte[] source, int offset, int length)
        {
            if (length < 0 || _textLength + length > _text.Length)
            {
                return -1;
            }

            int start = _textLength;
            Array.Copy(source, offset, _text, start, length);
            _textLength += length;
            return start;
        }

        /// <summary>Copies an ASCII string into the buffer; returns its start, or -1 when it does not fit.</summary>
        public int AppendAscii(string ascii)
        {
            int length = ascii.Length;
            if (_textLength + length > _text.Length)
            {
                return -1;
            }

            int start = _textLength;
            for (int i = 0; i < length; i++)
            {
                _text[start + i] = (byte)ascii[i];
            }

            _textLength += length;
            return start;
        }

        /// <summary>Writes bytes as lowercase hex text into the buffer; returns its start, or -1 when it does not fit.</summary>
        public int AppendHex(byte[] source, int offset, int length)
        {
            if (length < 0 || _textLength + 2 * length > _text.Length)
            {
                return -1;
            }

            int start = _textLength;
            int j = start;
            for (int i = 0; i < length; i++)
            {
                byte b = source[offset + i];
                _text[j++] = HexDigit(b >> 4);
                _text[j++] = HexDigit(b & 0x0F);
            }

            _textLength = j;
            return start;
        }

        private static byte HexDigit(int value)
        {
            return (byte)(value < 10 ? '0' + value : 'a' + value - 10);
        }

        /// <summary>True when the text at [start, start+length) equals the ASCII string.</summary>
        public bool TextEquals(int start, int length, string ascii)
        {
            if (ascii.Length != length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (_text[start + i] != ascii[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The text at [start, start+length) as a string (allocates: for the edges, not the hot path).</summary>
        public string GetText(int start, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)_text[start + i];
            }

            return new string(chars);
        }
    }
}
