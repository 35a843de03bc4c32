namespace Concentrator.Core.Iec62056
{
    /// <summary>The protocol modes of IEC 62056-21 (clause 6.4).</summary>
    public enum IecProtocolMode : byte
    {
        /// <summary>No baud change: the readout follows at the sign-on rate (identification baud character not 0..6 or A..F).</summary>
        A = 0,

        /// <summary>Baud change without acknowledgement: the meter switches right after its identification (baud character A..F).</summary>
        B = 1,

        /// <summary>Baud change after the acknowledgement/option select message (baud character 0..6).</summary>
        C = 2,

        /// <summary>The meter sends its readout unasked (button, fixed baud, often 2400).</summary>
        D = 3,

        /// <summary>Mode C handshake, then HDLC (IEC 62056-46) at the new baud: identification carries "\2".</summary>
        E = 4,
    }
}
