using System;
using System.Threading;
using Concentrator.App.Publishing;
using Concentrator.Core.Io;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Timing;

namespace Concentrator.App.Ports
{
    /// <summary>
    /// The thread of a polled port (optical head, RS485 bus): opens the port, then runs Core's
    /// <see cref="PortScheduler"/> over the port's meters (each read bounded by the scheduler's budget; readers report
    /// through the scheduler's sink to the meters' publishers). When every meter of the port fails on the link itself,
    /// the port is closed and reopened after a growing pause. Never returns.
    /// </summary>
    public sealed class PolledPortLoop
    {
        /// <summary>Longest sleep between ticks, so that a clock set by SNTP is noticed soon.</summary>
        private const int MaxSleepMilliseconds = 1000;

        private readonly PortHandle _port;
        private readonly PortScheduler _scheduler;
        private readonly MeterPublisher[] _meters;
        private readonly RetryBackoff _backoff = new RetryBackoff(1000, 60000);
        private readonly long[] _failuresAtOpen;

        public PolledPortLoop(PortHandle port, PortScheduler scheduler, MeterPublisher[] meters)
        {
            _port = port;
            _scheduler = scheduler;
            _meters = meters;
            _failuresAtOpen = new long[scheduler.Count];
        }

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
                    Report(_port.Name + " loop stopped by " + ex.Message + "; restarting");
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
                Report(_port.Name + " " + StatusText.Of(status) + ": " + _port.LastProblem());
                _port.Close();
                return;
            }

            Log.Info(_port.Name + " open, " + _scheduler.Count.ToString() + " meter(s) scheduled");
            _backoff.Reset();
            for (int i = 0; i < _scheduler.Count; i++)
            {
                _failuresAtOpen[i] = _scheduler[i].Failures;
            }

            while (!AllLinksFailed())
            {
                long wait = _scheduler.Tick();
                if (wait > 0)
                {
                    Thread.Sleep(wait < MaxSleepMilliseconds ? (int)wait : MaxSleepMilliseconds);
                }
            }

            Report(_port.Name + " failed for every meter (" + _port.LastProblem() + "); reopening");
            _port.Close();
        }

        // True when, since the port was opened, the last attempt of every meter failed on the link itself (a closed or
        // broken port, not a meter).
        private bool AllLinksFailed()
        {
            for (int i = 0; i < _scheduler.Count; i++)
            {
                MeterSchedule meter = _scheduler[i];
                if (meter.Failures == _failuresAtOpen[i] || meter.LastStatus != MeterReadStatus.LinkFailure || meter.ConsecutiveFailures == 0)
                {
                    return false;
                }
            }

            return true;
        }

        private void Report(string message)
        {
            for (int i = 0; i < _meters.Length; i++)
            {
                _meters[i].ReportProblem(message);
            }
        }
    }
}
