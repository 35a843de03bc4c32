namespace Concentrator.App
{
    /// <summary>
    /// Pin assignments for an ESP32 DevKitC (ESP32-WROOM-32, also safe on WROVER modules). Every pin here can be
    /// changed in the settings file; these are the defaults.
    /// </summary>
    /// <remarks>
    /// Pins to keep free on a classic ESP32:
    /// GPIO 1/3 (UART0: nanoFramework's debugger link), GPIO 6-11 (SPI flash), GPIO 16/17 (PSRAM on WROVER
    /// modules), GPIO 0/2/5/12/15 (boot strapping: a meter pulling one of these at reset can stop the board from
    /// booting), GPIO 34-39 (input only, no internal pull-ups: usable for later inputs).
    /// GPIO 25, 26 and 27 are none of these and sit together on the DevKitC header.
    /// </remarks>
    public static class BoardPins
    {
        /// <summary>UART for the P1 port: COM2 = UART1 (COM1 is the debugger's).</summary>
        public const string P1Uart = "COM2";

        /// <summary>P1 data in (RJ12 pin 5), with a pull-up to 3.3 V on the board.</summary>
        public const int P1Data = 26;

        /// <summary>
        /// UART TX of the P1 UART. P1 is receive-only and nothing is connected here, but the ESP32 UART driver
        /// opens a port only when both RX and TX are routed.
        /// </summary>
        public const int P1UnusedTx = 27;

        /// <summary>Drives the 5 V switch on the data request line (RJ12 pin 2): high = meter sends telegrams.</summary>
        public const int P1DataRequest = 25;
    }
}
