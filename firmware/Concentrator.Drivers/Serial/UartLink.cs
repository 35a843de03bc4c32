using System;
using System.IO.Ports;
using Concentrator.Core.Io;
using Concentrator.Drivers.Diagnostics;
using Concentrator.Drivers.Esp32;

namespace Concentrator.Drivers.Serial
{
    /// <summary>Sets what only one driver needs on a new, still closed port (inversion, RS485 mode, RTS routing).</summary>
    /// <remarks>May throw: the exception fails the open like any other.</remarks>
    internal delegate void UartPortSetup(SerialPort port);

    /// <summary>Closes and opens a driver's port again (its own pins, GPIO and inversion included).</summary>
    internal delegate LinkStatus UartReopen();

    /// <summary>
    /// The UART part every serial driver shares: routes the pins and opens the <see cref="SerialPort"/> (refusing COM1,
    /// the debugger's UART), reads through <see cref="UartReceive"/>, writes bounded by the write timeout, applies a
    /// framing in place, and releases the port with Dispose. Never throws for a hardware failure: every call returns a
    /// <see cref="LinkStatus"/> and leaves what went wrong in <see cref="LastProblem"/>. Throws only for caller misuse
    /// (a null buffer or a range outside it). The drivers (P1, SML optical, IEC optical, RS485, modem) own one each and
    /// keep their own parts (request line, carrier, RS485 timing). One thread owns an instance; nothing allocates per
    /// read or write.
    /// </summary>
    internal sealed class UartLink
    {
        // Safety net only: reads never ask for bytes that have not arrived (UartReceive), so this wait is never reached.
        private const int SerialReadTimeoutMilliseconds = 500;

        private readonly string _portName;
        private readonly int _portNumber;
        private readonly int _pollIntervalMilliseconds;
        private SerialPort _port;

        /// <param name="portName">"COM1".."COM3", already checked by the driver.</param>
        public UartLink(string portName, int pollIntervalMilliseconds)
        {
            _portName = portName;
            _portNumber = Esp32Uart.PortNumber(portName);
            _pollIntervalMilliseconds = pollIntervalMilliseconds;
        }

        public string PortName
        {
            get { return _portName; }
        }

        /// <summary>The open port, or null.</summary>
        public SerialPort Port
        {
            get { return _port; }
        }

        public bool IsOpen
        {
            get { return _port != null; }
        }

        /// <summary>What went wrong last, or null; the driver's own checks write here too. For diagnostics.</summary>
        public string LastProblem { get; set; }

        /// <summary>
        /// Routes RX and TX, creates the port at <paramref name="settings"/>, sets buffer and timeouts (a write timeout of 0 keeps the port's default), lets
        /// <paramref name="setup"/> (may be null) add the driver's part, and opens it. Ok when open (also when it already
        /// was); NotSupported for COM1 or what the target cannot do; Fault otherwise, with <see cref="LastProblem"/> set
        /// to "opening <paramref name="what"/> failed: ...".
        /// </summary>
        public LinkStatus Open(LineSettings settings, int rxPin, int txPin, int receiveBufferSize, int writeTimeoutMilliseconds, UartPortSetup setup, string what)
        {
            if (_port != null)
            {
                return LinkStatus.Ok;
            }

            LinkStatus usable = CheckUsable();
            if (usable != LinkStatus.Ok)
            {
                return usable;
            }

            SerialPort port = null;
            try
            {
                Esp32Uart.RoutePins(_portNumber, rxPin, txPin);
                port = new SerialPort(_portName, settings.BaudRate, SerialFraming.ToParity(settings.Parity), settings.DataBits, SerialFraming.ToStopBits(settings.StopBits));
                port.ReadBufferSize = receiveBufferSize;
                port.ReadTimeout = SerialReadTimeoutMilliseconds;
                if (writeTimeoutMilliseconds > 0)
                {
                    port.WriteTimeout = writeTimeoutMilliseconds;
                }

                if (setup != null)
                {
                    setup(port);
                }

                port.Open();
            }
            catch (Exception ex)
            {
                if (port != null)
                {
                    SerialFraming.DisposeQuietly(port);
                }

                LastProblem = "opening " + what + " failed: " + ExceptionText.Describe(ex);
                return ex is NotSupportedException ? LinkStatus.NotSupported : LinkStatus.Fault;
            }

            _port = port;
            return LinkStatus.Ok;
        }

