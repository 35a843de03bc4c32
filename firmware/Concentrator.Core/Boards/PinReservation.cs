namespace Concentrator.Core.Boards
{
    /// <summary>Why a GPIO of a board is not available to the concentrator's functions.</summary>
    public enum PinReservation : byte
    {
        /// <summary>Free.</summary>
        None = 0,

        /// <summary>UART0 (COM1) TX/RX: the USB-serial bridge and nanoFramework's debugger link (GPIO 1 and 3).</summary>
        Debugger = 1,

        /// <summary>The module's SPI flash (GPIO 6 to 11).</summary>
        Flash = 2,

        /// <summary>PSRAM on WROVER modules (GPIO 16 and 17).</summary>
        Psram = 3,

        /// <summary>The Ethernet PHY: RMII data, MDC/MDIO, reference clock, PHY power.</summary>
        Ethernet = 4,

        /// <summary>Wired to something on the board (a button, a sense divider).</summary>
        OnBoard = 5,
    }
}
