using System;
using System.IO;
using System.IO.Ports;
using System.Threading;
using Concentrator.Core.Io;
using Concentrator.Drivers.Diagnostics;

namespace Concentrator.Drivers.Serial
{
    /// <summary>
    /// A bounded read from an open <see cref="SerialPort"/> on the ESP32: waits (polling <c>BytesToRead</c>) until bytes
    /// have arrived or the timeout has passed, then reads only what is there, so <c>SerialPort.Read</c> returns at
    /// once (it would otherwise wait for all <c>count</c> bytes up to <c>ReadTimeout</c> and throw). See the README.
    /// </summary>
    public static class UartReceive
    {
        /// <summary>Ok with bytes, Timeout without; Fault with <paramref name="problem"/> set on a UART error; Closed.</summary>
        public static LinkStatus Read(SerialPort port, byte[] buffer, int offset, int count, int timeoutMilliseconds, int pollMilliseconds, out int bytesRead, out string problem)
        {
            bytesRead = 0;
            problem = null;
            if (port == null)
            {
                return LinkStatus.Closed;
            }

            if (count == 0)
            {
                return LinkStatus.Ok;
            }

            try
            {
                int available = port.BytesToRead;
                int waited = 0;
                while (available <= 0)
                {
                    if (waited >= timeoutMilliseconds)
                    {
                        return LinkStatus.Timeout;
                    }

                    int step = timeoutMilliseconds - waited;
                    if (step > pollMilliseconds)
                    {
                        step = pollMilliseconds;
                    }

                    Thread.Sleep(step);
                    waited += step;
                    available = port.BytesToRead;
                }

                // The ring buffer holds at least this many bytes and only this thread takes from it.
                bytesRead = port.Read(buffer, offset, available < count ? available : count);
                return bytesRead > 0 ? LinkStatus.Ok : LinkStatus.Timeout;
            }
            catch (TimeoutException)
            {
                return LinkStatus.Timeout;
            }
            catch (IOException ex)
            {
                problem = "reading " + port.PortName + ": " + ExceptionText.Describe(ex);
                return LinkStatus.Fault;
            }
            catch (ObjectDisposedException)
            {
                return LinkStatus.Closed;
            }
            catch (InvalidOperationException)
            {
                // SerialPort throws this when the port is not open.
                return LinkStatus.Closed;
            }
        }
    }
}
