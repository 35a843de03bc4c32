using System;
using System.IO.Ports;
using Concentrator.Core.Io;
using Concentrator.Drivers.Esp32;
using Concentrator.Drivers.Serial;

namespace Concentrator.Drivers.Sml
{
    /// <summary>
    /// The optical (IR) port of an SML meter on an ESP32 UART: an <see cref="IByteLink"/> over a plain, unmodulated IR
    /// receiver, 9600 8N1 by default. The meter pushes its files unasked, so the port is simply opened and read
    /// continuously (by an <c>SmlPushReader</c> loop). One thread owns an instance. Nothing allocates per read; every
    /// wait is bounded (reads through <see cref="UartReceive"/>); failures come back as a <see cref="LinkStatus"/> with
    /// <see cref="LastProblem"/> saying what happened.
    /// </summary>
    /// <remarks>The UART part (open, read, write, framing, release) is the shared <see cref="UartLink"/>.</remarks>
    public sealed class SmlOpticalPort : IByteLink, IDisposable
    {
        private readonly SmlOpticalPortOptions _options;
        private readonly UartLink _uart;
        private LineSettings _settings;
        private bool _disposed;

        public SmlOpticalPort(SmlOpticalPortOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (Esp32Uart.PortNumber(options.PortName) == 0)
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

        /// <summary>What went wrong last (open failure, UART error), or null. For diagnostics.</summary>
        public string LastProblem
        {
            get { return _uart.LastProblem; }
        }

        /// <summary>Routes the pins and opens the UART.</summary>
        public LinkStatus Open()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("SmlOpticalPort");
            }

            return _uart.Open(_settings, _options.RxPin, _options.TxPin, _options.ReceiveBufferSize, _options.WriteTimeoutMilliseconds, ApplyInversion, _options.PortName);
        }

        /// <summary>Releases the UART (a later <see cref="Open"/> starts afresh).</summary>
        public void Close()
        {
            _uart.Close();
        }

        /// <inheritdoc/>
        /// <remarks>A timeout of 0 or less checks once without waiting.</remarks>
        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            return _uart.Read(buffer, offset, count, timeoutMilliseconds, out bytesRead);
        }

        /// <summary>Sends through the IR LED (meters that take SML requests on their optical port); bounded by the write timeout.</summary>
        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            return _uart.Write(buffer, offset, count);
        }

        /// <summary>Changes the framing; on an open port baud, data bits, parity and stop bits change in place, a change of inversion reopens the UART.</summary>
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
            _disposed = true;
        }

        // A head whose output idles low; SerialPort throws NotSupportedException where the UART cannot invert (the open fails).
        private void ApplyInversion(SerialPort port)
        {
            if (_settings.InvertedLevels)
            {
                port.InvertSignalLevels = true;
            }
        }
    }
}
