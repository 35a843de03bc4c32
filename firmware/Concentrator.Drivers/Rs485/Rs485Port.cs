using System;
using System.IO;
using System.IO.Ports;
using System.Threading;
using Concentrator.Core.Io;
using Concentrator.Drivers.Diagnostics;
using Concentrator.Drivers.Esp32;
using Concentrator.Drivers.Serial;

namespace Concentrator.Drivers.Rs485
{
    /// <summary>
    /// A half-duplex RS485 bus on an ESP32 UART: an <see cref="IByteLink"/> for the HDLC sessions of the meters on it.
    /// The UART runs in <see cref="SerialMode.RS485"/>, which raises its RTS pin while it sends and lowers it when the
    /// last bit is out (System.IO.Ports' SerialMode documentation); RTS drives the transceiver's DE and /RE, so the
    /// firmware never switches direction itself and the bus is released the moment the frame has left. Each meter's
    /// framing comes with <see cref="Configure"/>. A write first waits until the bus has been quiet for
    /// <see cref="Rs485PortOptions.TurnaroundMilliseconds"/> (bounded); a read waits at most the caller's timeout.
    /// One thread owns an instance (the bus arbiter's); nothing allocates per read or write.
    /// </summary>
    /// <remarks>Reads are <see cref="UartReceive.Read"/>: they never block past their timeout.</remarks>
    public sealed class Rs485Port : IByteLink, IDisposable
    {
        // Safety net only: Read never asks for bytes that have not arrived.
        private const int SerialReadTimeoutMilliseconds = 500;

        private readonly Rs485PortOptions _options;
        private readonly int _portNumber;
        private LineSettings _settings;
        private SerialPort _port;
        private long _quietFrom;
        private bool _disposed;

        public Rs485Port(Rs485PortOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            _portNumber = Esp32Uart.PortNumber(options.PortName);
            if (_portNumber == 0)
            {
                throw new ArgumentException("RS485 port name must be COM1, COM2 or COM3");
            }

            if (options.RxPin < 0 || options.TxPin < 0 || options.DirectionPin < 0)
            {
                throw new ArgumentException("RS485 RX, TX and direction (DE/RE) pins must all be set");
            }

            if (options.RxPin == options.TxPin || options.RxPin == options.DirectionPin || options.TxPin == options.DirectionPin)
            {
                throw new ArgumentException("RS485 RX, TX and direction pins must differ");
            }

            if (options.TurnaroundMilliseconds < 0 || options.TurnaroundMilliseconds > 1000 || options.WriteTimeoutMilliseconds < 1 || options.ReceiveBufferSize < 256 || options.PollIntervalMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException("options");
            }

            if (!SerialFraming.IsSupported(options.LineSettings) || options.LineSettings.InvertedLevels)
            {
                throw new ArgumentException("RS485 line settings are not a plain UART framing");
            }

            _options = options;
            _settings = options.LineSettings;
        }

        public bool IsOpen
        {
            get { return _port != null; }
        }

        /// <summary>The framing in use (the current meter's).</summary>
        public LineSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>What went wrong last (open failure, UART error), or null. For diagnostics.</summary>
        public string LastProblem { get; private set; }

        /// <summary>Routes RX, TX and RTS (DE/RE), opens the UART in RS485 mode.</summary>
        public LinkStatus Open()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("Rs485Port");
            }

            if (_port != null)
            {
                return LinkStatus.Ok;
            }

            if (_portNumber == 1)
            {
                LastProblem = "COM1 is the debugger's UART on this board; use COM2 or COM3";
                return LinkStatus.NotSupported;
            }

            SerialPort port = null;
            try
            {
                Esp32Uart.RoutePins(_portNumber, _options.RxPin, _options.TxPin);
                Esp32Uart.RouteRtsPin(_portNumber, _options.DirectionPin);
                port = new SerialPort(_options.PortName, _settings.BaudRate, SerialFraming.ToParity(_settings.Parity), _settings.DataBits, SerialFraming.ToStopBits(_settings.StopBits));
                port.Handshake = Handshake.None;
                port.Mode = SerialMode.RS485;
                port.ReadBufferSize = _options.ReceiveBufferSize;
                port.ReadTimeout = SerialReadTimeoutMilliseconds;
                port.WriteTimeout = _options.WriteTimeoutMilliseconds;
                port.Open();
            }
            catch (Exception ex)
            {
                if (port != null)
                {
                    SerialFraming.DisposeQuietly(port);
                }

                LastProblem = "opening " + _options.PortName + " in RS485 mode failed: " + ExceptionText.Describe(ex);
                return ex is NotSupportedException ? LinkStatus.NotSupported : LinkStatus.Fault;
            }

            _port = port;
            _quietFrom = Environment.TickCount64;
            return LinkStatus.Ok;
        }

        public void Close()
        {
            SerialPort port = _port;
            _port = null;
            if (port != null)
            {
                SerialFraming.DisposeQuietly(port);
            }
        }

        /// <inheritdoc/>
        /// <remarks>A timeout of 0 or less checks once without waiting.</remarks>
        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            string problem;
            LinkStatus status = UartReceive.Read(_port, buffer, offset, count, timeoutMilliseconds, _options.PollIntervalMilliseconds, out bytesRead, out problem);
            if (problem != null)
            {
                LastProblem = problem;
            }

            if (bytesRead > 0)
            {
                _quietFrom = Environment.TickCount64;
            }

            return status;
        }

        /// <summary>Waits (at most the turnaround time) for a quiet bus, then sends; RTS drives DE/RE meanwhile.</summary>
        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            SerialPort port = _port;
            if (port == null)
            {
                return LinkStatus.Closed;
            }

            try
            {
                // Anything heard since the last read is another station still talking: let the quiet time restart.
                if (port.BytesToRead > 0)
                {
                    _quietFrom = Environment.TickCount64;
                }

                long wait = _quietFrom + _options.TurnaroundMilliseconds - Environment.TickCount64;
                if (wait > 0)
                {
                    Thread.Sleep(wait > _options.TurnaroundMilliseconds ? _options.TurnaroundMilliseconds : (int)wait);
                }

                port.Write(buffer, offset, count);

                // The frame is on the wire for its character time; the bus is quiet only after that.
                _quietFrom = Environment.TickCount64 + (_settings.WireMicroseconds(count) / 1000);
                return LinkStatus.Ok;
            }
            catch (TimeoutException)
            {
                LastProblem = "writing " + count.ToString() + " bytes to " + _options.PortName + " timed out";
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

        /// <summary>Switches to a meter's framing (baud, data bits, parity, stop bits); inverted levels are not an RS485 thing.</summary>
        public LinkStatus Configure(LineSettings settings)
        {
            if (!SerialFraming.IsSupported(settings) || settings.InvertedLevels)
            {
                LastProblem = "unsupported RS485 framing " + settings.ToString();
                return LinkStatus.NotSupported;
            }

            if (settings.Equals(_settings) && _port != null)
            {
                return LinkStatus.Ok;
            }

            _settings = settings;
            SerialPort port = _port;
            if (port == null)
            {
                return LinkStatus.Ok;
            }

            string problem;
            LinkStatus status = SerialFraming.TryApply(port, settings, _options.PortName, out problem);
            if (problem != null)
            {
                LastProblem = problem;
            }

            return status;
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            Close();
            _disposed = true;
        }
    }
}
