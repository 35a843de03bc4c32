namespace Concentrator.Drivers.Modem
{
    /// <summary>Where the GSM modem is wired and how fast it talks.</summary>
    public sealed class ModemUartOptions
    {
        /// <summary>COM2 or COM3 (COM1 carries the debugger).</summary>
        public string PortName = "COM3";

        public int RxPin = -1;

        public int TxPin = -1;

        /// <summary>Most modules (SIM800, SIM7600, Quectel EC2x/BG9x) auto-baud and default to 115200 8N1.</summary>
        public int BaudRate = 115200;

        /// <summary>UART receive buffer: a +CMGR answer with 160 characters of text is under 300 bytes.</summary>
        public int ReceiveBufferSize = 1024;

        /// <summary>How often a waiting read looks for bytes.</summary>
        public int PollIntervalMilliseconds = 10;
    }
}
