namespace Concentrator.Core.Boards
{
    /// <summary>The first rule a board profile (or a choice of enabled ports) breaks.</summary>
    public enum BoardCheckStatus : byte
    {
        Ok = 0,

        /// <summary>A function's pin is not a GPIO of the ESP32 (20, 24, 28-31, above 39).</summary>
        PinDoesNotExist = 1,

        /// <summary>Two functions share one pin.</summary>
        PinUsedTwice = 2,

        /// <summary>A function sits on the flash, the debugger's UART0, or a pin the board uses itself (Ethernet, PSRAM, a button).</summary>
        PinReserved = 3,

        /// <summary>A function that drives its pin (TX, RTS/DE, carrier, data request, power key, LED) sits on input-only GPIO 34-39.</summary>
        OutputOnInputOnlyPin = 4,

        /// <summary>A meter or modem line sits on a strapping pin (0, 2, 5, 12, 15); only LEDs may.</summary>
        LineOnStrappingPin = 5,

        /// <summary>A role is given COM1, which carries the debugger.</summary>
        UartIsDebuggers = 6,

        /// <summary>A role is given a COM port the chip does not have (the ESP32 has COM1-COM3).</summary>
        UartDoesNotExist = 7,

        /// <summary>A role has a COM port but misses a pin it needs (TX, RX, RS485 DE, P1 data request).</summary>
        RoleIncomplete = 8,

        /// <summary>Pins of a role are wired but the role has no COM port, so nothing would drive them.</summary>
        PinsWithoutUart = 9,

        /// <summary>A port enabled in the settings is not fitted on this board.</summary>
        RoleNotFitted = 10,

        /// <summary>Two enabled ports need the same COM port at the same time (the UART budget).</summary>
        UartSharedByEnabledRoles = 11,

        /// <summary>A 38 kHz optical head is chosen but the board has no carrier pin (plain heads only).</summary>
        NoCarrierPin = 12,
    }
}
