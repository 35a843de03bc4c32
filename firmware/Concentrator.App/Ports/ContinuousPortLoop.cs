using System;
using System.Threading;
using Concentrator.App.Publishing;
using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.App.Ports
{
    /// <summary>
    /// The thread of a port whose meter pushes (P1, SML head): opens the port (P1: which raises the data request line),
    /// polls the reader until the link fails, then closes the port and tries again after a growing pause. Every step is
    /// bounded: a poll waits at most the reader's read timeout. Everything the reader finds goes to the meter's
    /// <see cref="MeterPublisher"/>, which the reader was built with.
    /// </summary>
    public sealed class ContinuousPortLoop
    {
        private readonly PortHandle _port;
        private readonly PolledLinkReader _reader;
        private readonly MeterPublisher _publisher;
        private readonly RetryBackoff _backoff = new RetryBackoff(1000, 60000);

        public ContinuousPortLoop(PortHandle port, PolledLinkReader reader, MeterPublisher publisher)
        {
            _port = port;
            _reader = reader;
            _publisher = publisher;
        }

        /// <summary>Runs for as long as the device does.</summary>
        public void Run()
        {
            while (true)
            {
                try
                {
                    RunOnce();
                }
                catch (Exception ex)
                {
                    // Core throws only on misuse; this keeps the thread alive and says what happened.
                    _publisher.ReportProblem(_port.Name + " loop stopped by " + ex.Message + "; restarting");
                    _port.Close();
                }

                Thread.Sleep(_backoff.NextDelay());
            }
        }

        private void RunOnce()
        {
            LinkStatus status = _port.Open();
            if (status != LinkStatus.Ok)
            {
                _publisher.ReportProblem(_port.Name + " " + StatusText.Of(status) + ": " + _port.LastProblem());
                _port.Close();
                return;
            }

            string warning = _port.Opened == null ? null : _port.Opened();
            Log.Info(_port.Name + " open: " + _publisher.Link);
            if (warning != null)
            {
                _publisher.ReportProblem(warning);
            }

            _backoff.Reset();
            while (true)
            {
                status = _reader.Poll();
                if (status == LinkStatus.Closed || status == LinkStatus.Fault || status == LinkStatus.NotSupported)
                {
                    break;
                }
            }

            _publisher.ReportProblem(_port.Name + " " + StatusText.Of(status) + ": " + _port.LastProblem() + "; reopening");
            _port.Close();
        }
    }
}
