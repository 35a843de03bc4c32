namespace Concentrator.Drivers.Optical
{
    /// <summary>The optical head hardware an <see cref="OpticalPort"/> drives.</summary>
    public enum OpticalPortVariant : byte
    {
        /// <summary>An IEC 62056-21 probe (unmodulated IR): the UART's TX and RX drive the LED and phototransistor directly.</summary>
        PlainUart = 0,

        /// <summary>38 kHz modulated: the RMT peripheral sends each UART bit as a carrier burst or gap; a demodulating receiver feeds UART RX.</summary>
        RmtCarrier = 1,

        /// <summary>38 kHz modulated: a PWM channel makes the carrier, the UART's TX line gates it in hardware; a demodulating receiver feeds UART RX.</summary>
        PwmGatedCarrier = 2,
    }
}
