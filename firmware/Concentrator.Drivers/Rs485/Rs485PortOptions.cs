using Concentrator.Core.Io;

namespace Concentrator.Drivers.Rs485
{
    /// <summary>Wiring and timing of an <see cref="Rs485Port"/>; validated once by its constructor.</summary>
    public sealed class Rs485PortOptions
    {
        /// <summary>UART to use, "COM2" or "COM3" on a classic ESP32 (COM1 carries the debugger).</summary>
        public string PortName = "COM3";

        /// <summary>GPIO from the transceiver's RO (receiver output).</summary>
        public int RxPin = -1;

        /// <summary>GPIO to the transceiver's DI (driver input).</summary>
        public int TxPin = -1;

        /// <summary>GPIO to the transceiver's DE and /RE tied together: the UART's RTS, high while sending.</summary>
        public int DirectionPin = -1;

        /// <summary>Framing at open; each meter's own comes with <see cref="Rs485Port.Configure"/> (DLMS meters: 9600 8N1).</summary>
        public LineSettings LineSettings = new LineSettings(9600, 8, LineParity.None, 1, false);

        /// <summary>
        /// Quiet time on the bus before we send: after the last byte heard or sent, a meter needs this long to switch its
        /// driver off (IEC 62056-46 leaves the inter-frame time to the product; 5 ms is safe down to 2400 baud, where a
        /// character takes 4.6 ms). Bounded: a write never waits longer than this.
        /// </summary>
        public int TurnaroundMilliseconds = 5;

        /// <summary>Longest a write may block on the UART beyond the frame's own wire time.</summary>
        public int WriteTimeoutMilliseconds = 500;

        /// <summary>Receive buffer of the UART driver: two whole frames of the largest negotiated size.</summary>
        public int ReceiveBufferSize = 2048;

        /// <summary>How often a waiting read looks for new bytes (10 ms = 10 characters at 9600 baud).</summary>
        public int PollIntervalMilliseconds = 5;
    }
}
