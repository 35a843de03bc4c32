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
    /// MCP RESET restarts 5 s after its OK the same way. Every decision is Core's <see cref="Reconfiguration"/> (tested);
    /// this class carries them out and logs them.
    /// </summary>
    public sealed class AppCommandEffects : ICommandEffects
    {
        private const int PollMilliseconds = 1000;

        private readonly ConcentratorSettings _settings;
        private readonly Reconfiguration _decisions;
        private readonly IMillisecondClock _clock;
        private readonly object _gate = new object();
        private MqttLink _mqtt;

        /// <param name="settings">the settings the runtime was built from</param>
        /// <param name="started">the configuration the runtime was started with</param>
        public AppCommandEffects(ConcentratorSettings settings, ConcentratorConfiguration started, IMillisecondClock clock)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _settings = settings;
            _decisions = new Reconfiguration(started);
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
        /// the saved change that makes it one restarts, after the same quiet time, so it is taken up.
        /// </summary>
        public bool WaitingForSettings
        {
            set
            {
                lock (_gate)
                {
                    _decisions.WaitingForSettings = value;
                }
            }
        }

        /// <summary>Starts the thread that carries out a planned reconnect or restart.</summary>
        public void Start()
        {
            new Thread(Run).Start();
        }

        public void ConfigurationApplied(ConcentratorConfiguration configuration)
        {
            ConfigurationChange change;
            bool cancelled;
            bool restartPending;
            bool reconnect;
            string missing;
            MqttLink mqtt;
            lock (_gate)
            {
                change = _decisions.Saved(configuration, _clock.NowMilliseconds);
                missing = _decisions.StillMissing;
                cancelled = _decisions.RestartCancelled;
                restartPending = _decisions.Planner.Pending;
                reconnect = _decisions.ReconnectPending;
                _settings.Configuration = configuration;
                mqtt = _mqtt;
            }

            Log.Info("configuration saved by a command: " + ConfigurationChange.Describe(change.Areas) + " changed");
            if (missing != null)
            {
                Log.Info("the configuration still cannot run (" + missing + "); no restart yet");
            }

            if (cancelled)
            {
                Log.Info("restart cancelled: what needed it is back to what runs");
            }

            if (mqtt != null)
            {
                mqtt.DefaultPassword = configuration.UsesDefaultPassword;
            }

            ApplyIntervals(change);
            if (change.NeedsReconnect)
            {
                Log.Info(restartPending ? "broker settings: taken up by the planned restart"
                    : reconnect ? "broker settings: new session with " + configuration.MqttHost + ":" + configuration.MqttPort.ToString() + " in "
                        + (Reconfiguration.ReconnectDelayMilliseconds / 1000).ToString() + " s" : "broker settings stored");
            }

            if (change.Touches(ConfigurationArea.GsmData))
            {
                Log.Info("APN/DUSR/DPWD stored; this platform carries no IP over the modem (see Core/Commands/README.md)");
            }
        }

        public void RestartRequested()
        {
            lock (_gate)
            {
                _decisions.ResetRequested(_clock.NowMilliseconds);
            }

            Log.Info("MCP RESET: restarting in " + (_decisions.Planner.ResetDelayMilliseconds / 1000).ToString() + " s");
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
                    // A restart would build the same ports: the meter is not polled here (its port does not run, or it was
                    // left out with a problem reported on its error topic).
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
                bool reconnect;
                MqttLink mqtt;
                lock (_gate)
                {
                    long now = _clock.NowMilliseconds;
                    reconnect = _decisions.TakeReconnect(now);
                    step = _decisions.Poll(now);
                    seconds = _decisions.Planner.SecondsLeft(now);
                    reason = _decisions.Planner.Reason;
                    mqtt = _mqtt;
                }

                if (reconnect && mqtt != null)
                {
                    mqtt.Reconnect("broker settings changed to " + _settings.MqttHost + ":" + _settings.MqttPort.ToString());
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
