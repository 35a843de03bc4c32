using System;
using System.Globalization;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Wrapper;
using Concentrator.Host.Inventory;
using Concentrator.Host.Links;
using Concentrator.Host.Timing;

namespace Concentrator.Host.Runner;

/// <summary>
/// A DLMS/COSEM meter behind TCP read on a schedule with Core's <see cref="DlmsMeterPoller"/> (associate, resolve the
/// objects once, read the clock and the objects, release): over an <see cref="HdlcSession"/> to one meter of an RS485
/// bus whose serial-to-TCP converter is shared by every meter of the bus (<c>dlms-hdlc</c>, one session at a time: the
/// port's scheduler reads its meters one after the other), or over the TCP <see cref="WrapperTransport"/>
/// (<c>dlms-wrapper</c>). Counts the round trips and the bytes on the wire of each read.
/// </summary>
public sealed class TcpDlmsMeterReader : IMeterReader, IReaderCounters
{
    /// <summary>Objects read per meter at most, and the object list entries remembered to resolve them.</summary>
    public const int MaxObjects = 128;

    public const int CatalogueCapacity = 256;

    private readonly TcpByteLink _link;
    private readonly IApduTransport _transport;
    private readonly HdlcSession? _hdlc;
    private readonly DlmsMeterPoller _poller;
    private readonly IScheduleClock _clock;
    private readonly StopwatchClock _budgetClock = new();
    private readonly ReadingSet _readings = new(MaxObjects + 8, 8192);

    /// <param name="wire">The link the protocol speaks over when it is not <paramref name="link"/> itself (a capture's decorator of it).</param>
    public TcpDlmsMeterReader(MeterDefinition meter, TcpByteLink link, IScheduleClock clock, IByteLink? wire = null)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _link = link ?? throw new ArgumentNullException(nameof(link));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        bool password = meter.Password.Length > 0;
        int clientSap = password ? HdlcAddress.PasswordClient : HdlcAddress.PublicClient;
        string target = TargetOf(meter.Address);
        if (meter.Protocol == MeterProtocol.DlmsHdlc)
        {
            if (!HdlcAddress.TryParse(target, out HdlcAddress server))
            {
                throw new InventoryFileException("meter '" + meter.Id + "': address '" + meter.Address + "': expected HOST:PORT/LOGICAL/PHYSICAL (the HDLC address on the bus, e.g. 127.0.0.1:4059/1/1001)");
            }

            _hdlc = new HdlcSession(wire ?? link, new StopwatchClock(), new HdlcSessionOptions
            {
                Server = server,
                Client = HdlcAddress.Client(clientSap),
                ResponseTimeoutMilliseconds = 1000,
                Line = new LineSettings(meter.BaudCap > 0 ? meter.BaudCap : 9600, 8, LineParity.None, 1, false),
            });
            _transport = _hdlc;
        }
        else if (meter.Protocol == MeterProtocol.DlmsWrapper)
        {
            int wPort = 1;
            if (target.Length > 0 && (!int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out wPort) || wPort < 1 || wPort > 0xFFFF))
            {
                throw new InventoryFileException("meter '" + meter.Id + "': address '" + meter.Address + "': expected HOST:PORT or HOST:PORT/WPORT (the wrapper's server port, 1 to 65535)");
            }

