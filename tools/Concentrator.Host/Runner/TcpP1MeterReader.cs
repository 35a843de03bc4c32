using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Meters;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Host.Links;

namespace Concentrator.Host.Runner;

/// <summary>
/// A P1 meter behind TCP (ser2net, the simulator) read on a schedule: connects when needed (the connect counts
/// against the read budget), then Core's <see cref="P1MeterReader"/> takes the next whole telegram. A lost connection
/// is closed so that the next attempt connects again.
/// </summary>
public sealed class TcpP1MeterReader : IMeterReader, IDisposable
{
    private readonly TcpByteLink _link;
    private readonly P1MeterReader _reader;
    private readonly IScheduleClock _clock;

    public TcpP1MeterReader(string host, int port, TimeSpan connectTimeout, IScheduleClock clock, DsmrDecoderOptions decoderOptions)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _link = new TcpByteLink(host, port, connectTimeout);
        _reader = new P1MeterReader(_link, new DsmrTelegramDecoder(decoderOptions), clock, 100, 1024);
    }

    public string Endpoint => _link.Endpoint;

    public ReadingSet Readings => _reader.Readings;

    public string LastError { get; private set; } = string.Empty;

    public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
    {
        long start = _clock.UtcMilliseconds;
        if (!_link.IsConnected)
        {
            var status = _link.Connect();
            if (status != Core.Io.LinkStatus.Ok)
            {
                LastError = "connect to " + _link.Endpoint + ": " + _link.LastError;
                return status == Core.Io.LinkStatus.Timeout ? MeterReadStatus.NoAnswer : MeterReadStatus.LinkFailure;
            }
        }

        long left = budgetMilliseconds - (_clock.UtcMilliseconds - start);
        if (left <= 0)
        {
            LastError = "connecting to " + _link.Endpoint + " took the whole read budget";
            return MeterReadStatus.NoAnswer;
        }

        MeterReadStatus result = _reader.Read(meter, (int)left);
        LastError = _reader.LastError ?? string.Empty;
        if (result == MeterReadStatus.LinkFailure)
        {
            LastError = _link.Endpoint + ": " + (_link.LastError ?? _reader.LastError);
            _link.Disconnect();
        }

        return result;
    }

    public void Dispose() => _link.Dispose();
}
