namespace Concentrator.Core.Boards
{
    /// <summary>
    /// GPIO facts of the classic ESP32 (ESP32-D0WD in WROOM-32 and WROVER modules), from the ESP32 datasheet's pin
    /// list and its strapping-pin table. Other chips (S2, S3, C3) have other numbers and are not described here.
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>Highest GPIO number of the chip.</summary>
        public const int MaxGpio = 39;

        /// <summary>UARTs of the chip: UART0..UART2, named COM1..COM3 by nanoFramework.</summary>
        public const int UartCount = 3;

        /// <summary>The COM port that carries nanoFramework's debugger wire protocol (UART0 on GPIO 1/3).</summary>
        public const int DebuggerCom = 1;

        /// <summary>True when the chip has a GPIO with this number (0-19, 21-23, 25-27, 32-39).</summary>
        public static bool Exists(int pin)
        {
            if (pin < 0 || pin > MaxGpio)
            {
                return false;
            }

            return pin != 20 && pin != 24 && (pin < 28 || pin > 31);
        }

        /// <summary>GPIO 34-39 are inputs only: no output driver, no internal pull-up or pull-down.</summary>
        public static bool IsInputOnly(int pin)
        {
            return pin >= 34 && pin <= 39;
        }

        /// <summary>GPIO 6-11 connect the module's SPI flash; touching them stops the chip.</summary>
        public static bool IsFlash(int pin)
        {
            return pin >= 6 && pin <= 11;
        }

        /// <summary>
        /// Strapping pins, sampled at reset: GPIO0 (boot mode), GPIO2 (must be low or floating for download), GPIO5 and
        /// GPIO15 (SDIO timing, boot log), GPIO12 (flash voltage: high selects 1.8 V and a 3.3 V flash fails to boot).
        /// A meter line that pulls one of these at reset can stop the board from booting.
        /// </summary>
        public static bool IsStrapping(int pin)
        {
            return pin == 0 || pin == 2 || pin == 5 || pin == 12 || pin == 15;
        }

        /// <summary>
        /// GPIO16 (PSRAM /CE) and GPIO17 (PSRAM SCLK) on modules with PSRAM (ESP32-WROVER): Espressif's "Support for external
        /// RAM" guide, ESP-IDF v4.2 (docs.espressif.com/projects/esp-idf/en/v4.2/esp32/api-guides/external-ram.html), lists
        /// these two connections; the other PSRAM lines share the flash's (GPIO 6-11).
        /// </summary>
        public static bool IsPsram(int pin)
        {
            return pin == 16 || pin == 17;
        }

        /// <summary>UART0 TX (GPIO1) and RX (GPIO3): the USB-serial bridge and the debugger.</summary>
        public static bool IsDebuggerUart(int pin)
        {
            return pin == 1 || pin == 3;
        }
    }
}
