using System.Text;
using Concentrator.Core.Meters;

namespace Concentrator.Core.Configuration
{
    /// <summary>
    /// What differs between two configurations, by <see cref="ConfigurationArea"/>, and what the runtime has to do about
    /// it: apply live (password, RINT, poll intervals of meters that stay on their polled port), reconnect to the broker,
    /// or restart (everything the runtime sets up once at start: ports, network, topics, board wiring, buffers). Meters
    /// are matched by id, so a MDEL followed by the same MADD is no change. Built when a command saved a change (rare),
    /// so it may allocate.
    /// </summary>
    public sealed class ConfigurationChange
    {
        /// <summary>Areas the runtime can only take up by starting again.</summary>
        public const ConfigurationArea RestartAreas = ConfigurationArea.Meters | ConfigurationArea.Topics | ConfigurationArea.Network
            | ConfigurationArea.Modem | ConfigurationArea.Board | ConfigurationArea.Buffers;

        private readonly string[] _intervalMeters = new string[ConcentratorConfiguration.MaxMeters];
        private readonly int[] _intervalSeconds = new int[ConcentratorConfiguration.MaxMeters];

        private ConfigurationChange()
        {
        }

        /// <summary>Every area that differs.</summary>
        public ConfigurationArea Areas { get; private set; }

        /// <summary>True when nothing the runtime uses differs.</summary>
        public bool IsEmpty
        {
            get { return Areas == ConfigurationArea.None; }
        }

        /// <summary>True when an area differs that only a restart takes up.</summary>
        public bool NeedsRestart
        {
            get { return (Areas & RestartAreas) != 0; }
        }

        /// <summary>True when the broker settings differ: the MQTT session has to be made again.</summary>
        public bool NeedsReconnect
        {
            get { return (Areas & ConfigurationArea.Broker) != 0; }
        }

        /// <summary>Polled meters whose interval changed and nothing else (see <see cref="IntervalMeter"/>).</summary>
        public int IntervalChangeCount { get; private set; }

        public string IntervalMeter(int index)
        {
            return _intervalMeters[index];
        }

        public int IntervalSeconds(int index)
        {
            return _intervalSeconds[index];
        }

        public bool Touches(ConfigurationArea area)
        {
            return (Areas & area) != 0;
        }

        /// <summary>The differences from <paramref name="before"/> to <paramref name="after"/>.</summary>
        public static ConfigurationChange Between(ConcentratorConfiguration before, ConcentratorConfiguration after)
        {
            if (before == null)
            {
                throw new System.ArgumentNullException("before");
            }

            if (after == null)
            {
                throw new System.ArgumentNullException("after");
            }

            ConfigurationChange change = new ConfigurationChange();
            change.CompareSettings(before, after);
            change.CompareMeters(before, after);
            change.CompareBoardEntries(before, after);
            change.CompareBoardEntries(after, before);
            return change;
        }

        /// <summary>The areas for a log line, e.g. "meters, network"; "nothing" when empty.</summary>
        public static string Describe(ConfigurationArea areas)
        {
            if (areas == ConfigurationArea.None)
            {
                return "nothing";
            }

            StringBuilder text = new StringBuilder(64);
            Name(text, areas, ConfigurationArea.Password, "password");
            Name(text, areas, ConfigurationArea.StatusInterval, "status interval");
            Name(text, areas, ConfigurationArea.PollIntervals, "poll intervals");
            Name(text, areas, ConfigurationArea.DefaultPollInterval, "default poll interval");
            Name(text, areas, ConfigurationArea.Meters, "meter inventory");
            Name(text, areas, ConfigurationArea.Broker, "broker");
            Name(text, areas, ConfigurationArea.Topics, "device id/topic prefix");
            Name(text, areas, ConfigurationArea.Network, "network");
            Name(text, areas, ConfigurationArea.GsmData, "GSM data settings");
            Name(text, areas, ConfigurationArea.Modem, "modem wiring");
            Name(text, areas, ConfigurationArea.Board, "board");
            Name(text, areas, ConfigurationArea.Buffers, "buffers");
            return text.ToString();
        }

        /// <summary>The area a board entry belongs to (<see cref="ConcentratorConfiguration.IsBoardKey"/>).</summary>
        public static ConfigurationArea AreaOfBoardKey(string key)
        {
            if (key == "mqtt.ca_file")
            {
                return ConfigurationArea.Broker;
            }

            if (key.Length > 6 && key[0] == 'm' && key[1] == 'o' && key[2] == 'd' && key[3] == 'e' && key[4] == 'm' && key[5] == '.')
            {
                return ConfigurationArea.Modem;
            }

            return ConfigurationArea.Board;
        }

