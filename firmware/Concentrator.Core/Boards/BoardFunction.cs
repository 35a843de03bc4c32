namespace Concentrator.Core.Boards
{
    /// <summary>
    /// What one GPIO of a concentrator board does. A <see cref="BoardProfile"/> gives the pin of each function it has
    /// fitted; the drivers take their pins from there. The numeric values index the profile's pin table.
    /// </summary>
    public enum BoardFunction : byte
    {
        /// <summary>UART TX of the optical port: drives the IR LED of a plain head, or gates the 38 kHz carrier (PWM variant).</summary>
        OpticalTx = 0,

        /// <summary>UART RX of the optical port: the phototransistor of a plain head, or a demodulating IR receiver.</summary>
        OpticalRx = 1,

        /// <summary>The 38 kHz carrier output: the RMT channel's pin (modulated head) or the PWM channel's pin (PWM-gated head).</summary>
        OpticalCarrier = 2,

        /// <summary>UART TX to the RS485 transceiver's DI.</summary>
        Rs485Tx = 3,

        /// <summary>UART RX from the RS485 transceiver's RO.</summary>
        Rs485Rx = 4,

        /// <summary>The UART's RTS, driven by the UART in RS485 mode: the transceiver's DE and /RE tied together (high = transmit).</summary>
        Rs485DriverEnable = 5,

        /// <summary>UART RX of the P1 port (RJ12 pin 5, open collector, pulled up to 3.3 V).</summary>
        P1Rx = 6,

        /// <summary>UART TX of the P1 UART: routed because the ESP32 driver opens a UART only with both pins, left unconnected.</summary>
        P1Tx = 7,

        /// <summary>Switches 5 V onto the P1 data request line (RJ12 pin 2): high = the meter sends.</summary>
        P1DataRequest = 8,

        /// <summary>UART RX of a second, receive-only IR head for a meter that pushes SML.</summary>
        SmlRx = 9,

        /// <summary>UART TX of the SML UART: routed because the driver needs both pins, left unconnected.</summary>
        SmlTx = 10,

        /// <summary>UART TX to the GSM modem's RXD.</summary>
        ModemTx = 11,

        /// <summary>UART RX from the GSM modem's TXD.</summary>
        ModemRx = 12,

        /// <summary>Drives the modem's PWRKEY through a transistor (pulse to switch the modem on or off).</summary>
        ModemPowerKey = 13,

        /// <summary>Status LED: running, configuration problem, fault.</summary>
        StatusLed = 14,

        /// <summary>Activity LED: a meter session or telegram in progress.</summary>
        ActivityLed = 15,
    }
}
