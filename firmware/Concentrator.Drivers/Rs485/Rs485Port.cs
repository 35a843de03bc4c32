using System;
using System.IO.Ports;
using System.Threading;
using Concentrator.Core.Io;
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
    /// <remarks>The UART part (open, bounded reads through <see cref="UartReceive.Read"/>, writes, framing, release) is the
    /// shared <see cref="UartLink"/>.</remarks>
    public sealed class Rs485Port : IByteLink, IDisposable
    {
        private readonly Rs485PortOptions _options;
        private readonly int _portNumber;
        private readonly UartLink _uart;
        private LineSettings _settings;
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
            _uart = new UartLink(options.PortName, options.PollIntervalMilliseconds);
        }

        public bool IsOpen
        {
            get { return _uart.IsOpen; }
        }

        /// <summary>The framing in use (the current meter's).</summary>
        public LineSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>What went wrong last (open failure, UART error), or null. For diagnostics.</summary>
        public string LastProblem
        {
            get { return _uart.LastProblem; }
        }

        /// <summary>Routes RX, TX and RTS (DE/RE), opens the UART in RS485 mode.</summary>
        public LinkStatus Open()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("Rs485Port");
            }

            if (_uart.IsOpen)
            {
                return LinkStatus.Ok;
            }

            LinkStatus status = _uart.Open(_settings, _options.RxPin, _options.TxPin, _options.ReceiveBufferSize, _options.WriteTimeoutMilliseconds, SetRs485Mode, _options.PortName + " in RS485 mode");
            if (status == LinkStatus.Ok)
            {
                _quietFrom = Environment.TickCount64;
            }

            return status;
        }

        public void Close()
        {
            _uart.Close();
        }

        /// <inheritdoc/>
        /// <remarks>A timeout of 0 or less checks once without waiting.</remarks>
        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            LinkStatus status = _uart.Read(buffer, offset, count, timeoutMilliseconds, out bytesRead);
            if (bytesRead > 0)
            {
                _quietFrom = Environment.TickCount64;
            }

            return status;
        }

        /// <summary>Waits (at most the turnaround time) for a quiet bus, then sends; RTS drives DE/RE meanwhile.</summary>
        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            UartLink.CheckRange(buffer, offset, count);
            SerialPort port = _uart.Port;
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
            }
            catch (Exception ex)
            {
                return _uart.WriteFailed(ex, _options.PortName, count);
            }

            long wait = _quietFrom + _options.TurnaroundMilliseconds - Environment.TickCount64;
            if (wait > 0)
            {
                Thread.Sleep(wait > _options.TurnaroundMilliseconds ? _options.TurnaroundMilliseconds : (int)wait);
            }

            LinkStatus status = _uart.Write(buffer, offset, count);
            if (status == LinkStatus.Ok)
            {
                // The frame is on the wire for its character time; the bus is quiet only after that.
                _quietFrom = Environment.TickCount64 + (_settings.WireMicroseconds(count) / 1000);
            }

            return status;
        }

        /// <summary>Switches to a meter's framing (baud, data bits, parity, stop bits); inverted levels are not an RS485 thing.</summary>
        public LinkStatus Configure(LineSettings settings)
        {
            LinkStatus supported = _uart.CheckFraming(settings, false, "RS485 framing ");
            if (supported != LinkStatus.Ok)
            {
                return supported;
            }

            if (settings.Equals(_settings) && _uart.IsOpen)
            {
                return LinkStatus.Ok;
            }

            _settings = settings;
            return _uart.Apply(settings);
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

        // Before Open: RTS drives the transceiver's DE and /RE, the UART raises it while it sends.
        private void SetRs485Mode(SerialPort port)
        {
            Esp32Uart.RouteRtsPin(_portNumber, _options.DirectionPin);
            port.Handshake = Handshake.None;
            port.Mode = SerialMode.RS485;
        }
    }
}