        /// <summary>True for ports that read a meter continuously (its interval means nothing there).</summary>
        public static bool IsPushPort(MeterPort port)
        {
            return port == MeterPort.P1 || port == MeterPort.SmlPush;
        }

        private static void Name(StringBuilder text, ConfigurationArea areas, ConfigurationArea area, string name)
        {
            if ((areas & area) == 0)
            {
                return;
            }

            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(name);
        }

        private void Mark(bool differs, ConfigurationArea area)
        {
            if (differs)
            {
                Areas |= area;
            }
        }

        private void CompareSettings(ConcentratorConfiguration a, ConcentratorConfiguration b)
        {
            Mark(a.AdminPassword != b.AdminPassword, ConfigurationArea.Password);
            Mark(a.StatusIntervalHours != b.StatusIntervalHours, ConfigurationArea.StatusInterval);
            Mark(a.PollIntervalSeconds != b.PollIntervalSeconds, ConfigurationArea.DefaultPollInterval);
            Mark(a.MqttHost != b.MqttHost || a.MqttPort != b.MqttPort || a.MqttUser != b.MqttUser || a.MqttPassword != b.MqttPassword
                || a.MqttTls != b.MqttTls || a.MqttKeepAliveSeconds != b.MqttKeepAliveSeconds, ConfigurationArea.Broker);
            Mark(a.DeviceId != b.DeviceId || a.TopicPrefix != b.TopicPrefix, ConfigurationArea.Topics);
            Mark(a.Network != b.Network || a.WifiSsid != b.WifiSsid || a.WifiPassword != b.WifiPassword || a.WifiTimeoutSeconds != b.WifiTimeoutSeconds
                || a.StaticIp != b.StaticIp || a.Netmask != b.Netmask || a.Gateway != b.Gateway || a.Dns != b.Dns, ConfigurationArea.Network);
            Mark(a.Apn != b.Apn || a.DataUser != b.DataUser || a.DataPassword != b.DataPassword, ConfigurationArea.GsmData);
            Mark(a.PayloadBytes != b.PayloadBytes || a.ReportIntervalSeconds != b.ReportIntervalSeconds, ConfigurationArea.Buffers);
        }

        private void CompareMeters(ConcentratorConfiguration before, ConcentratorConfiguration after)
        {
            for (int i = 0; i < after.MeterCount; i++)
            {
                MeterDefinition next = after.Meter(i);
                int index = before.IndexOfMeter(next.Id);
                if (index < 0)
                {
                    Areas |= ConfigurationArea.Meters; // added
                    continue;
                }

                MeterDefinition old = before.Meter(index);
                if (old.Port != next.Port || old.Protocol != next.Protocol || old.Address != next.Address || old.Password != next.Password
                    || old.BaudCap != next.BaudCap || old.Objects != next.Objects || old.Priority != next.Priority)
                {
                    Areas |= ConfigurationArea.Meters;
                    continue;
                }

                if (old.IntervalSeconds == next.IntervalSeconds || IsPushPort(next.Port))
                {
                    continue; // a push port reads whatever the meter sends; its interval is not used
                }

                if (old.IntervalSeconds == 0 || next.IntervalSeconds == 0)
                {
                    Areas |= ConfigurationArea.Meters; // joins or leaves the port's schedule
                    continue;
                }

                Areas |= ConfigurationArea.PollIntervals;
                _intervalMeters[IntervalChangeCount] = next.Id;
                _intervalSeconds[IntervalChangeCount] = next.IntervalSeconds;
                IntervalChangeCount++;
            }

            for (int i = 0; i < before.MeterCount; i++)
            {
                if (after.IndexOfMeter(before.Meter(i).Id) < 0)
                {
                    Areas |= ConfigurationArea.Meters; // removed
                }
            }
        }

        // Entries of a that b lacks or holds with another value (called both ways, so removals count too).
        private void CompareBoardEntries(ConcentratorConfiguration a, ConcentratorConfiguration b)
        {
            for (int i = 0; i < a.BoardEntryCount; i++)
            {
                string key = a.BoardKey(i);
                if (a.BoardValue(i) != b.FindBoardValue(key))
                {
                    Areas |= AreaOfBoardKey(key);
                }
            }
        }
    }
}