            _transport = new WrapperTransport(wire ?? link, new StopwatchClock(), new WrapperTransportOptions { ClientPort = clientSap, ServerPort = wPort, ResponseTimeoutMilliseconds = 3000 });
        }
        else
        {
            throw new ArgumentException("meter '" + meter.Id + "' is not a DLMS meter (" + meter.Protocol + ")", nameof(meter));
        }

        var client = new DlmsClient(_transport, new DlmsClientOptions
        {
            Authentication = password ? DlmsAuthentication.Low : DlmsAuthentication.None,
            Password = meter.Password,
        });
        _poller = new DlmsMeterPoller(client, new CosemObjectReader(client, CatalogueCapacity), MaxObjects, CatalogueCapacity);
        string? configurationError = _poller.Configure(meter.Objects);
        if (configurationError is not null)
        {
            throw new InventoryFileException("meter '" + meter.Id + "': objects: " + configurationError);
        }
    }

    /// <summary>The part of a DLMS address after HOST:PORT ("1/1001" for HDLC, the wPort for the wrapper), or empty.</summary>
    public static string TargetOf(string address)
    {
        int slash = address.IndexOf('/');
        return slash < 0 ? string.Empty : address.Substring(slash + 1);
    }

    /// <summary>HOST:PORT of a DLMS address (everything before the first '/').</summary>
    public static string EndpointOf(string address)
    {
        int slash = address.IndexOf('/');
        return slash < 0 ? address : address.Substring(0, slash);
    }

    public ReadingSet Readings => _readings;

    public string LastError { get; private set; } = string.Empty;

    /// <summary>Round trips and bytes on the wire (both directions, with HDLC or wrapper framing) of the last read.</summary>
    public int LastRoundTrips { get; private set; }

    public long LastBytesSent { get; private set; }

    public long LastBytesReceived { get; private set; }

    public long LastMilliseconds { get; private set; }

    public long Reads { get; private set; }

    public long TotalRoundTrips { get; private set; }

    public long TotalBytes { get; private set; }

    /// <summary>One line per read: objects, round trips, bytes, time.</summary>
    public event Action<string>? Diagnostic;

    public string Counters => "dlms reads " + Reads + "; last read " + LastRoundTrips + " round trips, " + LastBytesSent + " bytes sent, " +
                              LastBytesReceived + " received, " + LastMilliseconds + " ms; total " + TotalRoundTrips + " round trips, " + TotalBytes + " bytes";

    public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
    {
        long start = _clock.UtcMilliseconds;
        MeterReadStatus connect = TcpReadStart.Connect(_link, _clock, budgetMilliseconds, out _, out string error);
        if (connect != MeterReadStatus.Ok)
        {
            LastError = error;
            return connect;
        }

        // The read as a whole stays within what is left of the budget after the connection (the first read, which learns
        // the object list, may take the poller's FirstReadBudgetMilliseconds).
        int left = budgetMilliseconds - (int)(_clock.UtcMilliseconds - start);
        DlmsClientStatus status = _poller.Poll(_readings, _budgetClock, left > 0 ? left : 1);
        LastRoundTrips = _poller.RoundTrips;
        LastBytesSent = _poller.BytesSent;
        LastBytesReceived = _poller.BytesReceived;
        LastMilliseconds = _clock.UtcMilliseconds - start;
        TotalRoundTrips += LastRoundTrips;
        TotalBytes += LastBytesSent + LastBytesReceived;
        string cost = LastRoundTrips + " round trips, " + LastBytesSent + " bytes sent, " + LastBytesReceived + " received, " + LastMilliseconds + " ms";
        if (status == DlmsClientStatus.Ok)
        {
            Reads++;
            LastError = string.Empty;
            Diagnostic?.Invoke(meter.Id + ": dlms read of " + _poller.ObjectCount + " objects (" + _readings.Count + " readings): " + cost);
            return MeterReadStatus.Ok;
        }

        LastError = _poller.LastError.ToString() + " (" + cost + ")";
        Diagnostic?.Invoke(meter.Id + ": dlms read failed: " + LastError);
        return status switch
        {
            DlmsClientStatus.TransportFailed => _link.IsConnected ? MeterReadStatus.NoAnswer : MeterReadStatus.LinkFailure,
            DlmsClientStatus.BudgetExhausted => MeterReadStatus.NoAnswer,
            DlmsClientStatus.AssociationRejected => MeterReadStatus.Refused,
            _ => MeterReadStatus.BadAnswer,
        };
    }
}

/// <summary>A reader that keeps counters worth printing at the end of a run.</summary>
public interface IReaderCounters
{
    string Counters { get; }

    event Action<string>? Diagnostic;
}
