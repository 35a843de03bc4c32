using System;
using System.Globalization;
using System.Threading;
using Concentrator.Core.Io;
using Concentrator.Host.Links;

namespace Concentrator.Host.Runner;

/// <summary>
/// The connect / poll / reconnect loop of a host-side meter pipeline over a <see cref="TcpByteLink"/>: connects (with
/// the line settings of the meter side), calls the pipeline's poll until the link fails, reports the outage once on
/// the error topic, and reconnects with a doubling backoff. Every wait is bounded: a poll by the reader's timeout, a
/// connect by the connect timeout, a backoff by its maximum; cancellation is noticed within one of them.
/// </summary>
public sealed class ReconnectingLinkLoop
{
    private readonly TcpByteLink _link;
    private readonly LineSettings _line;
    private readonly ReconnectBackoff _backoff;
    private readonly P1RunnerCounters _counters;
    private readonly Action<string> _publishError;
    private readonly Action<string> _report;

    public ReconnectingLinkLoop(TcpByteLink link, LineSettings line, ReconnectBackoff backoff, P1RunnerCounters counters, Action<string> publishError, Action<string> report)
    {
        _link = link ?? throw new ArgumentNullException(nameof(link));
        _line = line;
        _backoff = backoff ?? throw new ArgumentNullException(nameof(backoff));
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
        _publishError = publishError ?? throw new ArgumentNullException(nameof(publishError));
        _report = report ?? throw new ArgumentNullException(nameof(report));
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires; <paramref name="poll"/> is one bounded step of the pipeline.</summary>
    public void Run(Func<LinkStatus> poll, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poll);
        bool outageReported = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!_link.IsConnected)
                {
                    LinkStatus connect = _link.Connect(cancellationToken);
                    if (connect != LinkStatus.Ok)
                    {
                        if (cancellationToken.IsCancellationRequested)
                        {
                            break;
                        }

                        _counters.CountConnectFailure();
                        if (!outageReported)
                        {
                            outageReported = true;
                            _publishError("link: " + _link.LastError);
                        }

                        TimeSpan delay = _backoff.Next();
                        _report(_link.LastError + "; retrying in " + Seconds(delay) + " s");
                        cancellationToken.WaitHandle.WaitOne(delay);
                        continue;
                    }

                    _link.Configure(_line);
                    _counters.CountConnect();
                    _backoff.Reset();
                    outageReported = false;
                    _report("connected to " + _link.Endpoint + " (" + _line + " on the meter side)");
                }

                LinkStatus status = poll();
                if (status == LinkStatus.Closed || status == LinkStatus.Fault)
                {
                    _counters.CountDisconnect();
                    _link.Disconnect();
                    outageReported = true;
                    string reason = _link.LastError ?? ("link " + status);
                    _publishError("link: " + reason);
                    TimeSpan delay = _backoff.Next();
                    _report(reason + "; reconnecting in " + Seconds(delay) + " s");
                    cancellationToken.WaitHandle.WaitOne(delay);
                }
            }
        }
        finally
        {
            _link.Disconnect();
        }
    }

    private static string Seconds(TimeSpan delay)
    {
        return delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
