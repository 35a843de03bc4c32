using System;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Sml;

namespace Concentrator.Core.Scheduling.Readers
{
    /// <summary>
    /// An SML meter (or communication module) answering pulls, read on a schedule (<see cref="IMeterReader"/>): one
    /// <see cref="SmlClientSession.ReadList"/> per read, its silence limit fitted to the budget (never below the
    /// session's read timeout). Used for SML meters behind TCP with an interval (INT above 0). Allocates nothing per
    /// read except the error text of a failed one.
    /// </summary>
    public sealed class SmlPullMeterReader : IMeterReader
    {
        private readonly SmlClientSession _session;
        private readonly SmlClientOptions _options;

        /// <param name="session">The meter's session; <paramref name="options"/> must be the options it was built with.</param>
        public SmlPullMeterReader(SmlClientSession session, SmlClientOptions options)
        {
            if (session == null)
            {
                throw new ArgumentNullException("session");
            }

            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            _session = session;
            _options = options;
        }

        public ReadingSet Readings
        {
            get { return _session.Decoder.Readings; }
        }

        public string LastError { get; private set; }

        public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
        {
            if (meter == null)
            {
                throw new ArgumentNullException("meter");
            }

            LastError = null;
            if (meter.Protocol != MeterProtocol.Sml)
            {
                LastError = "meter '" + meter.Id + "' is not an SML meter";
                return MeterReadStatus.NotSupported;
            }

            // The session reads the silence limit on every request.
            _options.SilenceTimeoutMilliseconds = budgetMilliseconds > _options.ReadTimeoutMilliseconds ? budgetMilliseconds : _options.ReadTimeoutMilliseconds;
            SmlClientStatus status = _session.ReadList();
            switch (status)
            {
                case SmlClientStatus.Ok:
                    return MeterReadStatus.Ok;
                case SmlClientStatus.Timeout:
                    LastError = "no SML answer within " + _options.SilenceTimeoutMilliseconds.ToString() + " ms";
                    return MeterReadStatus.NoAnswer;
                case SmlClientStatus.LinkFailed:
                    LastError = "link " + Io.LinkStatusText.Of(_session.LastLinkStatus);
                    return MeterReadStatus.LinkFailure;
                case SmlClientStatus.Attention:
                    LastError = "the meter answered SML_Attention.Res instead of the list";
                    return MeterReadStatus.Refused;
                default:
                    LastError = (status == SmlClientStatus.Partial ? "Partial" : "NoList") + ": " + _session.Decoder.LastError.ToString();
                    return MeterReadStatus.BadAnswer;
            }
        }
    }
}
