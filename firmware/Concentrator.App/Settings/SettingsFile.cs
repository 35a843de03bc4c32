using System;
using System.IO;
using Concentrator.Core.Configuration;

namespace Concentrator.App.Settings
{
    /// <summary>Loads <see cref="ConcentratorSettings"/> from the settings file, if there is one.</summary>
    public static class SettingsFile
    {
        /// <summary>A settings file is a few hundred bytes; anything much larger is not one.</summary>
        public const int MaxBytes = 8192;

        /// <summary>
        /// Defaults, overridden by every valid line of the file. A missing or unreadable file leaves the defaults;
        /// bad lines are logged (by line number and key, never with their value) and skipped.
        /// </summary>
        public static ConcentratorSettings Load(string path)
        {
            ConcentratorSettings settings = new ConcentratorSettings();
            byte[] text;
            try
            {
                if (!File.Exists(path))
                {
                    Log.Warn("no settings file " + path + ": using defaults");
                    return settings;
                }

                text = File.ReadAllBytes(path);
            }
            catch (Exception ex)
            {
                Log.Warn("settings file " + path + " could not be read (" + ex.Message + "): using defaults");
                return settings;
            }

            if (text.Length > MaxBytes)
            {
                Log.Warn("settings file " + path + " is larger than " + MaxBytes.ToString() + " bytes: ignored");
                return settings;
            }

            KeyValueReader reader = new KeyValueReader(text, 0, text.Length);
            string key;
            string value;
            int entries = 0;
            KeyValueStatus status;
            while ((status = reader.ReadNext(out key, out value)) != KeyValueStatus.End)
            {
                string where = path + " line " + reader.LineNumber.ToString();
                if (status == KeyValueStatus.Malformed)
                {
                    Log.Warn(where + ": not key=value, skipped");
                    continue;
                }

                string problem = settings.Apply(key, value);
                if (problem != null)
                {
                    Log.Warn(where + ": " + key + ": " + problem + ", skipped");
                    continue;
                }

                entries++;
            }

            Log.Info("settings: " + entries.ToString() + " entries from " + path);
            return settings;
        }
    }
}
