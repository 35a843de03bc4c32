using System;
using System.Device.Gpio;
using System.IO.Ports;
using Concentrator.Core.Io;
using Concentrator.Drivers.Diagnostics;
using Concentrator.Drivers.Esp32;
using Concentrator.Drivers.Serial;

namespace Concentrator.Drivers.P1
{
    /// <summary>
    /// The DSMR P1 port of a smart meter on an ESP32 UART: a receive-only <see cref="IByteLink"/> with the data
    /// request line on a GPIO. <see cref="Open"/> routes the pins, opens the UART (inverted, 115200 8N1 by default)
    /// and raises the request line; <see cref="Close"/> lowers it, so the meter stops sending while nobody reads.
    /// One thread owns an instance. Nothing allocates per read; every wait is bounded; failures come back as a
    /// <see cref="LinkStatus"/> with <see cref="LastProblem"/> saying what happened.
    /// </summary>
    /// <remarks>The UART part (open, bounded reads, framing, release) is the shared <see cref="UartLink"/>.</remarks>
    public sealed class P1Port : IByteLink, IDisposable
    {
        private readonly P1PortOptions _options;
        private readonly UartLink _uart;
        private LineSettings _settings;
        private GpioController _gpio;
        private bool _disposed;

        public P1Port(P1PortOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (Esp32Uart.PortNumber(options.PortName) == 0)
            {
                throw new ArgumentException("P1 port name must be COM1, COM2 or COM3");
            }

            if (options.RxPin < 0 || options.TxPin < 0 || options.DataRequestPin < 0)
            {
                throw new ArgumentException("P1 RX, TX and data request pins must all be set");
            }

            if (options.RxPin == options.TxPin || options.RxPin == options.DataRequestPin || options.TxPin == options.DataRequestPin)
            {
                throw new ArgumentException("P1 RX, TX and data request pins must differ");
            }

            if (options.ReceiveBufferSize < 256 || options.PollIntervalMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException("options");
            }

            if (!SerialFraming.IsSupported(options.LineSettings))
            {
                throw new ArgumentException("P1 line settings are not a UART framing");
            }

            _options = options;
            _settings = options.LineSettings;
            _uart = new UartLink(options.PortName, options.PollIntervalMilliseconds);
        }

        public bool IsOpen
        {
            get { return _uart.IsOpen; }
        }

        /// <summary>The framing in use (or to be used at the next <see cref="Open"/>).</summary>
        public LineSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>How the inverted P1 signal is handled since the last <see cref="Open"/>.</summary>
        public P1SignalInversion Inversion { get; private set; }

        /// <summary>True while the data request line is raised.</summary>
        public bool DataRequested { get; private set; }

        /// <summary>What went wrong last (open failure, refused inversion, UART error), or null. For diagnostics.</summary>
        public string LastProblem
        {
            get { return _uart.LastProblem; }
        }

        /// <summary>
        /// Routes the pins, opens the UART and raises the data request line. Ok also when inversion was refused:
        /// <see cref="Inversion"/> is then <see cref="P1SignalInversion.Unavailable"/> and <see cref="LastProblem"/> says so.
        /// </summary>
        public LinkStatus Open()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("P1Port");
            }

            if (_uart.IsOpen)
            {
                return LinkStatus.Ok;
            }

            LinkStatus status = _uart.CheckUsable();
            if (status == LinkStatus.Ok)
            {
                status = OpenRequestLine();
            }

            if (status != LinkStatus.Ok)
            {
                return status;
            }

            // P1 never writes: a write timeout of 0 leaves the port's default.
            status = _uart.Open(_settings, _options.RxPin, _options.TxPin, _options.ReceiveBufferSize, 0, ApplyInversion, _options.PortName);
            return status == LinkStatus.Ok ? RequestData(true) : status;
        }

        /// <summary>Lowers the data request line and releases the UART (a later <see cref="Open"/> starts afresh).</summary>
        public void Close()
        {
            RequestData(false);
            _uart.Close();
        }

        /// <summary>Raises (true) or lowers the data request line; a meter sends telegrams only while it is high.</summary>
        public LinkStatus RequestData(bool send)
        {
            if (_gpio == null)
            {
                DataRequested = false;
                return send ? LinkStatus.Closed : LinkStatus.Ok;
            }

            try
            {
                _gpio.Write(_options.DataRequestPin, send ? PinValue.High : PinValue.Low);
                DataRequested = send;
                return LinkStatus.Ok;
            }
            catch (Exception ex)
            {
                _uart.LastProblem = "data request pin " + _options.DataRequestPin.ToString() + ": " + ExceptionText.Describe(ex);
                return LinkStatus.Fault;
            }
        }

        /// <inheritdoc/>
        /// <remarks>A timeout of 0 or less checks once without waiting.</remarks>
        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            return _uart.Read(buffer, offset, count, timeoutMilliseconds, out bytesRead);
        }

        /// <summary>P1 is receive-only: there is no line to the meter except the data request.</summary>
        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            return LinkStatus.NotSupported;
        }

        /// <summary>
        /// Changes the framing (DSMR 2.2/3 is 9600 7E1, DSMR 4/5 115200 8N1). On an open port baud, data bits,
        /// parity and stop bits change in place; a change of inversion reopens the UART.
        /// </summary>
        public LinkStatus Configure(LineSettings settings)
        {
            return _uart.ConfigureInvertible(ref _settings, settings, Reopen);
        }

        private LinkStatus Reopen()
        {
            Close();
            return Open();
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            Close();
            if (_gpio != null)
            {
                try
                {
                    _gpio.Dispose();
                }
                catch (Exception)
                {
                    // Releasing a pin at shutdown has no one left to report to.
                }

                _gpio = null;
            }

            _disposed = true;
        }

        private LinkStatus OpenRequestLine()
        {
            if (_gpio != null)
            {
                return LinkStatus.Ok;
            }

            GpioController gpio = null;
            try
            {
                gpio = new GpioController();
                gpio.OpenPin(_options.DataRequestPin, PinMode.Output);
                gpio.Write(_options.DataRequestPin, PinValue.Low);
                _gpio = gpio;
                return LinkStatus.Ok;
            }
            catch (Exception ex)
            {
                if (gpio != null)
                {
                    gpio.Dispose();
                }

                _uart.LastProblem = "data request pin " + _options.DataRequestPin.ToString() + " could not be opened: " + ExceptionText.Describe(ex);
                return LinkStatus.Fault;
            }
        }

        // SerialPort.InvertSignalLevels can be set only while the port is closed; targets without inversion throw
        // NotSupportedException (System.IO.Ports docs), and then only a hardware inverter helps.
        private void ApplyInversion(SerialPort port)
        {
            if (!_settings.InvertedLevels)
            {
                Inversion = P1SignalInversion.NotNeeded;
                return;
            }

            if (_options.ExternalInverter)
            {
                Inversion = P1SignalInversion.External;
                return;
            }

            try
            {
                port.InvertSignalLevels = true;
                Inversion = P1SignalInversion.Uart;
            }
            catch (NotSupportedException)
            {
                Inversion = P1SignalInversion.Unavailable;
                _uart.LastProblem = "this target's UART cannot invert the P1 signal: fit a hardware inverter and set p1.inverter=external";
            }
        }
    }
}
