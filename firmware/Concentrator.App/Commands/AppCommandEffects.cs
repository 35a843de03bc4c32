using System;
using System.Threading;
using Concentrator.App.Mqtt;
using Concentrator.App.Ports;
using Concentrator.App.Settings;
using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Timing;
using nanoFramework.Runtime.Native;

namespace Concentrator.App.Commands
{
    /// <summary>
    /// What the app does after a text command saved a configuration (2N manual 4.2: "If an SMS is received, processed
    /// and executed correctly, the module will be reconfigured") or accepted MCP RESET. Nothing here blocks the
    /// command's channel: the reply has gone out before this is called, and the SMS is deleted from the SIM right
    /// after, so a restart can never run the same message twice.
    /// <list type="bullet">
    /// <item>Live: the password (the executor checks the current one; the default-password flag of the status follows),
    /// RINT (read by the status loop), poll intervals of meters that stay on their polled port (Core's
    /// <see cref="Concentrator.Core.Scheduling.PortScheduler.RequestInterval"/>, taken up at the port's next tick).</item>
    /// <item>Reconnect: the broker (host, port, user, password, TLS, keep alive): the settings read the new configuration
    /// and the MQTT session is made again; queued readings wait in the flash queue and go to the new session.</item>
    /// <item>Restart: everything set up once at start (meter inventory and ports, network, device id and topic prefix,
    /// modem and board wiring, buffers). Core's <see cref="RestartPlanner"/> plans it 20 s after the last such change,
    /// so a burst of commands restarts once; a change back to what runs cancels it. Then the queue's acknowledgements
    /// are persisted and the board restarts (<see cref="Power.RebootDevice"/>). The queue keeps every reading.</item>
    /// </list>
    /// MCP RESET restarts 5 s after its OK the same way.
    /// </summary>
    public sealed class AppCommandEffects : ICommandEffects
    {
        private const int PollMilliseconds = 1000;

        /// <summary>
        /// Pause between a broker change and the reconnect: a command that came over MQTT has its reply published on the
        /// old session after this call returns (on M2Mqtt's own thread, which must not close its client either).
        /// </summary>
        private const int ReconnectDelayMilliseconds = 2000;

        private readonly ConcentratorSettings _settings;
        private readonly ConcentratorConfiguration _started;
        private readonly RestartPlanner _planner = new RestartPlanner();
        private readonly IMillisecondClock _clock;
        private readonly object _gate = new object();
        private ConcentratorConfiguration _applied;
        private MqttLink _mqtt;
        private long _reconnectAt;
        private string _reconnectTo;

        /// <param name="settings">the settings the runtime was built from</param>
        /// <param name="started">the configuration the runtime was started with</param>
        public AppCommandEffects(ConcentratorSettings settings, ConcentratorConfiguration started, IMillisecondClock clock)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (started == null)
            {
                throw new ArgumentNullException("started");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _settings = settings;
            _started = started;
            _applied = started;
            _clock = clock;
        }

        /// <summary>The broker link, once it exists: reconnected after a broker change, checkpointed before a restart.</summary>
        public MqttLink Mqtt
        {
            set
            {
                lock (_gate)
                {
                    _mqtt = value;
                }
            }
        }

        /// <summary>
        /// True while the runtime waits for a configuration that can run (it started no network, broker or ports): then
        /// every saved change restarts, after the same quiet time, so the repaired configuration is taken up.
        /// </summary>
        public bool WaitingForSettings { get; set; }

        /// <summary>Starts the thread that carries out a planned restart.</summary>
        public void Start()
        {
            new Thread(Run).Start();
        }

