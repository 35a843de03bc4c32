using System;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Scheduling.Readers
{
    /// <summary>
    /// An IEC 62056-21 meter read on a schedule (<see cref="IMeterReader"/>): one <see cref="IecSession"/> (and its
    /// buffers) shared by every meter of the port, run per read with the meter's address, password and baud cap on a
    /// copy of the port's session options. The session's attempts and its whole-attempt bound are fitted into the
    /// budget: attempts × bound + pauses never exceed it, and when the budget is too short for the configured attempts,
    /// fewer are made (at least one, with the whole budget). Retries across slots are the scheduler's. Allocates
    /// nothing per read except the error text of a failed read.
    /// </summary>
    public sealed class IecMeterReader : IMeterReader, IWorkingLinkSource
    {
        /// <summary>An attempt is not given less than this (sign-on and identification at 300 baud take about 1 s).</summary>
        public const int MinimumAttemptMilliseconds = 4000;

        private readonly IecSession _session;
        private readonly IecSessionOptions _template;
        private readonly IecSessionOptions _options = new IecSessionOptions();
        private readonly IecWorkingLink _workingLink = new IecWorkingLink();

        /// <param name="session">The port's session (one per port; meters on the port are read one at a time).</param>
        /// <param name="template">The port's settings (port maximum baud, echo, timings); copied per read, never changed.</param>
        public IecMeterReader(IecSession session, IecSessionOptions template)
        {
            if (session == null)
            {
                throw new ArgumentNullException("session");
            }

            if (template == null)
            {
                throw new ArgumentNullException("template");
            }

            if (template.MaxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException("template", "at least one attempt per read is needed");
            }

            _session = session;
            _template = template;
        }

        public ReadingSet Readings
        {
            get { return _session.Readings; }
        }

        public string LastError { get; private set; }

        /// <summary>Mode, baud, framing and fallback of the last good session (<see cref="IecWorkingLink"/>).</summary>
        public string WorkingLink
        {
            get { return _workingLink.Text; }
        }

        /// <summary>The options of the last read (attempts and the attempt bound fitted to its budget).</summary>
        public IecSessionOptions LastOptions
        {
            get { return _options; }
        }

        public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
        {
            if (meter == null)
            {
                throw new ArgumentNullException("meter");
            }

            LastError = null;
            if (meter.Protocol != MeterProtocol.Iec62056_21)
            {
                LastError = "meter '" + meter.Id + "' is not an IEC 62056-21 meter";
                return MeterReadStatus.NotSupported;
            }

            Prepare(meter, budgetMilliseconds);
            IecSessionOutcome outcome = _session.Run(_options);
            MeterReadStatus status = StatusOf(outcome);
            if (status == MeterReadStatus.Ok)
            {
                _workingLink.Update(_session, _options.PortMaximumBaud, _options.MeterMaximumBaud);
            }
            else
            {
                string problem = _session.LastProblem;
                LastError = outcome.ToString() + (problem == null ? string.Empty : ": " + problem);
            }

            return status;
        }

        /// <summary>What an <see cref="IecSessionOutcome"/> means to the scheduler.</summary>
        public static MeterReadStatus StatusOf(IecSessionOutcome outcome)
        {
            switch (outcome)
            {
                case IecSessionOutcome.ReadoutComplete:
                case IecSessionOutcome.RegistersRead:
                    return MeterReadStatus.Ok;
                case IecSessionOutcome.NoAnswer:
                    return MeterReadStatus.NoAnswer;
                case IecSessionOutcome.PasswordRejected:
                    return MeterReadStatus.Refused;
                case IecSessionOutcome.LinkFailed:
                    return MeterReadStatus.LinkFailure;
                case IecSessionOutcome.NotSupported:
                case IecSessionOutcome.HandedOver:
                    // A mode E handover needs the DLMS client on the optical port, which this reader is not.
                    return MeterReadStatus.NotSupported;
                default:
                    return MeterReadStatus.BadAnswer;
            }
        }

        // The template's settings with the meter's own, and attempts that fit the budget.
        private void Prepare(MeterDefinition meter, int budget)
        {
            IecSessionOptions t = _template;
            IecSessionOptions o = _options;
            o.Address = meter.Address;
            o.Password = meter.Password;
            o.MeterMaximumBaud = meter.BaudCap;
            o.Request = t.Request;
            o.Registers = t.Registers;
            o.PortMaximumBaud = t.PortMaximumBaud;
            o.Echo = t.Echo;
            o.WakeUpMilliseconds = t.WakeUpMilliseconds;
            o.WakeUpWhenSilent = t.WakeUpWhenSilent;
            o.WakeUpPauseMilliseconds = t.WakeUpPauseMilliseconds;
            o.ReactionTimeoutMilliseconds = t.ReactionTimeoutMilliseconds;
            o.InterCharacterTimeoutMilliseconds = t.InterCharacterTimeoutMilliseconds;
            o.ReactionDelayMilliseconds = t.ReactionDelayMilliseconds;
            o.FastReactionDelayMilliseconds = t.FastReactionDelayMilliseconds;
            o.SettleMilliseconds = t.SettleMilliseconds;
            o.MaxReadoutBytes = t.MaxReadoutBytes;
            o.ReadCommandType = t.ReadCommandType;
            o.ModeDBaud = t.ModeDBaud;
            o.ListenTimeoutMilliseconds = t.ListenTimeoutMilliseconds < budget ? t.ListenTimeoutMilliseconds : budget;
            o.RetryPauseMilliseconds = t.RetryPauseMilliseconds;

            // Between attempts: the retry pause, and a wake-up train plus its pause when the meter was silent.
            int between = t.RetryPauseMilliseconds + (t.WakeUpWhenSilent
                ? (t.WakeUpMilliseconds > 0 ? t.WakeUpMilliseconds : IecSessionOptions.DefaultWakeUpMilliseconds) + t.WakeUpPauseMilliseconds
                : 0);
            int attempts = t.MaxAttempts;
            int perAttempt = 0;
            while (attempts > 1)
            {
                perAttempt = (budget - (attempts - 1) * between) / attempts;
                if (perAttempt >= MinimumAttemptMilliseconds)
                {
                    break;
                }

                attempts--;
            }

            if (attempts == 1)
            {
                perAttempt = budget - t.WakeUpMilliseconds - (t.WakeUpMilliseconds > 0 ? t.WakeUpPauseMilliseconds : 0);
            }

            if (t.TotalTimeoutMilliseconds > 0 && t.TotalTimeoutMilliseconds < perAttempt)
            {
                perAttempt = t.TotalTimeoutMilliseconds;
            }

            o.MaxAttempts = attempts;
            o.TotalTimeoutMilliseconds = perAttempt < 1 ? 1 : perAttempt;

            // The wait for a quiet line before a retry is part of the pause between attempts.
            o.MaxQuietWaitMilliseconds = t.MaxQuietWaitMilliseconds < between ? t.MaxQuietWaitMilliseconds : between;
        }
    }
}
