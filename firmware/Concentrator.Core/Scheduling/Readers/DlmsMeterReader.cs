using System;
using Concentrator.Core.Bus;
using Concentrator.Core.Dlms;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Scheduling.Readers
{
    /// <summary>
    /// A DLMS/COSEM meter read on a schedule (<see cref="IMeterReader"/>): one <see cref="DlmsMeterPoller"/> per meter
    /// (its resolved object list and scalers are the meter's own), over a client that meters with the same password
    /// may share. On an RS485 bus the read takes the bus (<see cref="MeterBusArbiter.TryAcquire"/>, never waiting),
    /// points the <see cref="BusMemberTransport"/> at the meter and ends the bus session whatever happened; retries and
    /// back-off are the scheduler's, not the arbiter's. Without a bus (a meter alone on its transport, the TCP wrapper)
    /// the poller runs directly. Every exchange is bounded by the transport's own timeouts and retries (HDLC: (retries + 1)
    /// × response timeout per frame); given a clock, the read as a whole stops sending once the scheduler's budget is
    /// used up (the first read of a meter, which also learns its object list, gets
    /// <see cref="DlmsMeterPoller.FirstReadBudgetMilliseconds"/>).
    /// </summary>
    public sealed class DlmsMeterReader : IMeterReader
    {
        private readonly DlmsMeterPoller _poller;
        private readonly ReadingSet _readings;
        private readonly BusMemberTransport _bus;
        private readonly int _member;
        private readonly IMillisecondClock _clock;

        /// <summary>A meter alone on its transport; each read is bounded only per exchange (by the transport's timeouts).</summary>
        public DlmsMeterReader(DlmsMeterPoller poller, ReadingSet readings)
            : this(poller, readings, null, -1, null)
        {
        }

        /// <summary>Meter <paramref name="member"/> of the arbiter behind <paramref name="bus"/> (the transport of the poller's client).</summary>
        public DlmsMeterReader(DlmsMeterPoller poller, ReadingSet readings, BusMemberTransport bus, int member)
            : this(poller, readings, bus, member, null)
        {
        }

        /// <summary>
        /// As above, and with <paramref name="clock"/> each read is bounded as a whole by the budget the scheduler gives
        /// (<see cref="DlmsMeterPoller.Poll(ReadingSet, IMillisecondClock, int)"/>); <paramref name="bus"/> may be null.
        /// </summary>
        public DlmsMeterReader(DlmsMeterPoller poller, ReadingSet readings, BusMemberTransport bus, int member, IMillisecondClock clock)
        {
            if (poller == null)
            {
                throw new ArgumentNullException("poller");
            }

            if (readings == null)
            {
                throw new ArgumentNullException("readings");
            }

            if (bus != null && (member < 0 || member >= bus.Bus.Count))
            {
                throw new ArgumentOutOfRangeException("member", "meter " + member.ToString() + " is not on the bus");
            }

            _poller = poller;
            _readings = readings;
            _bus = bus;
            _member = member;
            _clock = clock;
        }

        public ReadingSet Readings
        {
            get { return _readings; }
        }

        public string LastError { get; private set; }

        /// <summary>The poller (round trips and bytes of the last read).</summary>
        public DlmsMeterPoller Poller
        {
            get { return _poller; }
        }

        public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
        {
            if (meter == null)
            {
                throw new ArgumentNullException("meter");
            }

            LastError = null;
            if (meter.Protocol != MeterProtocol.DlmsHdlc && meter.Protocol != MeterProtocol.DlmsWrapper)
            {
                LastError = "meter '" + meter.Id + "' is not a DLMS/COSEM meter";
                return MeterReadStatus.NotSupported;
            }

            DlmsClientStatus status;
            if (_bus == null)
            {
                status = Poll(budgetMilliseconds);
            }
            else
            {
                MeterBusArbiter arbiter = _bus.Bus;
                if (!arbiter.TryAcquire())
                {
                    LastError = "the bus is busy with another session";
                    return MeterReadStatus.LinkFailure;
                }

                status = DlmsClientStatus.TransportFailed;
                try
                {
                    _bus.Member = _member;
                    status = Poll(budgetMilliseconds);
                }
                finally
                {
                    arbiter.End(status == DlmsClientStatus.Ok);
                }
            }

            if (status == DlmsClientStatus.Ok)
            {
                return MeterReadStatus.Ok;
            }

            DlmsClientError error = _poller.LastError;
            LastError = error.ToString();
            return StatusOf(status, error.TransportStatus);
        }

        private DlmsClientStatus Poll(int budgetMilliseconds)
        {
            return _clock == null ? _poller.Poll(_readings) : _poller.Poll(_readings, _clock, budgetMilliseconds);
        }

        /// <summary>What a DLMS client's failure means to the scheduler.</summary>
        public static MeterReadStatus StatusOf(DlmsClientStatus status, ApduTransportStatus transport)
        {
            switch (status)
            {
                case DlmsClientStatus.Ok:
                    return MeterReadStatus.Ok;
                case DlmsClientStatus.TransportFailed:
                    if (transport == ApduTransportStatus.Timeout)
                    {
                        return MeterReadStatus.NoAnswer;
                    }

                    return transport == ApduTransportStatus.Corrupt || transport == ApduTransportStatus.BufferTooSmall
                        ? MeterReadStatus.BadAnswer
                        : MeterReadStatus.LinkFailure;
                case DlmsClientStatus.BudgetExhausted:
                    return MeterReadStatus.NoAnswer;
                case DlmsClientStatus.AssociationRejected:
                case DlmsClientStatus.DataAccessError:
                    return MeterReadStatus.Refused;
                default:
                    return MeterReadStatus.BadAnswer;
            }
        }
    }
}
