using System;
using System.IO.Ports;
using Concentrator.Core.Io;
using Concentrator.Drivers.Diagnostics;

namespace Concentrator.Drivers.Serial
{
    /// <summary>Core's <see cref="LineSettings"/> in System.IO.Ports terms.</summary>
    public static class SerialFraming
    {
        /// <summary>True when a UART can do this framing (5..8 data bits, 1 or 2 stop bits, a positive baud rate).</summary>
        public static bool IsSupported(LineSettings settings)
        {
            return settings.BaudRate > 0
                && settings.DataBits >= 5 && settings.DataBits <= 8
                && (settings.StopBits == 1 || settings.StopBits == 2)
                && (settings.Parity == LineParity.None || settings.Parity == LineParity.Odd || settings.Parity == LineParity.Even);
        }

        public static Parity ToParity(LineParity parity)
        {
            switch (parity)
            {
                case LineParity.Even:
                    return Parity.Even;
                case LineParity.Odd:
                    return Parity.Odd;
                default:
                    return Parity.None;
            }
        }

        public static StopBits ToStopBits(byte stopBits)
        {
            return stopBits == 2 ? StopBits.Two : StopBits.One;
        }

        /// <summary>Applies baud, data bits, parity and stop bits (on an open port each one reconfigures the UART at once).</summary>
        public static void Apply(SerialPort port, LineSettings settings)
        {
            port.BaudRate = settings.BaudRate;
            port.DataBits = settings.DataBits;
            port.Parity = ToParity(settings.Parity);
            port.StopBits = ToStopBits(settings.StopBits);
        }

        /// <summary>
        /// Applies the framing to an open port (<see cref="Apply"/>) without throwing: Ok, or Fault with
        /// <paramref name="problem"/> saying what failed.
        /// </summary>
        public static LinkStatus TryApply(SerialPort port, LineSettings settings, string portName, out string problem)
        {
            problem = null;
            try
            {
                Apply(port, settings);
                return LinkStatus.Ok;
            }
            catch (Exception ex)
            {
                problem = "configuring " + portName + " as " + settings.ToString() + ": " + ExceptionText.Describe(ex);
                return LinkStatus.Fault;
            }
        }

        /// <summary>Disposes a port, swallowing what a failing close throws (the port is gone either way).</summary>
        public static void DisposeQuietly(SerialPort port)
        {
            try
            {
                port.Dispose();
            }
            catch (Exception)
            {
                // A port that fails to close is gone either way; the next Open creates a new one.
            }
        }
    }
}
