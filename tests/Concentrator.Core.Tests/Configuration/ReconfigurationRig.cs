using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Core.Tests.Configuration
{
    /// <summary>
    /// A command executor whose effects go to Core's <see cref="Reconfiguration"/>, on a manual clock: what the firmware's
    /// AppCommandEffects does, without the board. Records the live changes and every restart and reconnect decision.
    /// </summary>
    public sealed class ReconfigurationRig : ICommandEffects, ICommandReply
    {
        public readonly ManualClock Clock = new ManualClock();
        public readonly CommandExecutor Executor;
        public readonly Reconfiguration Decisions;
        public ConfigurationChange LastChange;
        public int Reconnects;
        public int Restarts;
        public long RestartedAt = -1;
        public int Announcements;
        public string LastReply;

        public ReconfigurationRig()
            : this(ConfigurationStoreTests.Sample("192.168.1.10"))
        {
        }

        public ReconfigurationRig(ConcentratorConfiguration started)
        {
            ConfigurationStore store = new ConfigurationStore(new MemoryConfigurationStorage(), "concentrator.conf");
            store.Save(started);
            Decisions = new Reconfiguration(started);
            Executor = new CommandExecutor(store, started, Clock, null, null, this);
            Clock.Now = 1000000;
        }

        /// <summary>Handles one message as a channel does; returns its reply.</summary>
        public string Send(string message, long atMilliseconds)
        {
            RunUntil(atMilliseconds);
            Executor.Handle(message, this);
            return LastReply;
        }

        /// <summary>The firmware's restart thread: one poll per second until the time (stops at a restart).</summary>
        public void RunUntil(long atMilliseconds)
        {
            while (Clock.Now < atMilliseconds && RestartedAt < 0)
            {
                Clock.Advance(1000);
                if (Decisions.TakeReconnect(Clock.Now))
                {
                    Reconnects++;
                }

                RestartStep step = Decisions.Poll(Clock.Now);
                if (step == RestartStep.Announce)
                {
                    Announcements++;
                }
                else if (step == RestartStep.RestartNow)
                {
                    Restarts++;
                    RestartedAt = Clock.Now;
                }
            }
        }

        public void ConfigurationApplied(ConcentratorConfiguration configuration)
        {
            LastChange = Decisions.Saved(configuration, Clock.Now);
        }

        public void RestartRequested()
        {
            Decisions.ResetRequested(Clock.Now);
        }

        void ICommandReply.Send(string text)
        {
            LastReply = text;
        }
    }
}