        /// <summary>Ok, or NotSupported with <see cref="LastProblem"/> set when the port is COM1 (the debugger's UART).</summary>
        public LinkStatus CheckUsable()
        {
            if (_portNumber == 1)
            {
                // nf-interpreter ESP32 NativeInit: UART0 is refused unless the firmware talks to the debugger over USB CDC.
                LastProblem = "COM1 is the debugger's UART on this board; use COM2 or COM3";
                return LinkStatus.NotSupported;
            }

            return LinkStatus.Ok;
        }

        /// <summary>
        /// Releases the UART. Dispose, not just Close: on the ESP32 only Dispose uninstalls the UART driver, and signal
        /// inversion can be changed only while no driver is installed. A later <see cref="Open"/> starts afresh.
        /// </summary>
        public void Close()
        {
            SerialPort port = _port;
            _port = null;
            if (port != null)
            {
                SerialFraming.DisposeQuietly(port);
            }
        }

        /// <summary>A bounded read (<see cref="UartReceive.Read"/>): Ok with bytes, Timeout without, Closed, or Fault.</summary>
        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            string problem;
            LinkStatus status = UartReceive.Read(_port, buffer, offset, count, timeoutMilliseconds, _pollIntervalMilliseconds, out bytesRead, out problem);
            if (problem != null)
            {
                LastProblem = problem;
            }

            return status;
        }

        /// <summary>Writes through the UART, bounded by the port's write timeout: Ok, Timeout, Closed or Fault.</summary>
        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
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
            catch (Exception ex)
            {
                return WriteFailed(ex, _portName, count);
            }
        }

        /// <summary>
        /// What a failed send means: Timeout (the write timeout ran out), Closed (the port is closed or disposed), or
        /// Fault; <see cref="LastProblem"/> names <paramref name="target"/> and what happened.
        /// </summary>
        public LinkStatus WriteFailed(Exception ex, string target, int count)
        {
            if (ex is TimeoutException)
            {
                LastProblem = "writing " + count.ToString() + " bytes to " + target + " timed out";
                return LinkStatus.Timeout;
            }

            if (ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                // SerialPort throws InvalidOperationException when the port is not open.
                return LinkStatus.Closed;
            }

            LastProblem = "writing " + target + ": " + ExceptionText.Describe(ex);
            return LinkStatus.Fault;
        }

        /// <summary>
        /// Checks that a UART can do the framing (and, unless <paramref name="invertible"/>, that it is not inverted):
        /// Ok, or NotSupported with <see cref="LastProblem"/> set.
        /// </summary>
        public LinkStatus CheckFraming(LineSettings settings, bool invertible, string what)
        {
            if (SerialFraming.IsSupported(settings) && (invertible || !settings.InvertedLevels))
            {
                return LinkStatus.Ok;
            }

            LastProblem = "unsupported " + what + settings.ToString();
            return LinkStatus.NotSupported;
        }

        /// <summary>
        /// Applies baud, data bits, parity and stop bits to the open port in place; Ok when closed (the next
        /// <see cref="Open"/> uses the driver's settings), Fault with <see cref="LastProblem"/> set when the UART refuses.
        /// </summary>
        public LinkStatus Apply(LineSettings settings)
        {
            SerialPort port = _port;
            if (port == null)
            {
                return LinkStatus.Ok;
            }

            string problem;
            LinkStatus status = SerialFraming.TryApply(port, settings, _portName, out problem);
            if (problem != null)
            {
                LastProblem = problem;
            }

            return status;
        }

        /// <summary>
        /// Configure of a driver whose UART can invert its levels: checks the framing, records it in
        /// <paramref name="current"/>, reopens the port when the inversion changes on an open port (the ESP32 sets
        /// inversion only at open), else applies the framing in place.
        /// </summary>
        public LinkStatus ConfigureInvertible(ref LineSettings current, LineSettings settings, UartReopen reopen)
        {
            LinkStatus supported = CheckFraming(settings, true, "framing ");
            if (supported != LinkStatus.Ok)
            {
                return supported;
            }

            bool inversionChanged = settings.InvertedLevels != current.InvertedLevels;
            current = settings;
            return inversionChanged && IsOpen ? reopen() : Apply(settings);
        }

        /// <summary>Throws for a null buffer or a range outside it (caller misuse), like <see cref="UartReceive.Read"/>.</summary>
        public static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }
        }
    }
}
