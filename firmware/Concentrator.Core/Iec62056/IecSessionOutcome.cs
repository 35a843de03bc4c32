namespace Concentrator.Core.Iec62056
{
    /// <summary>How an <see cref="IecSession"/> ended.</summary>
    public enum IecSessionOutcome : byte
    {
        None = 0,

        /// <summary>A readout passed every check: <see cref="IecSession.Readings"/>.</summary>
        ReadoutComplete = 1,

        /// <summary>The chosen registers were read in programming mode: <see cref="IecSession.Readings"/>.</summary>
        RegistersRead = 2,

        /// <summary>Mode E handshake done: <see cref="IecSession.Handover"/> has the link at its new baud.</summary>
        HandedOver = 3,

        /// <summary>No answer at all to any sign-on (or no pushed readout within the listen time).</summary>
        NoAnswer = 4,

        /// <summary>Answers came, but no attempt produced a good identification (see <see cref="IecSession.LastProblem"/>).</summary>
        IdentificationFailed = 5,

        /// <summary>Identified, but no attempt produced a good readout (BCC, truncation, silence after the switch …).</summary>
        ReadoutFailed = 6,

        /// <summary>The meter refused the password (NAK to P1).</summary>
        PasswordRejected = 7,

        /// <summary>The meter cannot do what was asked (mode E requested of a meter without "\2").</summary>
        NotSupported = 8,

        /// <summary>The link itself failed (port closed, driver fault).</summary>
        LinkFailed = 9,
    }
}
