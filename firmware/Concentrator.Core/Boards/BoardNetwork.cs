namespace Concentrator.Core.Boards
{
    /// <summary>How a board reaches the broker.</summary>
    public enum BoardNetwork : byte
    {
        /// <summary>The ESP32's own Wi-Fi.</summary>
        Wifi = 0,

        /// <summary>Wired Ethernet: the ESP32's EMAC with an RMII PHY on the board.</summary>
        Ethernet = 1,
    }
}
