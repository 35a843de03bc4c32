using System;
using System.IO;
using System.IO.Ports;
using System.Threading;
using Concentrator.Core.Io;
using Concentrator.Drivers.Diagnostics;

namespace Concentrator.Drivers.Serial
{
    /// <summary>
    /// Bounded reads from a nanoFramework <see cref="SerialPort"/>, shared by the drivers that are an <see cref="IByteLink"/>.
    /// On the ESP32 <c>SerialPort.Read(buffer, offset, count)</c> returns at once only when <c>count</c> bytes are
    /// already in the receive ring buffer; otherwise it waits for all of them, up to <c>ReadTimeout</c>, and then throws
    /// <see cref="TimeoutException"/> (nf-interpreter, targets/ESP32/_nanoCLR/System.IO.Ports). So a read here polls
    /// <c>BytesToRead</c> until bytes are there or the caller's timeout has passed, then takes exactly what is there:
    /// no call blocks past its timeout and the idle path throws nothing.
    /// </summary>
    public static class SerialPortReads
    {
        /// <summary>
        /// Reads what has arrived (up to <paramref name="count"/>), waiting at most <paramref name="timeoutMilliseconds"/>
        /// for the first byte (0 or less: check once). <paramref name="problem"/> describes a UART fault (else null).
        /// </summary>
        public static LinkStatus ReadAvailable(SerialPort port, byte[] buffer, int offset, int count, int timeoutMilliseconds, int pollIntervalMilliseconds, out int bytesRead, out string problem)
        {
            bytesRead = 0;
            problem = null;
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

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
                    if (step > pollIntervalMilliseconds)
                    {
                        step = pollIntervalMilliseconds;
                    }

                    Thread.Sleep(step);
                    waited += step;
                    available = port.BytesToRead;
                }

                // The ring buffer holds at least this many bytes and only this thread takes from it, so the read
                // returns at once without waiting on ReadTimeout.
                bytesRead = port.Read(buffer, offset, available < count ? available : count);
                return bytesRead > 0 ? LinkStatus.Ok : LinkStatus.Timeout;
            }
            catch (TimeoutException)
            {
                return LinkStatus.Timeout;
            }
            catch (IOException ex)
            {
                problem = ExceptionText.Describe(ex);
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

        /// <summary>Disposes a port that may already be broken (on the ESP32 only Dispose uninstalls the UART driver).</summary>
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
