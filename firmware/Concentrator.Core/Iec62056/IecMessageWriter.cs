using Concentrator.Core.Obis;

namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// Writes the reader's messages of IEC 62056-21 into a buffer (no allocation): request, acknowledgement/option
    /// select, password, read and break commands. Each method returns the number of bytes written.
    /// </summary>
    public static class IecMessageWriter
    {
        /// <summary>Longest device address in a request message (IEC 62056-21).</summary>
        public const int MaxAddressLength = 32;

        /// <summary>"/?address!\r\n" (IEC 62056-21); the address may be empty. -1 when it is too long or not printable.</summary>
        public static int WriteRequest(byte[] buffer, int offset, string address)
        {
            int length = address == null ? 0 : address.Length;
            if (length > MaxAddressLength)
            {
                return -1;
            }

            int i = offset;
            buffer[i++] = IecCharacters.Start;
            buffer[i++] = (byte)'?';
            for (int c = 0; c < length; c++)
            {
                char ch = address[c];
                if (ch < ' ' || ch > '~' || ch == '/' || ch == '!' || ch == '?')
                {
                    return -1;
                }

                buffer[i++] = (byte)ch;
            }

            buffer[i++] = IecCharacters.End;
            buffer[i++] = IecCharacters.Cr;
            buffer[i++] = IecCharacters.Lf;
            return i - offset;
        }

        /// <summary>
        /// ACK V Z Y CR LF (IEC 62056-21): <paramref name="protocolControl"/> '0' normal or '2' binary (HDLC), the baud character Z,
        /// <paramref name="modeControl"/> '0' readout, '1' programming, '2' binary (HDLC).
        /// </summary>
        public static int WriteOptionSelect(byte[] buffer, int offset, byte protocolControl, byte baudCharacter, byte modeControl)
        {
            buffer[offset] = IecCharacters.Ack;
            buffer[offset + 1] = protocolControl;
            buffer[offset + 2] = baudCharacter;
            buffer[offset + 3] = modeControl;
            buffer[offset + 4] = IecCharacters.Cr;
            buffer[offset + 5] = IecCharacters.Lf;
            return 6;
        }

        /// <summary>SOH P 1 STX (password) ETX BCC (IEC 62056-21).</summary>
        public static int WritePassword(byte[] buffer, int offset, string password)
        {
            int i = offset;
            buffer[i++] = IecCharacters.Soh;
            buffer[i++] = (byte)'P';
            buffer[i++] = (byte)'1';
            buffer[i++] = IecCharacters.Stx;
            buffer[i++] = (byte)'(';
            for (int c = 0; c < password.Length; c++)
            {
                buffer[i++] = (byte)password[c];
            }

            buffer[i++] = (byte)')';
            return Close(buffer, offset, i);
        }

        /// <summary>SOH R type STX address() ETX BCC: read one register, addressed in the short form "1.8.1" (C.D.E[*F]).</summary>
        public static int WriteRead(byte[] buffer, int offset, byte commandType, ObisCode register)
        {
            int i = offset;
            buffer[i++] = IecCharacters.Soh;
            buffer[i++] = (byte)'R';
            buffer[i++] = commandType;
            buffer[i++] = IecCharacters.Stx;
            i += WriteShortAddress(buffer, i, register);
            buffer[i++] = (byte)'(';
            buffer[i++] = (byte)')';
            return Close(buffer, offset, i);
        }

        /// <summary>SOH B 0 ETX BCC: end of the session (6.3.4, break command, complete sign-off).</summary>
        public static int WriteBreak(byte[] buffer, int offset)
        {
            int i = offset;
            buffer[i++] = IecCharacters.Soh;
            buffer[i++] = (byte)'B';
            buffer[i++] = (byte)'0';
            return Close(buffer, offset, i);
        }

        /// <summary>"C.D.E" with the letters C, F, L, P for 96..99, and "*F" when F is not 255.</summary>
        public static int WriteShortAddress(byte[] buffer, int offset, ObisCode code)
        {
            int i = offset;
            i = WriteGroup(buffer, i, code.C, true);
            buffer[i++] = (byte)'.';
            i = WriteGroup(buffer, i, code.D, true);
            buffer[i++] = (byte)'.';
            i = WriteGroup(buffer, i, code.E, false);
            if (code.F != 255)
            {
                buffer[i++] = (byte)'*';
                i = WriteGroup(buffer, i, code.F, false);
            }

            return i - offset;
        }

        // ETX, then the BCC over everything after the opening SOH up to and including the ETX.
        private static int Close(byte[] buffer, int offset, int i)
        {
            buffer[i++] = IecCharacters.Etx;
            buffer[i] = IecBcc.Compute(buffer, offset + 1, i - offset - 1);
            return i + 1 - offset;
        }

        private static int WriteGroup(byte[] buffer, int i, byte value, bool letters)
        {
            if (letters && value >= 96 && value <= 99)
            {
                buffer[i++] = value == 96 ? (byte)'C' : value == 97 ? (byte)'F' : value == 98 ? (byte)'L' : (byte)'P';
                return i;
            }

            return ObisCode.WriteDecimal(buffer, i, value);
        }
    }
}
