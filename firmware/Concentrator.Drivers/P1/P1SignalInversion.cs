namespace Concentrator.Drivers.P1
{
    /// <summary>How a <see cref="P1Port"/> copes with the P1 port's inverted signal (DSMR: idle low, a 1 bit at 0 V).</summary>
    public enum P1SignalInversion : byte
    {
        /// <summary>The line settings in use are not inverted (or the port is not open yet).</summary>
        NotNeeded = 0,

        /// <summary>The UART inverts RX and TX itself (<c>SerialPort.InvertSignalLevels</c>).</summary>
        Uart = 1,

        /// <summary>The board has a hardware inverter in the data line; the UART is left plain by configuration.</summary>
        External = 2,

        /// <summary>
        /// Inversion is needed but this target's UART refused it (NotSupportedException). The port runs plain and
        /// reads garbage until a hardware inverter is fitted and configured as <see cref="External"/>.
        /// </summary>
        Unavailable = 3,
    }
}
