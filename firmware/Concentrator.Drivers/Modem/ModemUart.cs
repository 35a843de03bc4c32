using System;
using System.IO;
using System.IO.Ports;
using Concentrator.Core.Io;
using Concentrator.Drivers.Diagnostics;
using Concentrator.Drivers.Esp32;
using Concentrator.Drivers.Serial;

namespace Concentrator.Drivers.Modem
{
    /// <summary>
    /// The GSM modem's UART as Core's <see cref="IByteLink"/> (8N1, no inversion), for
    /// <see cref="Concentrator.Core.Modem.GsmSmsChannel"/>. Reads are bounded (<see cref="UartReceive"/>): no call
    /// blocks past its timeout. A classic ESP32 has three UARTs and COM1
    /// carries the debugger: the modem takes COM2 or COM3, i.e. the UART of the optical head or of the RS485 bus
    /// (see the README beside this file for the board choices).
    /// </summary>
    public sealed class ModemUart : IByteLink, IDisposable
    {
        private const int SerialReadTimeoutMilliseconds = 500;

        private readonly ModemUartOptions _options;
        private readonly int _portNumber;
        private SerialPort _port;

        public ModemUart(ModemUartOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            _portNumber = Esp32Uart.PortNumber(options.PortName);
            if (_portNumber != 2 && _portNumber != 3)
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
        }

        /// <summary>What went wrong last, or null. For diagnostics.</summary>
        public string LastProblem { get; private set; }

        public LinkStatus Open()
        {
            if (_port != null)
            {
                return LinkStatus.Ok;
            }

            SerialPort port = null;
            try
            {
                Esp32Uart.RoutePins(_portNumber, _options.RxPin, _options.TxPin);
                port = new SerialPort(_options.PortName, _options.BaudRate, Parity.None, 8, StopBits.One);
                port.ReadBufferSize = _options.ReceiveBufferSize;
                port.ReadTimeout = SerialReadTimeoutMilliseconds;
                port.WriteTimeout = 2000;
                port.Open();
            }
            catch (Exception ex)
            {
                if (port != null)
                {
                    port.Dispose();
                }

                LastProblem = "opening " + _options.PortName + " failed: " + ExceptionText.Describe(ex);
                return ex is NotSupportedException ? LinkStatus.NotSupported : LinkStatus.Fault;
            }

            _port = port;
            return LinkStatus.Ok;
        }

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            string problem;
            LinkStatus status = UartReceive.Read(_port, buffer, offset, count, timeoutMilliseconds, _options.PollIntervalMilliseconds, out bytesRead, out problem);
            if (problem != null)
            {
                LastProblem = problem;
            }

            return status;
        }

        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            SerialPort port = _port;
            if (port == null)
            {
                return LinkStatus.Closed;
            }

            try
            {
                port.Write(buffer, offset, count);
                return LinkStatus.Ok;
            }
            catch (TimeoutException)
            {
                return LinkStatus.Timeout;
            }
            catch (IOException ex)
            {
                LastProblem = "writing " + _options.PortName + ": " + ExceptionText.Describe(ex);
                return LinkStatus.Fault;
            }
            catch (ObjectDisposedException)
            {
                return LinkStatus.Closed;
            }
            catch (InvalidOperationException)
            {
                return LinkStatus.Closed;
            }
        }

        /// <summary>The modem line is fixed at 8N1; only the baud rate could change, and the channel never asks.</summary>
        public LinkStatus Configure(LineSettings settings)
        {
            return LinkStatus.NotSupported;
        }

        public void Dispose()
        {
            SerialPort port = _port;
            _port = null;
            if (port != null)
            {
                try
                {
                    port.Close();
                }
                catch (Exception)
                {
                }

                port.Dispose();
            }
        }
    }
}
