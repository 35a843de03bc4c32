using System;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Sml;
using Concentrator.Host.Links;
using Concentrator.Host.Timing;

namespace Concentrator.Host.Runner;

/// <summary>Connects a meter's TCP link when needed, charging the connect to the read budget.</summary>
internal static class TcpReadStart
{
    /// <summary>Ok, or the status to report with <paramref name="error"/> set; <paramref name="left"/> is the budget left.</summary>
    public static MeterReadStatus Connect(TcpByteLink link, IScheduleClock clock, int budgetMilliseconds, out int left, out string error)
    {
        long start = clock.UtcMilliseconds;
        left = budgetMilliseconds;
        error = string.Empty;
        if (!link.IsConnected)
        {
            LinkStatus status = link.Connect();
            if (status != LinkStatus.Ok)
            {
                error = "connect to " + link.Endpoint + ": " + link.LastError;
                return status == LinkStatus.Timeout ? MeterReadStatus.NoAnswer : MeterReadStatus.LinkFailure;
            }
        }

        left = (int)(budgetMilliseconds - (clock.UtcMilliseconds - start));
        if (left <= 0)
        {
            error = "connecting to " + link.Endpoint + " took the whole read budget";
            return MeterReadStatus.NoAnswer;
        }

        return MeterReadStatus.Ok;
    }
}

/// <summary>
/// An IEC 62056-21 meter behind TCP (an optical head or RS485 line on ser2net, the simulator) read on a schedule with
/// Core's <see cref="IecSession"/>: sign-on, baud switch, readout, all bounded by the read budget. The address after
/// HOST:PORT ("HOST:PORT/11620371") is the meter's device address in the request; none asks whoever answers.
/// </summary>
public sealed class TcpIecMeterReader : IMeterReader, IWorkingLinkSource, IDisposable
{
    private readonly TcpByteLink _link;
    private readonly IecWorkingLink _workingLink = new();
    private readonly IScheduleClock _clock;
    private readonly IecSession _session;
    private readonly IecSessionOptions _options;

    /// <param name="capture">When given, the session speaks through a <see cref="CapturingByteLink"/> (<see cref="CapturingLink"/>).</param>
    public TcpIecMeterReader(MeterDefinition meter, string host, int port, TimeSpan connectTimeout, IScheduleClock clock, FrameCapture? capture = null)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _link = new TcpByteLink(host, port, connectTimeout);
        CapturingLink = capture is null ? null : new CapturingByteLink(_link, capture);
        _session = new IecSession(CapturingLink is null ? _link : CapturingLink, new StopwatchClock(), new IecMessageDecoder(new IecDecoderOptions()), new IecBaudMemory(4));
        _options = new IecSessionOptions { Address = TcpDlmsMeterReader.TargetOf(meter.Address), Password = meter.Password, MaxAttempts = 1 };
        if (meter.BaudCap > 0)
        {
            _options.PortMaximumBaud = meter.BaudCap;
        }
    }

    public ReadingSet Readings => _session.Readings;

    public string LastError { get; private set; } = string.Empty;

    /// <summary>The link the session speaks through with a capture listening, or null.</summary>
    public CapturingByteLink? CapturingLink { get; }

    /// <summary>Mode, baud, framing and fallback of the last good session.</summary>
    public string WorkingLink => _workingLink.Text;

    public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
    {
        MeterReadStatus start = TcpReadStart.Connect(_link, _clock, budgetMilliseconds, out int left, out string error);
        if (start != MeterReadStatus.Ok)
        {
            LastError = error;
            return start;
        }

        _options.TotalTimeoutMilliseconds = left;
        IecSessionOutcome outcome = _session.Run(_options);
        if (outcome == IecSessionOutcome.ReadoutComplete || outcome == IecSessionOutcome.RegistersRead)
        {
            _workingLink.Update(_session, _options.PortMaximumBaud, _options.MeterMaximumBaud);
            LastError = string.Empty;
            return MeterReadStatus.Ok;
        }

        LastError = outcome + ": " + (_session.LastProblem ?? "no detail");
        switch (outcome)
        {
            case IecSessionOutcome.NoAnswer:
                return MeterReadStatus.NoAnswer;
            case IecSessionOutcome.LinkFailed:
                _link.Disconnect();
                return MeterReadStatus.LinkFailure;
            case IecSessionOutcome.PasswordRejected:
                return MeterReadStatus.Refused;
            case IecSessionOutcome.NotSupported:
                return MeterReadStatus.NotSupported;
            default:
                return MeterReadStatus.BadAnswer;
        }
    }

    public void Dispose() => _link.Dispose();
}

/// <summary>
/// An SML meter (or communication module) answering pulls over TCP, read on a schedule with Core's
/// <see cref="SmlClientSession"/>: one SML_GetList request, the answer decoded and checked, silence bounded by the budget.
/// </summary>
public sealed class TcpSmlMeterReader : IMeterReader, IDisposable
{
    private readonly TcpByteLink _link;
    private readonly IScheduleClock _clock;
    private readonly SmlClientOptions _options = new();
    private readonly SmlClientSession _session;

    public TcpSmlMeterReader(string host, int port, TimeSpan connectTimeout, IScheduleClock clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _link = new TcpByteLink(host, port, connectTimeout);
        _session = new SmlClientSession(_link, new SmlFileDecoder(new SmlDecoderOptions()), _options);
    }

    public ReadingSet Readings => _session.Decoder.Readings;

    public string LastError { get; private set; } = string.Empty;

    public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
    {
        MeterReadStatus start = TcpReadStart.Connect(_link, _clock, budgetMilliseconds, out int left, out string error);
        if (start != MeterReadStatus.Ok)
        {
            LastError = error;
            return start;
        }

        // The session checks its options once; the silence limit is a field it reads on every request.
        _options.SilenceTimeoutMilliseconds = Math.Max(_options.ReadTimeoutMilliseconds, left);
        SmlClientStatus status = _session.ReadList();
        switch (status)
        {
            case SmlClientStatus.Ok:
                LastError = string.Empty;
                return MeterReadStatus.Ok;
            case SmlClientStatus.Timeout:
                LastError = "no SML answer within " + left + " ms (silent meter)";
                return MeterReadStatus.NoAnswer;
            case SmlClientStatus.LinkFailed:
                LastError = _link.Endpoint + ": " + (_link.LastError ?? _session.LastLinkStatus.ToString());
                _link.Disconnect();
                return MeterReadStatus.LinkFailure;
            default:
                LastError = status + ": " + _session.Decoder.LastError;
                return MeterReadStatus.BadAnswer;
        }
    }

    public void Dispose() => _link.Dispose();
}
