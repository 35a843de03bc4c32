using Concentrator.Core.Configuration;

namespace Concentrator.App.Settings
{
    /// <summary>
    /// Loads the configuration from the internal flash through Core's checksummed <see cref="ConfigurationStore"/>
    /// (the current copy, else an unfinished save, else the previous copy; a hand-written file is taken as it is)
    /// and logs where it came from and every problem (by file, line and key; secrets never shown).
    /// </summary>
    public static class SettingsFile
    {
        /// <summary>The folder and name of the settings file on the board.</summary>
        public const string Directory = "I:\\";

        public const string Name = "concentrator.conf";

        public static ConfigurationStore CreateStore()
        {
            return new ConfigurationStore(new FlashConfigurationStorage(Directory), Name);
        }

        public static ConfigurationLoad Load(ConfigurationStore store)
        {
            ConfigurationLoad load = store.Load();
            for (int i = 0; i < load.ProblemCount; i++)
            {
                Log.Warn("configuration: " + load.Problem(i));
            }

            if (load.ProblemsDropped > 0)
            {
                Log.Warn("configuration: " + load.ProblemsDropped.ToString() + " more problems not shown");
            }

            Log.Info("configuration: " + Describe(load.Source) + ", " + load.Configuration.MeterCount.ToString() + " meters");
            if (load.Configuration.UsesDefaultPassword)
            {
                Log.Warn("configuration: the command password is still the default: change it (MCP CNF PWD=HELLO NPWD=...)");
            }

            return load;
        }

        private static string Describe(ConfigurationSource source)
        {
            switch (source)
            {
                case ConfigurationSource.Current:
                    return "loaded " + Name;
                case ConfigurationSource.Unfinished:
                    return "loaded the new copy of an interrupted save";
                case ConfigurationSource.Previous:
                    return "current copy damaged: loaded the previous copy";
                case ConfigurationSource.HandWritten:
                    return "loaded hand-written " + Name;
                default:
                    return "no settings file: defaults";
            }
        }
    }
}
