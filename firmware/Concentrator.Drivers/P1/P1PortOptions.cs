using Concentrator.Core.Io;
using Concentrator.Core.P1;

namespace Concentrator.Drivers.P1
{
    /// <summary>Wiring and buffering of a <see cref="P1Port"/>; validated once by its constructor.</summary>
    public sealed class P1PortOptions
    {
        /// <summary>UART to use, "COM2" or "COM3" on a classic ESP32 (COM1 carries the debugger).</summary>
        public string PortName = "COM2";

        /// <summary>GPIO that receives the meter's data (RJ12 pin 5, through the pull-up; see the README).</summary>
        public int RxPin = -1;

        /// <summary>
        /// GPIO routed to the UART's TX. P1 is receive-only, but the ESP32 driver refuses to open a UART whose TX and
        /// RX are not both routed, so this must be a free pin that is left unconnected.
        /// </summary>
        public int TxPin = -1;

        /// <summary>GPIO driving the data request line (RJ12 pin 2) through a 5 V switch: high = send data.</summary>
        public int DataRequestPin = -1;

        /// <summary>Framing; DSMR 4/5 by default (<see cref="P1LineSettings.Dsmr4"/>).</summary>
        public LineSettings LineSettings = P1LineSettings.Dsmr4;

        /// <summary>
        /// True when the board inverts the data line in hardware; the UART is then left plain even though the
        /// line settings say inverted.
        /// </summary>
        public bool ExternalInverter;

        /// <summary>
        /// Receive buffer of the UART driver (native memory, allocated at open, twice: driver and ring buffer).
        /// One whole telegram (DSMR 5 stays under 3 KB) fits, so a reader thread held up by a GC pause or a network
        /// call loses nothing.
        /// </summary>
        public int ReceiveBufferSize = 4096;

        /// <summary>
        /// How often a waiting <see cref="P1Port.Read"/> looks for new bytes. 10 ms is about 115 bytes at
        /// 115200 baud, far below <see cref="ReceiveBufferSize"/>.
        /// </summary>
        public int PollIntervalMilliseconds = 10;
    }
}
