using System;
using System.IO.Ports;
using Concentrator.Core.Io;
using Concentrator.Drivers.Diagnostics;
using Concentrator.Drivers.Esp32;
using Concentrator.Drivers.Serial;

namespace Concentrator.Drivers.Sml
{
    /// <summary>
    /// The optical (IR) port of an SML meter on an ESP32 UART: an <see cref="IByteLink"/> over a plain, unmodulated IR
    /// receiver, 9600 8N1 by default. The meter pushes its files unasked, so the port is simply opened and read
    /// continuously (by an <c>SmlPushReader</c> loop). One thread owns an instance. Nothing allocates per read; every
    /// wait is bounded (reads through <see cref="UartPolling"/>); failures come back as a <see cref="LinkStatus"/> with
    /// <see cref="LastProblem"/> saying what happened.
    /// </summary>
    public sealed class SmlOpticalPort : IByteLink, IDisposable
    {
        // Safety net only: reads never ask for bytes that have not arrived, so this wait is never reached.
        private const int SerialReadTimeoutMilliseconds = 500;

        private readonly SmlOpticalPortOptions _options;
        private readonly int _portNumber;
        private LineSettings _settings;
        private SerialPort _port;
        private bool _disposed;

        public SmlOpticalPort(SmlOpticalPortOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            _portNumber = Esp32Uart.PortNumber(options.PortName);
            if (_portNumber == 0)
            {
                throw new ArgumentException("SML port name must be COM1, COM2 or COM3");
            }

            if (options.RxPin < 0 || options.TxPin < 0 || options.RxPin == options.TxPin)
            {
                throw new ArgumentException("SML RX and TX pins must both be set and differ");
            }

            if (options.ReceiveBufferSize < 256 || options.PollIntervalMilliseconds < 1 || options.WriteTimeoutMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException("options");
            }

            if (!SerialFraming.IsSupported(options.LineSettings))
            {
                throw new ArgumentException("SML line settings are not a UART framing");
            }

            _options = options;
            _settings = options.LineSettings;
        }

        public bool IsOpen
        {
            get { return _port != null; }
        }

        /// <summary>The framing in use (or to be used at the next <see cref="Open"/>).</summary>
        public LineSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>What went wrong last (open failure, UART error), or null. For diagnostics.</summary>
        public string LastProblem { get; private set; }

        /// <summary>Routes the pins and opens the UART.</summary>
        public LinkStatus Open()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("SmlOpticalPort");
            }

            if (_port != null)
            {
                return LinkStatus.Ok;
            }

            if (_portNumber == 1)
            {
                // nf-interpreter ESP32 NativeInit: UART0 is refused unless the firmware talks to the debugger over USB CDC.
                LastProblem = "COM1 is the debugger's UART on this board; use COM2 or COM3";
                return LinkStatus.NotSupported;
            }

            SerialPort port = null;
            try
            {
                Esp32Uart.RoutePins(_portNumber, _options.RxPin, _options.TxPin);
                port = new SerialPort(_options.PortName, _settings.BaudRate, SerialFraming.ToParity(_settings.Parity), _settings.DataBits, SerialFraming.ToStopBits(_settings.StopBits));
                port.ReadBufferSize = _options.ReceiveBufferSize;
                port.ReadTimeout = SerialReadTimeoutMilliseconds;
                port.WriteTimeout = _options.WriteTimeoutMilliseconds;
                if (_settings.InvertedLevels)
                {
                    port.InvertSignalLevels = true; // a head whose output idles low; NotSupportedException where the UART cannot
                }

                port.Open();
            }
            catch (Exception ex)
            {
                if (port != null)
                {
                    SerialFraming.DisposeQuietly(port);
                }

                LastProblem = "opening " + _options.PortName + " failed: " + ExceptionText.Describe(ex);
                return ex is NotSupportedException ? LinkStatus.NotSupported : LinkStatus.Fault;
            }

            _port = port;
            return LinkStatus.Ok;
        }

        /// <summary>Releases the UART (a later <see cref="Open"/> starts afresh).</summary>
        public void Close()
        {
            SerialPort port = _port;
            _port = null;
            if (port != null)
            {
                // Dispose, not just Close: on the ESP32 only Dispose uninstalls the UART driver.
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
            LinkStatus status = UartPolling.Read(_port, _options.PortName, buffer, offset, count, timeoutMilliseconds, _options.PollIntervalMilliseconds, out bytesRead, out problem);
            if (problem != null)
            {
                LastProblem = problem;
            }

            return status;
        }

        /// <summary>Sends through the IR LED (meters that take SML requests on their optical port); bounded by the write timeout.</summary>
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
            catch (ObjectDisposedException)
            {
                return LinkStatus.Closed;
            }
            catch (InvalidOperationException)
            {
                return LinkStatus.Closed;
            }
            catch (Exception ex)
            {
                LastProblem = "writing " + _options.PortName + ": " + ExceptionText.Describe(ex);
                return LinkStatus.Fault;
            }
        }

        /// <summary>Changes the framing; on an open port baud, data bits, parity and stop bits change in place, a change of inversion reopens the UART.</summary>
        public LinkStatus Configure(LineSettings settings)
        {
            if (!SerialFraming.IsSupported(settings))
            {
                LastProblem = "unsupported framing " + settings.ToString();
                return LinkStatus.NotSupported;
            }

            bool inversionChanged = settings.InvertedLevels != _settings.InvertedLevels;
            _settings = settings;
            SerialPort port = _port;
            if (port == null)
            {
                return LinkStatus.Ok;
            }

            if (inversionChanged)
            {
                Close();
                return Open();
            }

            string problem;
            LinkStatus applied = SerialFraming.TryApply(port, settings, _options.PortName, out problem);
            if (problem != null)
            {
                LastProblem = problem;
            }

            return applied;
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
