using System;
using Concentrator.Core.Meters;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Scheduling
{
    /// <summary>
    /// Polls the meters of one port (an RS485 bus, the optical head, a TCP line), one at a time, on clock-aligned
    /// slots. Call <see cref="Tick"/> in a loop on the port's own thread and wait as long as it says: each call makes at
    /// most one read and otherwise returns how long nothing is due. Deterministic and single-threaded: all time comes
    /// from the injected <see cref="IScheduleClock"/>. The one member other threads may call is
    /// <see cref="RequestInterval"/> (a text command changing a poll interval while the port runs).
    ///
    /// Rules (see the README beside this file): first attempts go before retries, then lower
    /// <see cref="MeterDefinition.Priority"/>, then the earlier slot, then the meter attempted longest ago; a failed read is retried
    /// after a doubling delay while the retry still falls in the same slot; after
    /// <see cref="SchedulerOptions.OfflineAfterFailures"/> failures in a row the meter is offline and probed only once per
    /// probe interval, and its first good answer brings it back; a slot that ends with no attempt is reported as
    /// missed. Every read is given <see cref="SchedulerOptions.ReadBudgetMilliseconds"/>, so a silent meter delays the
    /// others by at most one budget per attempt. All state is allocated here; a tick allocates nothing.
    /// </summary>
    public sealed class PortScheduler
    {
        private readonly MeterSchedule[] _meters;
        private readonly IScheduleClock _clock;
        private readonly IMeterReadSink _sink;
        private readonly int _budget;
        private readonly int _overrunTolerance;
        private readonly int _retriesPerSlot;
        private readonly RetryBackoff _retryBackoff; // the policy; each meter keeps its next delay
        private readonly int _offlineAfter;
        private readonly int _probeSeconds;
        private readonly object _requestGate = new object();
        private readonly int[] _requestedSeconds;
        private bool _requested;

        public PortScheduler(MeterDefinition[] meters, IMeterReader[] readers, IScheduleClock clock, SchedulerOptions options, IMeterReadSink sink)
        {
            if (meters == null)
            {
                throw new ArgumentNullException("meters");
            }

            if (readers == null || readers.Length != meters.Length)
            {
                throw new ArgumentException("one reader per meter is needed", "readers");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (sink == null)
            {
                throw new ArgumentNullException("sink");
            }

            if (options == null)
            {
                options = new SchedulerOptions();
            }

            options.Validate();
            _clock = clock;
            _sink = sink;
            _budget = options.ReadBudgetMilliseconds;
            _overrunTolerance = options.OverrunToleranceMilliseconds;
            _retriesPerSlot = options.RetriesPerSlot;
            _retryBackoff = new RetryBackoff(options.RetryFirstDelayMilliseconds, options.RetryMaxDelayMilliseconds);
            _offlineAfter = options.OfflineAfterFailures;
            _probeSeconds = options.OfflineProbeIntervalSeconds;
            _requestedSeconds = new int[meters.Length];

            long now = clock.UtcMilliseconds;
            _meters = new MeterSchedule[meters.Length];
            for (int i = 0; i < meters.Length; i++)
            {
                MeterDefinition meter = meters[i];
                if (meter == null || readers[i] == null)
                {
                    throw new ArgumentNullException("meters", "meter and reader " + i.ToString() + " must not be null");
                }

                if (meter.IntervalSeconds < 1 || meter.IntervalSeconds > SlotAlignment.SecondsPerDay)
                {
                    throw new ArgumentOutOfRangeException("meters", "meter '" + meter.Id + "': interval " + meter.IntervalSeconds.ToString() +
                        " s cannot be scheduled (1 .. 86400 s; meters that push, interval 0, run on a continuous port)");
                }

                MeterSchedule schedule = new MeterSchedule(i, meter, readers[i], options);
                schedule.SlotMilliseconds = SlotAlignment.FirstSlotFrom(now, schedule.IntervalMilliseconds);
                schedule.DueMilliseconds = schedule.SlotMilliseconds;
                _meters[i] = schedule;
            }
        }

        public int Count
        {
            get { return _meters.Length; }
        }

        public MeterSchedule this[int index]
        {
            get { return _meters[index]; }
        }

        /// <summary>
        /// Brings every meter's slot up to date, then makes the most urgent due read, if any. Returns 0 after a read
        /// (call again at once), else the milliseconds until something is due (at least 1).
        /// </summary>
        public long Tick()
        {
            long now = _clock.UtcMilliseconds;
            ApplyRequestedIntervals(now);
            for (int i = 0; i < _meters.Length; i++)
            {
                CatchUp(_meters[i], now);
            }

            MeterSchedule next = null;
            for (int i = 0; i < _meters.Length; i++)
            {
                MeterSchedule meter = _meters[i];
                if (!meter.SlotDone && meter.DueMilliseconds <= now && (next == null || GoesBefore(meter, next)))
                {
                    next = meter;
                }
            }

            if (next == null)
            {
                return UntilNextDue(now);
            }

            Read(next, now);
            return 0;
        }

        /// <summary>
        /// Asks for a new poll interval for the meter with this id, from any thread (a text command while the port's
        /// thread polls). The port's thread takes it up at its next <see cref="Tick"/>: the meter leaves its current slot
        /// (a pending retry is dropped) and is next due at the first slot of the new interval from then, aligned to the
        /// clock as at start; its counters and offline state stay. False when no meter of this scheduler has the id.
        /// </summary>
        public bool RequestInterval(string meterId, int seconds)
        {
            if (seconds < 1 || seconds > SlotAlignment.SecondsPerDay)
            {
                throw new ArgumentOutOfRangeException("seconds", "a polled meter's interval is 1 .. 86400 s, got " + seconds.ToString());
            }

            for (int i = 0; i < _meters.Length; i++)
            {
                if (_meters[i].Definition.Id == meterId)
                {
                    lock (_requestGate)
                    {
                        _requestedSeconds[i] = seconds;
                        _requested = true;
                    }

                    return true;
                }
            }

            return false;
        }

        // On the port's thread: the intervals asked for since the last tick. Allocates nothing.
        private void ApplyRequestedIntervals(long now)
        {
            lock (_requestGate)
            {
                if (!_requested)
                {
                    return;
                }

                _requested = false;
                for (int i = 0; i < _meters.Length; i++)
                {
                    int seconds = _requestedSeconds[i];
                    if (seconds == 0)
                    {
                        continue;
                    }

                    _requestedSeconds[i] = 0;
                    MeterSchedule meter = _meters[i];
                    meter.IntervalSeconds = seconds;
                    meter.IntervalMilliseconds = seconds * 1000L;
                    meter.ProbeIntervalMilliseconds = (_probeSeconds > seconds ? _probeSeconds : seconds) * 1000L;
                    StartSlot(meter, SlotAlignment.FirstSlotFrom(now, meter.EffectiveIntervalMilliseconds));
                }
            }
        }

        /// <summary>Milliseconds from now until the earliest attempt due (at least 1).</summary>
        public long UntilNextDue(long now)
        {
            long earliest = long.MaxValue;
            for (int i = 0; i < _meters.Length; i++)
            {
                MeterSchedule meter = _meters[i];
                long due = meter.SlotDone ? SlotAlignment.NextSlot(meter.SlotMilliseconds, meter.EffectiveIntervalMilliseconds) : meter.DueMilliseconds;
                if (due < earliest)
                {
                    earliest = due;
                }
            }

            long wait = earliest - now;
            return wait < 1 ? 1 : wait;
        }

        // First attempts before retries, then priority, then the older slot, then the earlier due time, then the one attempted
        // longest ago, then inventory order.
        private static bool GoesBefore(MeterSchedule a, MeterSchedule b)
        {
            bool aRetry = a.AttemptsInSlot > 0;
            bool bRetry = b.AttemptsInSlot > 0;
            if (aRetry != bRetry)
            {
                return !aRetry;
            }

            if (a.Definition.Priority != b.Definition.Priority)
            {
                return a.Definition.Priority < b.Definition.Priority;
            }

            if (a.SlotMilliseconds != b.SlotMilliseconds)
            {
                return a.SlotMilliseconds < b.SlotMilliseconds;
            }

            if (a.DueMilliseconds != b.DueMilliseconds)
            {
                return a.DueMilliseconds < b.DueMilliseconds;
            }

            // The one attempted longest ago: a meter that takes its whole budget ends up behind the ones that answer.
            return a.LastStartMilliseconds < b.LastStartMilliseconds;
        }

        private void CatchUp(MeterSchedule meter, long now)
        {
            long interval = meter.EffectiveIntervalMilliseconds;
            if (now < meter.SlotMilliseconds - interval)
            {
                // The clock went back by more than a slot (a first time sync): start again from the slot of now.
                StartSlot(meter, SlotAlignment.CurrentSlot(now, interval));
                return;
            }

            long current = SlotAlignment.CurrentSlot(now, interval);
            if (current <= meter.SlotMilliseconds)
            {
                return;
            }

            long passed = SlotAlignment.SlotsBetween(meter.SlotMilliseconds, current, interval);
            long firstMissed = meter.SlotMilliseconds;
            if (meter.SlotDone || meter.AttemptsInSlot > 0)
            {
                if (!meter.SlotDone)
                {
                    meter.FailedSlots++; // a retry was still pending when the slot ended
                }

                passed--;
                firstMissed = SlotAlignment.NextSlot(meter.SlotMilliseconds, interval);
            }

            StartSlot(meter, current);
            if (passed > 0 && !meter.Offline)
            {
                meter.MissedSlots += passed;
                _sink.OnMissedSlots(meter, passed, firstMissed);
            }
        }

        private void StartSlot(MeterSchedule meter, long slot)
        {
            meter.SlotMilliseconds = slot;
            meter.DueMilliseconds = slot;
            meter.SlotDone = false;
            meter.AttemptsInSlot = 0;
            meter.NextRetryMilliseconds = _retryBackoff.FirstMilliseconds;
        }

        private void Read(MeterSchedule meter, long started)
        {
            meter.AttemptsInSlot++;
            meter.LastStartMilliseconds = started;
            meter.LastStartDelayMilliseconds = started - meter.SlotMilliseconds;
            if (meter.AttemptsInSlot == 1 && meter.LastStartDelayMilliseconds > meter.MaxFirstAttemptDelayMilliseconds)
            {
                meter.MaxFirstAttemptDelayMilliseconds = meter.LastStartDelayMilliseconds;
            }
            MeterReadStatus status;
            string error;
            try
            {
                status = meter.Reader.Read(meter.Definition, _budget);
                error = status == MeterReadStatus.Ok ? null : meter.Reader.LastError;
            }
            catch (Exception exception)
            {
                // A reader must not throw for what a meter does; if one does, the other meters on the port still get read.
                status = MeterReadStatus.LinkFailure;
                error = "reader failed: " + exception.Message;
            }

            long ended = _clock.UtcMilliseconds;
            meter.LastDurationMilliseconds = ended - started;
            if (ended - started > _budget + _overrunTolerance)
            {
                meter.Overruns++;
            }

            meter.LastStatus = status;
            if (status == MeterReadStatus.Ok)
            {
                Succeeded(meter, started);
                return;
            }

            meter.Failures++;
            meter.ConsecutiveFailures++;
            meter.LastError = error;
            if (meter.Offline)
            {
                meter.SlotDone = true; // one probe per probe slot
                _sink.OnReadFailed(meter, status, error, false);
                return;
            }

            if (meter.ConsecutiveFailures >= _offlineAfter)
            {
                meter.Offline = true;
                meter.OfflineEvents++;
                meter.SlotDone = true;
                meter.FailedSlots++;
                _sink.OnReadFailed(meter, status, error, false);
                _sink.OnOffline(meter);
                return;
            }

            bool retry = false;
            if (meter.AttemptsInSlot <= _retriesPerSlot)
            {
                long at = ended + _retryBackoff.NextDelay(ref meter.NextRetryMilliseconds);
                if (at < SlotAlignment.NextSlot(meter.SlotMilliseconds, meter.IntervalMilliseconds))
                {
                    meter.DueMilliseconds = at;
                    retry = true;
                }
            }

            if (!retry)
            {
                meter.SlotDone = true;
                meter.FailedSlots++;
            }

            _sink.OnReadFailed(meter, status, error, retry);
        }

        private void Succeeded(MeterSchedule meter, long started)
        {
            meter.Reads++;
            meter.ConsecutiveFailures = 0;
            meter.SlotDone = true;
            meter.NextRetryMilliseconds = _retryBackoff.FirstMilliseconds;
            bool recovered = meter.Offline;
            if (recovered)
            {
                // Back on the meter's own slots; this read serves the one it started in.
                meter.Offline = false;
                meter.SlotMilliseconds = SlotAlignment.CurrentSlot(started, meter.IntervalMilliseconds);
                _sink.OnOnline(meter);
            }

            _sink.OnReading(meter, meter.Reader.Readings, meter.SlotMilliseconds, started);
        }
    }
}
