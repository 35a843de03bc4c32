namespace Concentrator.Drivers.Optical
{
    /// <summary>Wiring and behaviour of an <see cref="OpticalPort"/>; validated once by its constructor.</summary>
    public sealed class OpticalPortOptions
    {
        public OpticalPortVariant Variant = OpticalPortVariant.PlainUart;

        /// <summary>UART, "COM2" or "COM3" on a classic ESP32 (COM1 carries the debugger).</summary>
        public string PortName = "COM3";

        /// <summary>GPIO of the receiver (phototransistor stage or demodulating IR receiver output).</summary>
        public int RxPin = -1;

        /// <summary>
        /// GPIO of the UART's TX: the IR LED driver (plain), the carrier gate (PWM variant), or, for the RMT variant,
        /// a free pin left unconnected (the ESP32 driver opens a UART only with both RX and TX routed).
        /// </summary>
        public int TxPin = -1;

        /// <summary>RMT variant: the GPIO of the IR LED driver. PWM variant: the GPIO carrying the carrier to the gate.</summary>
        public int CarrierPin = -1;

        /// <summary>RMT variant: the RMT channel (0..7 on a classic ESP32); -1 lets the driver pick one.</summary>
        public int RmtChannel = -1;

        /// <summary>PWM variant: which of the ESP32's PWM functions (1..16) is routed to <see cref="CarrierPin"/>.</summary>
        public int PwmFunction = 1;

        public int CarrierHertz = 38000;

        /// <summary>Carrier duty cycle in percent (33 % keeps the LED current low and suits TSOP-type receivers).</summary>
        public int CarrierDutyPercent = 33;

        /// <summary>
        /// Modulated variants: the highest baud the demodulating receiver follows (it needs about 10 carrier cycles per
        /// burst: 2400 at 38 kHz). Configure refuses anything faster, and <see cref="OpticalPort.MaximumBaud"/> reports it
        /// so the IEC session never negotiates above it.
        /// </summary>
        public int ModulatedBaudCap = 2400;

        /// <summary>Plain variant: the highest baud of the probe (19200 for most IEC 62056-21 heads).</summary>
        public int PlainBaudCap = 19200;

        /// <summary>UART receive buffer (native memory); a whole readout at 9600 baud arrives in ~2 s.</summary>
        public int ReceiveBufferSize = 2048;

        /// <summary>How often a waiting Read looks for new bytes.</summary>
        public int PollIntervalMilliseconds = 5;
    }
}