        public void ConfigurationApplied(ConcentratorConfiguration configuration)
        {
            ConfigurationChange sinceLast;
            ConfigurationChange sinceStart;
            bool cancelled;
            bool restartPending;
            MqttLink mqtt;
            lock (_gate)
            {
                sinceLast = ConfigurationChange.Between(_applied, configuration);
                sinceStart = ConfigurationChange.Between(_started, configuration);
                _applied = configuration;
                _settings.Configuration = configuration;
                bool needsRestart = sinceStart.NeedsRestart || (WaitingForSettings && !sinceStart.IsEmpty);
                string reason = WaitingForSettings ? "the configuration the runtime waited for changed"
                    : ConfigurationChange.Describe(sinceStart.Areas & ConfigurationChange.RestartAreas) + " changed";
                cancelled = _planner.ConfigurationSaved(needsRestart, reason, _clock.NowMilliseconds);
                restartPending = _planner.Pending;
                mqtt = _mqtt;
            }

            Log.Info("configuration saved by a command: " + ConfigurationChange.Describe(sinceLast.Areas) + " changed");
            if (cancelled)
            {
                Log.Info("restart cancelled: what needed it is back to what runs");
            }

            if (mqtt != null)
            {
                mqtt.DefaultPassword = configuration.UsesDefaultPassword;
            }

            ApplyIntervals(sinceLast);
            if (sinceLast.NeedsReconnect)
            {
                if (restartPending)
                {
                    Log.Info("broker settings: taken up by the planned restart");
                }
                else
                {
                    lock (_gate)
                    {
                        _reconnectAt = _clock.NowMilliseconds + ReconnectDelayMilliseconds;
                        _reconnectTo = configuration.MqttHost + ":" + configuration.MqttPort.ToString();
                    }

                    Log.Info("broker settings: new session with " + _reconnectTo + " in " + (ReconnectDelayMilliseconds / 1000).ToString() + " s");
                }
            }

            if ((sinceLast.Areas & ConfigurationArea.GsmData) != 0)
            {
                Log.Info("APN/DUSR/DPWD stored; this platform carries no IP over the modem (see Commands/README.md)");
            }
        }

        public void RestartRequested()
        {
            lock (_gate)
            {
                _planner.ResetRequested(_clock.NowMilliseconds);
            }

            Log.Info("MCP RESET: restarting in " + (_planner.ResetDelayMilliseconds / 1000).ToString() + " s");
        }

        private static void ApplyIntervals(ConfigurationChange change)
        {
            for (int i = 0; i < change.IntervalChangeCount; i++)
            {
                string id = change.IntervalMeter(i);
                int seconds = change.IntervalSeconds(i);
                if (RunningSchedulers.RequestInterval(id, seconds))
                {
                    Log.Info("meter " + id + ": polled every " + seconds.ToString() + " s from its next slot");
                }
                else
                {
                    // A restart would build the same ports: the meter is not polled here (its port does not run, or it was left out with a reported problem).
                    Log.Info("meter " + id + ": interval " + seconds.ToString() + " s stored; no running port polls this meter");
                }
            }
        }

        private void Run()
        {
            while (true)
            {
                Thread.Sleep(PollMilliseconds);
                RestartStep step;
                int seconds;
                string reason;
                string reconnectTo = null;
                MqttLink mqtt;
                lock (_gate)
                {
                    long now = _clock.NowMilliseconds;
                    step = _planner.Poll(now);
                    seconds = _planner.SecondsLeft(now);
                    reason = _planner.Reason;
                    mqtt = _mqtt;
                    if (_reconnectAt != 0 && now >= _reconnectAt)
                    {
                        _reconnectAt = 0;
                        reconnectTo = _planner.Pending ? null : _reconnectTo;
                    }
                }

                if (reconnectTo != null && mqtt != null)
                {
                    mqtt.Reconnect("broker settings changed to " + reconnectTo);
                }

                if (step == RestartStep.Announce)
                {
                    Log.Info("restart in " + seconds.ToString() + " s: " + reason);
                }
                else if (step == RestartStep.RestartNow)
                {
                    Restart(reason, mqtt);
                }
            }
        }

        private static void Restart(string reason, MqttLink mqtt)
        {
            if (mqtt != null)
            {
                try
                {
                    mqtt.CheckpointQueue();
                    Log.Info("queue: acknowledgements saved; " + mqtt.QueueDepth.ToString() + " message(s) wait for after the restart");
                }
                catch (Exception ex)
                {
                    // At most the acknowledgements since the last checkpoint are sent again: at-least-once, nothing lost.
                    Log.Warn("queue checkpoint before the restart failed: " + ex.Message);
                }
            }

            Log.Info("restarting now: " + reason);
            Power.RebootDevice();
        }
    }
}
