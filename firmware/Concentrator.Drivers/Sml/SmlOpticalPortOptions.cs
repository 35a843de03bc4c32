using Concentrator.Core.Io;
using Concentrator.Core.Sml;

namespace Concentrator.Drivers.Sml
{
    /// <summary>Wiring and buffering of an <see cref="SmlOpticalPort"/>; validated once by its constructor.</summary>
    public sealed class SmlOpticalPortOptions
    {
        /// <summary>UART to use, "COM2" or "COM3" on a classic ESP32 (COM1 carries the debugger).</summary>
        public string PortName = "COM2";

        /// <summary>GPIO of the IR receiver's output (phototransistor with pull-up, or an optical read head's TXD).</summary>
        public int RxPin = -1;

        /// <summary>
        /// GPIO routed to the UART's TX: the IR LED when the head has one, else a free pin left unconnected (the ESP32
        /// driver refuses a UART whose TX and RX are not both routed).
        /// </summary>
        public int TxPin = -1;

        /// <summary>Framing; eHZ meters push at 9600 8N1 (<see cref="SmlLineSettings.Optical"/>); a few use other rates.</summary>
        public LineSettings LineSettings = SmlLineSettings.Optical;

        /// <summary>Receive buffer of the UART driver: two whole files (eHZ files are under 600 bytes) so a GC pause loses nothing.</summary>
        public int ReceiveBufferSize = 2048;

        /// <summary>How often a waiting read looks for new bytes (10 ms is 10 bytes at 9600 baud).</summary>
        public int PollIntervalMilliseconds = 10;

        /// <summary>Longest wait for a write to leave (an IR LED on a request).</summary>
        public int WriteTimeoutMilliseconds = 2000;
    }
}
