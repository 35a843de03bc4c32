namespace Concentrator.Core.Boards
{
    /// <summary>
    /// A job that needs a UART of its own while it runs. A <see cref="BoardProfile"/> says which COM port serves each
    /// role; roles that share a COM port are alternatives (only one of them can be enabled at a time).
    /// </summary>
    public enum UartRole : byte
    {
        /// <summary>The optical port (IEC 62056-21 head, plain, RMT-modulated or PWM-gated).</summary>
        Optical = 0,

        /// <summary>The RS485 bus (UART in RS485 half-duplex mode, DE/RE on the UART's RTS).</summary>
        Rs485 = 1,

        /// <summary>The DSMR P1 port (receive only, inverted).</summary>
        P1 = 2,

        /// <summary>A receive-only IR head for a meter that pushes SML.</summary>
        SmlPush = 3,

        /// <summary>A GSM modem (AT commands; SMS text commands).</summary>
        Modem = 4,
    }
}
