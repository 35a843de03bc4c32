namespace Concentrator.Core.Configuration
{
    /// <summary>
    /// The runtime's decisions after text commands, kept here so they are tested without a board: for each saved
    /// configuration, what applies live (the returned <see cref="ConfigurationChange"/> against the configuration applied
    /// before: password, intervals), whether the MQTT session is made again (<see cref="TakeReconnect"/>, a short pause
    /// after the reply), and whether the runtime restarts (<see cref="Poll"/>, planned by a <see cref="RestartPlanner"/>
    /// from the difference to the configuration the runtime <b>started</b> with, so that a change and its undoing
    /// cancel out). Single-threaded: the caller locks. The firmware's <c>Commands/AppCommandEffects</c> carries the
    /// decisions out.
    /// </summary>
    public sealed class Reconfiguration
    {
        /// <summary>
        /// Pause between a broker change and the new session: the reply to a command that came over MQTT still leaves
        /// on the old session.
        /// </summary>
        public const int ReconnectDelayMilliseconds = 2000;

        private readonly ConcentratorConfiguration _started;
        private long _reconnectAt = -1;

        public Reconfiguration(ConcentratorConfiguration started)
            : this(started, new RestartPlanner())
        {
        }

        public Reconfiguration(ConcentratorConfiguration started, RestartPlanner planner)
        {
            if (started == null)
            {
                throw new System.ArgumentNullException("started");
            }

            if (planner == null)
            {
                throw new System.ArgumentNullException("planner");
            }

            _started = started;
            Applied = started;
            Planner = planner;
        }

        public RestartPlanner Planner { get; private set; }

        /// <summary>The configuration last saved (what the live areas run with now).</summary>
        public ConcentratorConfiguration Applied { get; private set; }

        /// <summary>
        /// True while the runtime waits for a configuration that can run (it started no network, broker or ports):
        /// then a saved change restarts once the configuration passes <see cref="ConcentratorConfiguration.Validate"/>, so
        /// the repaired configuration is taken up (an installer fixing it step by step restarts it once, at the end).
        /// </summary>
        public bool WaitingForSettings { get; set; }

        /// <summary>While <see cref="WaitingForSettings"/>: what the last saved configuration still lacks, else null.</summary>
        public string StillMissing { get; private set; }

        /// <summary>True when the last <see cref="Saved"/> cancelled a planned restart.</summary>
        public bool RestartCancelled { get; private set; }

        /// <summary>True while a new broker session is planned.</summary>
        public bool ReconnectPending
        {
            get { return _reconnectAt >= 0; }
        }

        /// <summary>
        /// A command saved <paramref name="next"/> (its reply has gone out). Plans or cancels the restart and plans a
        /// new broker session; returns what differs from the configuration saved before, for the live areas
        /// (<see cref="ConfigurationChange.IntervalChangeCount"/>, the password).
        /// </summary>
        public ConfigurationChange Saved(ConcentratorConfiguration next, long now)
        {
            if (next == null)
            {
                throw new System.ArgumentNullException("next");
            }

            ConfigurationChange sinceLast = ConfigurationChange.Between(Applied, next);
            ConfigurationChange sinceStart = ConfigurationChange.Between(_started, next);
            Applied = next;
            StillMissing = WaitingForSettings ? next.Validate() : null;
            bool restart = WaitingForSettings ? !sinceStart.IsEmpty && StillMissing == null : sinceStart.NeedsRestart;
            string reason = WaitingForSettings
                ? "the configuration the runtime waited for changed"
                : ConfigurationChange.Describe(sinceStart.Areas & ConfigurationChange.RestartAreas) + " changed";
            RestartCancelled = Planner.ConfigurationSaved(restart, reason, now);
            if (sinceLast.NeedsReconnect)
            {
                _reconnectAt = now + ReconnectDelayMilliseconds;
            }

            return sinceLast;
        }

        /// <summary>MCP RESET was accepted.</summary>
        public void ResetRequested(long now)
        {
            Planner.ResetRequested(now);
        }

        /// <summary>
        /// True once, when the planned broker session is due; false when none is due, or when a restart is planned
        /// (the restart takes the new broker up).
        /// </summary>
        public bool TakeReconnect(long now)
        {
            if (_reconnectAt < 0 || now < _reconnectAt)
            {
                return false;
            }

            _reconnectAt = -1;
            return !Planner.Pending;
        }

        /// <summary>What to do about the restart now (<see cref="RestartPlanner.Poll"/>). Call it about once a second.</summary>
        public RestartStep Poll(long now)
        {
            return Planner.Poll(now);
        }
    }
}
