namespace Concentrator.Core.Iec62056
{
    /// <summary>The states of an <see cref="IecSession"/> (IEC 62056-21 and its flow diagrams).</summary>
    public enum IecSessionState : byte
    {
        Idle = 0,

        /// <summary>Sending the NUL train that wakes a battery meter's optical port.</summary>
        WakeUp = 1,

        /// <summary>Sending "/?address!" at 300 7E1.</summary>
        SignOn = 2,

        /// <summary>Waiting for "/XXXZ Ident".</summary>
        AwaitIdentification = 3,

        /// <summary>Sending ACK V Z Y at the sign-on baud (mode C and E).</summary>
        OptionSelect = 4,

        /// <summary>Waiting until the last byte sent has left the UART, plus the settle time; then the baud changes.</summary>
        SwitchBaud = 5,

        /// <summary>Receiving the data message.</summary>
        AwaitReadout = 6,

        /// <summary>Programming mode: waiting for the meter's "P0" operand request.</summary>
        AwaitPasswordRequest = 7,

        /// <summary>Programming mode: sending "P1 (password)" and waiting for ACK or NAK.</summary>
        SendPassword = 8,

        /// <summary>Programming mode: one "R1 address()" request and its answer per register.</summary>
        ReadRegister = 9,

        /// <summary>Sending "B0" to end programming mode.</summary>
        Break = 10,

        /// <summary>Mode D: listening for the meter's pushed readout.</summary>
        Listen = 11,

        /// <summary>Mode E: the line is handed over.</summary>
        HandedOver = 12,

        /// <summary>Pausing before the next attempt (the meter returns to its sign-on state after inactivity).</summary>
        RetryPause = 13,

        Done = 14,
    }
}
