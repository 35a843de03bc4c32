using System;

namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// A meter's identification message <c>/XXXZ Ident CR LF</c> (IEC 62056-21), parsed: the manufacturer's
    /// three letters (a lowercase third letter means the meter honours a 20 ms reaction time), the baud
    /// character Z and the protocol mode it implies, the enhanced-capability escapes <c>\W</c> (<c>\2</c>: mode E,
    /// HDLC after the handshake) and the identification text. Reused: parsing allocates nothing.
    /// </summary>
    public sealed class IecIdentification
    {
        /// <summary>Longest line accepted between '/' and CR (XXXZ + 16 characters by the standard; some meters send more).</summary>
        public const int MaxLineLength = 96;

        /// <summary>Most escapes kept.</summary>
        public const int MaxCapabilities = 4;

        private readonly byte[] _line = new byte[MaxLineLength];
        private readonly byte[] _text = new byte[MaxLineLength];
        private readonly byte[] _capabilities = new byte[MaxCapabilities];

        /// <summary>The three manufacturer characters as sent ("LGZ", "ISk").</summary>
        public byte Manufacturer0;
        public byte Manufacturer1;
        public byte Manufacturer2;

        /// <summary>The baud character Z as sent.</summary>
        public byte BaudCharacter;

        /// <summary>The mode the identification announces (A, B, C or E; D is known only from context).</summary>
        public IecProtocolMode Mode;

        /// <summary>The highest baud the meter offers (300 for mode A).</summary>
        public int MaximumBaud;

        /// <summary>True when the third manufacturer letter is lowercase: the meter answers after 20 ms instead of 200 ms.</summary>
        public bool FastReaction;

        /// <summary>Problem found by the last <see cref="TryParse"/>.</summary>
        public IecIdentificationProblem Problem;

        public int LineLength { get; private set; }

        public int TextLength { get; private set; }

        public int CapabilityCount { get; private set; }

        /// <summary>The line between '/' and CR LF, as sent (escapes included).</summary>
        public byte[] Line
        {
            get { return _line; }
        }

        /// <summary>The identification text after Z with the escapes taken out ("ZMD3104407.B32").</summary>
        public byte[] Text
        {
            get { return _text; }
        }

        /// <summary>The n-th enhanced-capability character (the W of "\W").</summary>
        public byte Capability(int index)
        {
            if (index < 0 || index >= CapabilityCount)
            {
                throw new ArgumentOutOfRangeException("index");
            }

            return _capabilities[index];
        }

        /// <summary>True when the meter announced mode E ("\2": HDLC/DLMS after the handshake).</summary>
        public bool SupportsModeE
        {
            get { return HasCapability((byte)'2'); }
        }

        public bool HasCapability(byte character)
        {
            for (int i = 0; i < CapabilityCount; i++)
            {
                if (_capabilities[i] == character)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the manufacturer letters equal <paramref name="code"/>, ignoring the case of the third.</summary>
        public bool IsManufacturer(string code)
        {
            return code != null && code.Length == 3 && Manufacturer0 == code[0] && Manufacturer1 == code[1] && (Manufacturer2 | 0x20) == (code[2] | 0x20);
        }

        /// <summary>
        /// Parses the characters between '/' and CR LF (<paramref name="offset"/> points after the '/'). False with
        /// <see cref="Problem"/> set when a check fails.
        /// </summary>
        public bool TryParse(byte[] data, int offset, int length)
        {
            Clear();
            if (length > MaxLineLength)
            {
                Problem = IecIdentificationProblem.TooLong;
                return false;
            }

            Array.Copy(data, offset, _line, 0, length);
            LineLength = length;
            if (length < 4)
            {
                Problem = IecIdentificationProblem.TooShort;
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                byte b = data[offset + i];
                if (b < 0x20 || b > 0x7E)
                {
                    Problem = IecIdentificationProblem.BadCharacter;
                    return false;
                }
            }

            Manufacturer0 = data[offset];
            Manufacturer1 = data[offset + 1];
            Manufacturer2 = data[offset + 2];
            if (!IsLetter(Manufacturer0) || !IsLetter(Manufacturer1) || !IsLetter(Manufacturer2))
            {
                Problem = IecIdentificationProblem.BadManufacturer;
                return false;
            }

            FastReaction = Manufacturer2 >= (byte)'a' && Manufacturer2 <= (byte)'z';
            BaudCharacter = data[offset + 3];
            int textLength = 0;
            for (int i = offset + 4; i < offset + length; i++)
            {
                byte b = data[i];
                if (b == IecCharacters.Escape)
                {
                    if (i + 1 >= offset + length)
                    {
                        Problem = IecIdentificationProblem.DanglingEscape;
                        return false;
                    }

                    if (CapabilityCount < MaxCapabilities)
                    {
                        _capabilities[CapabilityCount++] = data[i + 1];
                    }

                    i++;
                    continue;
                }

                _text[textLength++] = b;
            }

            TextLength = textLength;
            int modeC = IecBaudRates.FromModeCCharacter(BaudCharacter);
            int modeB = IecBaudRates.FromModeBCharacter(BaudCharacter);
            if (modeC > 0)
            {
                Mode = SupportsModeE ? IecProtocolMode.E : IecProtocolMode.C;
                MaximumBaud = modeC;
            }
            else if (modeB > 0)
            {
                Mode = IecProtocolMode.B;
                MaximumBaud = modeB;
            }
            else
            {
                Mode = IecProtocolMode.A;
                MaximumBaud = IecBaudRates.SignOn;
            }

            return true;
        }

        public void Clear()
        {
            Manufacturer0 = 0;
            Manufacturer1 = 0;
            Manufacturer2 = 0;
            BaudCharacter = 0;
            Mode = IecProtocolMode.A;
            MaximumBaud = 0;
            FastReaction = false;
            Problem = IecIdentificationProblem.None;
            LineLength = 0;
            TextLength = 0;
            CapabilityCount = 0;
        }

        /// <summary>"LGZ5\2ZMD3104407.B32" (allocates: for the edges).</summary>
        public override string ToString()
        {
            char[] chars = new char[LineLength];
            for (int i = 0; i < LineLength; i++)
            {
                byte b = _line[i];
                chars[i] = b >= 0x20 && b < 0x7F ? (char)b : '?';
            }

            return new string(chars);
        }

        private static bool IsLetter(byte b)
        {
            return (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'a' && b <= (byte)'z');
        }
    }
}
