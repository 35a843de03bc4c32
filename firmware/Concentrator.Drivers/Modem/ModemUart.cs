using System;
using Concentrator.Core.Io;
using Concentrator.Drivers.Esp32;
using Concentrator.Drivers.Serial;

namespace Concentrator.Drivers.Modem
{
    /// <summary>
    /// The GSM modem's UART as Core's <see cref="IByteLink"/> (8N1, no inversion), for
    /// <see cref="Concentrator.Core.Modem.GsmSmsChannel"/>. Reads are bounded (<see cref="UartReceive"/>): no call
    /// blocks past its timeout. A classic ESP32 has three UARTs and COM1
    /// carries the debugger: the modem takes COM2 or COM3, i.e. the UART of the optical head or of the RS485 bus
    /// (see the README beside this file for the board choices). The UART part is the shared <see cref="UartLink"/>.
    /// </summary>
    public sealed class ModemUart : IByteLink, IDisposable
    {
        private const int WriteTimeoutMilliseconds = 2000;

        private readonly ModemUartOptions _options;
        private readonly UartLink _uart;

        public ModemUart(ModemUartOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            int portNumber = Esp32Uart.PortNumber(options.PortName);
            if (portNumber != 2 && portNumber != 3)
            {
                throw new ArgumentException("modem port must be COM2 or COM3 (COM1 carries the debugger)");
            }

            if (options.RxPin < 0 || options.TxPin < 0 || options.RxPin == options.TxPin)
            {
                throw new ArgumentException("modem RX and TX pins must be set and differ");
            }

            if (options.BaudRate < 1200 || options.ReceiveBufferSize < 256 || options.PollIntervalMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException("options");
            }

            _options = options;
            _uart = new UartLink(options.PortName, options.PollIntervalMilliseconds);
        }

        /// <summary>What went wrong last, or null. For diagnostics.</summary>
        public string LastProblem
        {
            get { return _uart.LastProblem; }
        }

        /// <summary>Routes the pins and opens the UART at the modem's baud, 8N1.</summary>
        public LinkStatus Open()
        {
            LineSettings settings = new LineSettings(_options.BaudRate, 8, LineParity.None, 1, false);
            return _uart.Open(settings, _options.RxPin, _options.TxPin, _options.ReceiveBufferSize, WriteTimeoutMilliseconds, null, _options.PortName);
        }

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            return _uart.Read(buffer, offset, count, timeoutMilliseconds, out bytesRead);
        }

        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            return _uart.Write(buffer, offset, count);
        }

        /// <summary>The modem line is fixed at 8N1; only the baud rate could change, and the channel never asks.</summary>
        public LinkStatus Configure(LineSettings settings)
        {
            return LinkStatus.NotSupported;
        }

        public void Dispose()
        {
            _uart.Close();
        }
    }
}
