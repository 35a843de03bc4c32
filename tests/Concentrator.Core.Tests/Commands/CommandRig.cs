using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Tests.Configuration;

namespace Concentrator.Core.Tests.Commands
{
    /// <summary>An executor over in-memory storage, a manual clock and a fake runtime, with a saved starting configuration.</summary>
    public sealed class CommandRig
    {
        public readonly MemoryConfigurationStorage Storage = new MemoryConfigurationStorage();
        public readonly ManualClock Clock = new ManualClock();
        public readonly FakeRuntime Runtime = new FakeRuntime();
        public readonly CommandExecutor Executor;
        public readonly string StartText;
        public readonly int StartWrites;

        public CommandRig(bool withRuntime)
        {
            ConfigurationStore store = new ConfigurationStore(Storage, "concentrator.conf");
            ConcentratorConfiguration configuration = ConfigurationStoreTests.Sample("192.168.1.10");
            store.Save(configuration);
            StartText = configuration.ToText();
            StartWrites = Storage.Writes;
            Executor = withRuntime
                ? new CommandExecutor(store, configuration, Clock, Runtime, Runtime, Runtime)
                : new CommandExecutor(store, configuration, Clock, null, null, null);
        }

        public string Run(string message)
        {
            return Executor.Execute(message);
        }

        /// <summary>True when neither the configuration in force nor the one on flash changed.</summary>
        public bool Unchanged()
        {
            if (Executor.Current.ToText() != StartText || Storage.Writes != StartWrites)
            {
                return false;
            }

            ConfigurationLoad load = new ConfigurationStore(Storage, "concentrator.conf").Load();
            return load.Configuration.ToText() == StartText;
        }
    }
}
