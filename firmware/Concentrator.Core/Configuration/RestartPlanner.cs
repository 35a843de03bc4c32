namespace Concentrator.Core.Configuration
{
    /// <summary>
    /// Decides when the runtime restarts after text commands, from the times it is given (no clock of its own, no
    /// thread: the caller locks). A saved change that needs a restart (<see cref="ConfigurationChange.NeedsRestart"/>,
    /// compared with the configuration the runtime started with) plans one <see cref="QuietMilliseconds"/> after the
    /// <b>last</b> such change, so a burst of commands (five MADD by SMS) restarts once; a later change that brings the
    /// configuration back to what runs cancels it. <c>MCP RESET</c> restarts <see cref="ResetDelayMilliseconds"/> after
    /// its OK and is not postponed by later changes. The countdown is announced when planned and every 5 s.
    /// </summary>
    public sealed class RestartPlanner
    {
        /// <summary>Quiet time after the last change before the restart: room for the rest of a burst of SMS.</summary>
        public const int DefaultQuietMilliseconds = 20000;

        /// <summary>Time between the OK of MCP RESET and the restart (the reply leaves the modem or the broker first).</summary>
        public const int DefaultResetDelayMilliseconds = 5000;

        private const int AnnounceEverySeconds = 5;

        private long _due;
        private int _nextAnnounce;
        private bool _reset;

        public RestartPlanner()
            : this(DefaultQuietMilliseconds, DefaultResetDelayMilliseconds)
        {
        }

        public RestartPlanner(int quietMilliseconds, int resetDelayMilliseconds)
        {
            if (quietMilliseconds < 1000 || resetDelayMilliseconds < 1000)
            {
                throw new System.ArgumentOutOfRangeException("quietMilliseconds", "the quiet time and the reset delay must be at least 1 s, so that the reply leaves first");
            }

            QuietMilliseconds = quietMilliseconds;
            ResetDelayMilliseconds = resetDelayMilliseconds;
        }

        public int QuietMilliseconds { get; private set; }

        public int ResetDelayMilliseconds { get; private set; }

        /// <summary>True while a restart is planned.</summary>
        public bool Pending { get; private set; }

        /// <summary>Why the planned restart happens (for the log), or null.</summary>
        public string Reason { get; private set; }

        /// <summary>When the planned restart is due (ms of the caller's clock).</summary>
        public long DueMilliseconds
        {
            get { return _due; }
        }

        /// <summary>Changes that (re)planned the restart since it was first planned.</summary>
        public int Postponements { get; private set; }

        /// <summary>
        /// A command saved a new configuration. <paramref name="needsRestart"/>: whether it differs from the running one in
        /// an area only a restart takes up; <paramref name="reason"/> names those areas. Returns true when this call
        /// cancelled a planned restart (the configuration is back to what runs).
        /// </summary>
        public bool ConfigurationSaved(bool needsRestart, string reason, long now)
        {
            if (_reset)
            {
                return false; // RESET is already under way; it takes up every change
            }

            if (!needsRestart)
            {
                if (!Pending)
                {
                    return false;
                }

                Pending = false;
                Reason = null;
                Postponements = 0;
                return true;
            }

            if (Pending)
            {
                Postponements++;
            }

            Plan(now + QuietMilliseconds, reason);
            return false;
        }

        /// <summary>MCP RESET was accepted: restart after <see cref="ResetDelayMilliseconds"/>, or sooner if already due sooner.</summary>
        public void ResetRequested(long now)
        {
            long due = now + ResetDelayMilliseconds;
            if (Pending && _due < due)
            {
                due = _due;
            }

            _reset = true;
            Plan(due, "MCP RESET");
        }

        /// <summary>Whole seconds until the restart (rounded up; 0 when due), or -1 when none is planned.</summary>
        public int SecondsLeft(long now)
        {
            if (!Pending)
            {
                return -1;
            }

            long left = _due - now;
            return left <= 0 ? 0 : (int)((left + 999) / 1000);
        }

        /// <summary>What to do now. Call it about once a second.</summary>
        public RestartStep Poll(long now)
        {
            if (!Pending)
            {
                return RestartStep.Idle;
            }

            int left = SecondsLeft(now);
            if (left == 0)
            {
                return RestartStep.RestartNow;
            }

            if (left <= _nextAnnounce)
            {
                _nextAnnounce = ((left - 1) / AnnounceEverySeconds) * AnnounceEverySeconds;
                return RestartStep.Announce;
            }

            return RestartStep.Waiting;
        }

        private void Plan(long due, string reason)
        {
            Pending = true;
            _due = due;
            Reason = reason;
            _nextAnnounce = int.MaxValue; // announce at once, then every 5 s
        }
    }
}
