using System;
using System.IO;
using System.IO.Ports;
using System.Threading;
using Concentrator.Core.Io;
using Concentrator.Drivers.Diagnostics;

namespace Concentrator.Drivers.Serial
{
    /// <summary>
    /// A bounded, non-throwing read from a nanoFramework <see cref="SerialPort"/>, shared by the UART drivers.
    /// </summary>
    /// <remarks>
    /// How nanoFramework's <c>SerialPort.Read(buffer, offset, count)</c> behaves on the ESP32 (nf-interpreter,
    /// targets/ESP32/_nanoCLR/System.IO.Ports/sys_io_ser_native_System_IO_Ports_SerialPort.cpp): it returns at
    /// once only when <c>count</c> bytes are already in the receive ring buffer; otherwise it waits for all
    /// <c>count</c> bytes, up to <c>ReadTimeout</c> (default infinite), and then throws <see cref="TimeoutException"/>,
    /// leaving the bytes that did arrive in the buffer. <c>BytesToRead</c> is the ring buffer's length. So this
    /// never asks for more than <c>BytesToRead</c>: it polls <c>BytesToRead</c> every <c>pollIntervalMilliseconds</c>
    /// until bytes are there or the caller's timeout has passed, then reads exactly what is there. No call blocks
    /// past the timeout and the idle path throws nothing.
    /// </remarks>
    public static class UartPolling
    {
        /// <summary>
        /// Reads what has arrived (up to <paramref name="count"/>), waiting at most <paramref name="timeoutMilliseconds"/>
        /// (0 or less: check once). On <see cref="LinkStatus.Fault"/> <paramref name="problem"/> says what happened.
        /// </summary>
        public static LinkStatus Read(SerialPort port, string portName, byte[] buffer, int offset, int count, int timeoutMilliseconds, int pollIntervalMilliseconds, out int bytesRead, out string problem)
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
                    if (step > pollIntervalMilliseconds)
                    {
                        step = pollIntervalMilliseconds;
                    }

                    Thread.Sleep(step);
                    waited += step;
                    available = port.BytesToRead;
                }

                // The ring buffer holds at least this many bytes and only the calling thread takes from it, so the
                // read returns at once without waiting on ReadTimeout.
                bytesRead = port.Read(buffer, offset, available < count ? available : count);
                return bytesRead > 0 ? LinkStatus.Ok : LinkStatus.Timeout;
            }
            catch (TimeoutException)
            {
                return LinkStatus.Timeout;
            }
            catch (IOException ex)
            {
                problem = "reading " + portName + ": " + ExceptionText.Describe(ex);
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
