using System;
using System.Threading;
using Concentrator.Core.Io;
using Concentrator.Core.P1;
using Concentrator.Core.Timing;
using Concentrator.Drivers.P1;

namespace Concentrator.App.P1
{
    /// <summary>
    /// The P1 thread: opens the port (which raises the data request line), polls the reader until the link fails,
    /// then closes the port and tries again after a growing pause. Every step is bounded: a poll waits at most
    /// <see cref="P1ReaderOptions.ReadTimeoutMilliseconds"/>.
    /// </summary>
    public sealed class P1ReadLoop
    {
        private readonly P1Port _port;
        private readonly P1PortReader _reader;
        private readonly P1TelegramPublisher _publisher;
        private readonly RetryBackoff _backoff = new RetryBackoff(1000, 60000);

        public P1ReadLoop(P1Port port, P1PortReader reader, P1TelegramPublisher publisher)
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
                    _publisher.ReportProblem("P1 loop stopped by " + ex.Message + "; restarting");
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
                _publisher.ReportProblem("P1 port " + StatusText.Of(status) + ": " + _port.LastProblem);
                _port.Close();
                return;
            }

            Log.Info("P1 port open: " + _port.Settings.ToString() + ", inversion " + StatusText.Of(_port.Inversion));
            if (_port.Inversion == P1SignalInversion.Unavailable)
            {
                _publisher.ReportProblem(_port.LastProblem);
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

            _publisher.ReportProblem("P1 port " + StatusText.Of(status) + ": " + _port.LastProblem + "; reopening");
            _port.Close();
        }
    }
}
