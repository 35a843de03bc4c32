using Concentrator.Core.Commands;
using Concentrator.Core.Meters;

namespace Concentrator.Core.Configuration
{
    /// <summary>
    /// Everything the concentrator is configured with, with sane defaults. Persisted as <c>key=value</c> lines (the
    /// settings file format, read with <see cref="KeyValueReader"/>) by <see cref="ConfigurationStore"/> and edited
    /// by the text commands. Keys are listed at each field. The board's own entries (<c>board</c>, keys starting with
    /// <c>p1.</c>, <c>modem.</c>, <c>board.</c> or <c>queue.</c>, and <c>mqtt.ca_file</c>) describe its wiring and storage:
    /// Core keeps them verbatim (<see cref="BoardEntryCount"/>) and the firmware app interprets them. Secrets (<see cref="IsSecretKey"/>) are never shown: not in replies, not in logs.
    /// </summary>
    public sealed class ConcentratorConfiguration
    {
        /// <summary>Factory password of the text commands (2N MeterCom manual 4.2: "HELLO is the default value").</summary>
        public const string DefaultPassword = "HELLO";

        public const int MaxMeters = 32;

        public const int MaxBoardEntries = 24;

        /// <summary><c>device.id</c>: names the concentrator in topics and is its MQTT client id (SN in INFO replies).</summary>
        public string DeviceId = "concentrator";

        /// <summary><c>admin.password</c>: the PWD of every text command; NPWD changes it. Secret.</summary>
        public string AdminPassword = DefaultPassword;

        /// <summary><c>net.mode</c>: wifi, ethernet or gsm.</summary>
        public NetworkMode Network = NetworkMode.Wifi;

        /// <summary><c>wifi.ssid</c>.</summary>
        public string WifiSsid = string.Empty;

        /// <summary><c>wifi.password</c>. Secret.</summary>
        public string WifiPassword = string.Empty;

        /// <summary><c>wifi.timeout_s</c>: longest wait for one connection attempt (join, DHCP).</summary>
        public int WifiTimeoutSeconds = 60;

        /// <summary><c>net.ip</c>: empty for DHCP, otherwise the static IPv4 address (Wi-Fi or Ethernet).</summary>
        public string StaticIp = string.Empty;

        /// <summary><c>net.mask</c>: subnet mask of the static address.</summary>
        public string Netmask = "255.255.255.0";

        /// <summary><c>net.gateway</c>: default gateway of the static address.</summary>
        public string Gateway = string.Empty;

        /// <summary><c>net.dns</c>: DNS server of the static address.</summary>
        public string Dns = string.Empty;

        /// <summary><c>gsm.apn</c> (APN).</summary>
        public string Apn = string.Empty;

        /// <summary><c>gsm.user</c> (DUSR).</summary>
        public string DataUser = string.Empty;

        /// <summary><c>gsm.password</c> (DPWD). Secret.</summary>
        public string DataPassword = string.Empty;

        /// <summary><c>mqtt.host</c>: broker host name or IPv4 address (IP of the CNF command sets an address).</summary>
        public string MqttHost = string.Empty;

        /// <summary><c>mqtt.port</c> (PORT of the CNF command).</summary>
        public int MqttPort = 1883;

        /// <summary><c>mqtt.user</c>: empty to connect without credentials.</summary>
        public string MqttUser = string.Empty;

        /// <summary><c>mqtt.password</c>. Secret.</summary>
        public string MqttPassword = string.Empty;

        /// <summary><c>mqtt.tls</c>: 1 to connect with TLS (CA certificate on the board's file system).</summary>
        public bool MqttTls;

        /// <summary><c>mqtt.keepalive_s</c>.</summary>
        public int MqttKeepAliveSeconds = 60;

        /// <summary><c>mqtt.payload_bytes</c>: size of the reused JSON payload buffer.</summary>
        public int PayloadBytes = 4096;

        /// <summary><c>topic.prefix</c>: first level(s) of every topic.</summary>
        public string TopicPrefix = Mqtt.MqttTopics.DefaultPrefix;

        /// <summary><c>report.interval_s</c>: at most one error report per meter in this time.</summary>
        public int ReportIntervalSeconds = 60;

        /// <summary>
        /// <c>status.interval_h</c> (RINT of the CNF command, 2N manual: "1-24 interval in hours, 0 disabled"): how often
        /// the concentrator reports to the server on its own, here the retained device information and counters.
        /// </summary>
        public int StatusIntervalHours = 1;

        /// <summary><c>poll.interval_s</c>: the interval a meter added without INT gets (written before the meters).</summary>
        public int PollIntervalSeconds = 900;

        private readonly MeterDefinition[] _meters = new MeterDefinition[MaxMeters];
        // Made with the first board entry (most configurations have none: 0.6 KB of heap each, and the executor keeps copies).
        private string[] _boardKeys;
        private string[] _boardValues;

        public int MeterCount { get; private set; }

        public int BoardEntryCount { get; private set; }

        /// <summary>True while the command password is still the factory one: every status and INFO reply says so.</summary>
        public bool UsesDefaultPassword
        {
            get { return AdminPassword == DefaultPassword; }
        }

        public MeterDefinition Meter(int index)
        {
            return _meters[index];
        }

        public string BoardKey(int index)
        {
            return _boardKeys == null ? NoBoardEntry(index) : _boardKeys[index];
        }

        public string BoardValue(int index)
        {
            return _boardValues == null ? NoBoardEntry(index) : _boardValues[index];
        }

        /// <summary>The value of a board key, or null.</summary>
        public string FindBoardValue(string key)
        {
            for (int i = 0; i < BoardEntryCount; i++)
            {
                if (_boardKeys[i] == key)
                {
                    return _boardValues[i];
                }
            }

            return null;
        }

        public int IndexOfMeter(string id)
        {
            for (int i = 0; i < MeterCount; i++)
            {
                if (_meters[i].Id == id)
                {
                    return i;
                }
            }

            return -1;
        }

        // Before the first board entry: what the empty arrays gave (null, or the index error).
        private static string NoBoardEntry(int index)
        {
            if (index < 0 || index >= MaxBoardEntries)
            {
                throw new System.IndexOutOfRangeException();
            }

            return null;
        }

        private void MakeBoardEntries()
        {
            if (_boardKeys == null)
            {
                _boardKeys = new string[MaxBoardEntries];
                _boardValues = new string[MaxBoardEntries];
            }
        }

        // The meters of a bus usually share their password and OBJ list: equal texts are kept once (strings never change,
        // so nothing else sees a difference), which saves 2.4 KB of heap for a bus of 31 meters.
        private void ShareText(MeterDefinition meter)
        {
            for (int i = 0; i < MeterCount; i++)
            {
                MeterDefinition other = _meters[i];
                if (other == meter)
                {
                    continue;
                }

                if (meter.Password != null && meter.Password.Length > 0 && meter.Password == other.Password)
                {
                    meter.Password = other.Password;
                }

                if (meter.Objects != null && meter.Objects.Length > 0 && meter.Objects == other.Objects)
                {
                    meter.Objects = other.Objects;
                }
            }
        }

        /// <summary>Adds the meter, or replaces the one with the same id. False when the inventory is full.</summary>
        public bool PutMeter(MeterDefinition meter)
        {
            ShareText(meter);
            int index = IndexOfMeter(meter.Id);
            if (index >= 0)
            {
                _meters[index] = meter;
                return true;
            }

            if (MeterCount == MaxMeters)
            {
                return false;
            }

            _meters[MeterCount] = meter;
            MeterCount++;
            return true;
        }

        public bool RemoveMeter(string id)
        {
            int index = IndexOfMeter(id);
            if (index < 0)
            {
                return false;
            }

            for (int i = index; i < MeterCount - 1; i++)
            {
                _meters[i] = _meters[i + 1];
            }

            MeterCount--;
            _meters[MeterCount] = null;
            return true;
        }

        public static bool IsSecretKey(string key)
        {
            return key == "admin.password" || key == "wifi.password" || key == "gsm.password" || key == "mqtt.password";
        }

        public static bool IsBoardKey(string key)
        {
            return key == "board" || StartsWith(key, "p1.") || StartsWith(key, "modem.") || StartsWith(key, "board.")
                || StartsWith(key, "queue.") || key == "mqtt.ca_file";
        }

        /// <summary>
        /// Sets one entry of the settings file. On <see cref="SettingResult.BadValue"/>, <paramref name="expected"/>
        /// says what was expected; the field keeps its value.
        /// </summary>
        public SettingResult Apply(string key, string value, out string expected)
        {
            // Plain comparisons: a long switch on strings would be lowered to a compiler-generated hash helper.
            expected = null;
            if (IsBoardKey(key))
            {
                return SetBoardEntry(key, value, out expected);
            }

            if (key == "meter")
            {
                return AddMeterLine(value, out expected);
            }

            if (key == "device.id")
            {
                return SetName(value, ref DeviceId, out expected);
            }

            if (key == "admin.password")
            {
                return SetPassword(value, ref AdminPassword, out expected);
            }

            if (key == "net.mode")
            {
                return SetNetworkMode(value, out expected);
            }

            if (key == "wifi.ssid")
            {
                return SetText(value, true, true, ref WifiSsid, out expected);
            }

            if (key == "wifi.password")
            {
                return SetText(value, true, true, ref WifiPassword, out expected);
            }

            if (key == "wifi.timeout_s")
            {
                return SetNumber(value, 5, 600, ref WifiTimeoutSeconds, out expected);
            }

            if (key == "net.ip")
            {
                return SetAddress(value, true, ref StaticIp, out expected);
            }

            if (key == "net.mask")
            {
                return SetAddress(value, false, ref Netmask, out expected);
            }

            if (key == "net.gateway")
            {
                return SetAddress(value, true, ref Gateway, out expected);
            }

            if (key == "net.dns")
            {
                return SetAddress(value, true, ref Dns, out expected);
            }

            if (key == "gsm.apn")
            {
                return SetText(value, true, false, ref Apn, out expected);
            }

            if (key == "gsm.user")
            {
                return SetText(value, true, true, ref DataUser, out expected);
            }

            if (key == "gsm.password")
            {
                return SetText(value, true, true, ref DataPassword, out expected);
            }

            if (key == "mqtt.host")
            {
                expected = "a host name or IPv4 address";
                if (value.Length != 0 && !ConfigValues.IsHost(value))
                {
                    return SettingResult.BadValue;
                }

                MqttHost = value;
                expected = null;
                return SettingResult.Ok;
            }

            if (key == "mqtt.port")
            {
                return SetNumber(value, 1, 65535, ref MqttPort, out expected);
            }

            if (key == "mqtt.user")
            {
                return SetText(value, true, true, ref MqttUser, out expected);
            }

            if (key == "mqtt.password")
            {
                return SetText(value, true, true, ref MqttPassword, out expected);
            }

            if (key == "mqtt.tls")
            {
                expected = "0 or 1";
                if (!ConfigValues.TryParseSwitch(value, out MqttTls))
                {
                    return SettingResult.BadValue;
                }

                expected = null;
                return SettingResult.Ok;
            }

            if (key == "mqtt.keepalive_s")
            {
                return SetNumber(value, 10, 3600, ref MqttKeepAliveSeconds, out expected);
            }

            if (key == "mqtt.payload_bytes")
            {
                return SetNumber(value, 512, 16384, ref PayloadBytes, out expected);
            }

            if (key == "topic.prefix")
            {
                expected = "names of letters, digits, '-', '_', '.' joined by '/'";
                if (!ConfigValues.IsTopicPrefix(value))
                {
                    return SettingResult.BadValue;
                }

                TopicPrefix = value;
                expected = null;
                return SettingResult.Ok;
            }

            if (key == "report.interval_s")
            {
                return SetNumber(value, 0, 86400, ref ReportIntervalSeconds, out expected);
            }

            if (key == "status.interval_h")
            {
                return SetNumber(value, 0, 24, ref StatusIntervalHours, out expected);
            }

            if (key == "poll.interval_s")
            {
                return SetNumber(value, 10, MeterDefinitionText.MaxIntervalSeconds, ref PollIntervalSeconds, out expected);
            }

            return SettingResult.UnknownName;
        }

        /// <summary>
        /// Null when the configuration can run the concentrator, otherwise the first problem, naming the key(s).
        /// </summary>
        public string Validate()
        {
            if (Network == NetworkMode.Wifi && WifiSsid.Length == 0)
            {
                return "wifi.ssid: expected the network to join (net.mode=wifi), got nothing";
            }

            if (Network == NetworkMode.Gsm && Apn.Length == 0)
            {
                return "gsm.apn: expected the provider's access point name (net.mode=gsm), got nothing";
            }

            if (MqttHost.Length == 0)
            {
                return "mqtt.host: expected the broker's host name or address, got nothing";
            }

            if (StaticIp.Length != 0)
            {
                string problem = StaticAddressCheck.Problem(StaticIp, Netmask, Gateway, Dns);
                if (problem != null)
                {
                    return problem;
                }

                // With a static address nobody hands out a DNS server: a broker given by name could not be found.
                if (Dns.Length == 0 && !ConfigValues.IsIPv4(MqttHost))
                {
                    return "net.dns: expected a DNS server to resolve mqtt.host=" + MqttHost + " with the static address net.ip=" + StaticIp + ", got nothing";
                }
            }

            for (int i = 0; i < MeterCount; i++)
            {
                MeterDefinition meter = _meters[i];
                if (meter.Port == MeterPort.Tcp && meter.Address.Length == 0)
                {
                    return "meter " + meter.Id + ": expected ADDR=host:port for PORT=TCP, got nothing";
                }
            }

            return null;
        }

        /// <summary>A deep copy: commands change a copy and swap it in only when the whole message was good and saved.</summary>
        public ConcentratorConfiguration Clone()
        {
            ConcentratorConfiguration copy = new ConcentratorConfiguration();
            CopyFieldsTo(copy);
            return copy;
        }

        /// <summary>The settings file text: every key, one per line, board entries and meters last.</summary>
        public string ToText()
        {
            System.Text.StringBuilder text = new System.Text.StringBuilder(1024);
            Line(text, "device.id", DeviceId);
            Line(text, "admin.password", AdminPassword);
            Line(text, "net.mode", NetworkModeName(Network));
            Line(text, "wifi.ssid", WifiSsid);
            Line(text, "wifi.password", WifiPassword);
            Line(text, "wifi.timeout_s", WifiTimeoutSeconds.ToString());
            Line(text, "net.ip", StaticIp);
            Line(text, "net.mask", Netmask);
            Line(text, "net.gateway", Gateway);
            Line(text, "net.dns", Dns);
            Line(text, "gsm.apn", Apn);
            Line(text, "gsm.user", DataUser);
            Line(text, "gsm.password", DataPassword);
            Line(text, "mqtt.host", MqttHost);
            Line(text, "mqtt.port", MqttPort.ToString());
            Line(text, "mqtt.user", MqttUser);
            Line(text, "mqtt.password", MqttPassword);
            Line(text, "mqtt.tls", MqttTls ? "1" : "0");
            Line(text, "mqtt.keepalive_s", MqttKeepAliveSeconds.ToString());
            Line(text, "mqtt.payload_bytes", PayloadBytes.ToString());
            Line(text, "topic.prefix", TopicPrefix);
            Line(text, "report.interval_s", ReportIntervalSeconds.ToString());
            Line(text, "status.interval_h", StatusIntervalHours.ToString());
            Line(text, "poll.interval_s", PollIntervalSeconds.ToString());
            for (int i = 0; i < BoardEntryCount; i++)
            {
                Line(text, _boardKeys[i], _boardValues[i]);
            }

            for (int i = 0; i < MeterCount; i++)
            {
                Line(text, "meter", MeterDefinitionText.Format(_meters[i], true));
            }

            return text.ToString();
        }

        public static string NetworkModeName(NetworkMode mode)
        {
            switch (mode)
            {
                case NetworkMode.Ethernet:
                    return "ethernet";
                case NetworkMode.Gsm:
                    return "gsm";
                default:
                    return "wifi";
            }
        }

        private void CopyFieldsTo(ConcentratorConfiguration copy)
        {
            copy.DeviceId = DeviceId;
            copy.AdminPassword = AdminPassword;
            copy.Network = Network;
            copy.WifiSsid = WifiSsid;
            copy.WifiPassword = WifiPassword;
            copy.WifiTimeoutSeconds = WifiTimeoutSeconds;
            copy.StaticIp = StaticIp;
            copy.Netmask = Netmask;
            copy.Gateway = Gateway;
            copy.Dns = Dns;
            copy.Apn = Apn;
            copy.DataUser = DataUser;
            copy.DataPassword = DataPassword;
            copy.MqttHost = MqttHost;
            copy.MqttPort = MqttPort;
            copy.MqttUser = MqttUser;
            copy.MqttPassword = MqttPassword;
            copy.MqttTls = MqttTls;
            copy.MqttKeepAliveSeconds = MqttKeepAliveSeconds;
            copy.PayloadBytes = PayloadBytes;
            copy.TopicPrefix = TopicPrefix;
            copy.ReportIntervalSeconds = ReportIntervalSeconds;
            copy.StatusIntervalHours = StatusIntervalHours;
            copy.PollIntervalSeconds = PollIntervalSeconds;
            for (int i = 0; i < MeterCount; i++)
            {
                copy._meters[i] = MeterDefinitionText.Copy(_meters[i]);
            }

            copy.MeterCount = MeterCount;
            for (int i = 0; i < BoardEntryCount; i++)
            {
                copy.MakeBoardEntries();
                copy._boardKeys[i] = _boardKeys[i];
                copy._boardValues[i] = _boardValues[i];
            }

            copy.BoardEntryCount = BoardEntryCount;
        }

        private static void Line(System.Text.StringBuilder text, string key, string value)
        {
            text.Append(key);
            text.Append('=');
            text.Append(value);
            text.Append('\n');
        }

        private static bool StartsWith(string text, string prefix)
        {
            if (text.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (text[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        private SettingResult SetBoardEntry(string key, string value, out string expected)
        {
            expected = "printable text, at most 64 characters";
            if (!ConfigValues.IsText(value, true, true))
            {
                return SettingResult.BadValue;
            }

            for (int i = 0; i < BoardEntryCount; i++)
            {
                if (_boardKeys[i] == key)
                {
                    _boardValues[i] = value;
                    expected = null;
                    return SettingResult.Ok;
                }
            }

            if (BoardEntryCount == MaxBoardEntries)
            {
                expected = "at most " + MaxBoardEntries.ToString() + " board entries";
                return SettingResult.BadValue;
            }

            MakeBoardEntries();
            _boardKeys[BoardEntryCount] = key;
            _boardValues[BoardEntryCount] = value;
            BoardEntryCount++;
            expected = null;
            return SettingResult.Ok;
        }

        private SettingResult AddMeterLine(string value, out string expected)
        {
            ParameterList parameters = new ParameterList(MeterDefinitionText.ParameterCount);
            if (!parameters.Parse(value, 0) || parameters.HasDuplicate())
            {
                expected = "NAME=value parameters, each name once: " + MeterNames;
                return SettingResult.BadValue;
            }

            MeterDefinition meter = new MeterDefinition();
            meter.IntervalSeconds = PollIntervalSeconds;
            for (int i = 0; i < parameters.Count; i++)
            {
                SettingResult result = MeterDefinitionText.Apply(meter, parameters.Name(i), parameters.Value(i), out expected);
                if (result == SettingResult.UnknownName)
                {
                    expected = "one of " + MeterNames + ", got " + parameters.Name(i);
                    return SettingResult.BadValue;
                }

                if (result != SettingResult.Ok)
                {
                    expected = parameters.Name(i) + " " + expected;
                    return result;
                }
            }

            if (meter.Id.Length == 0)
            {
                expected = "an ID=";
                return SettingResult.BadValue;
            }

            if (IndexOfMeter(meter.Id) >= 0)
            {
                expected = "a meter id not used before, got " + meter.Id + " again";
                return SettingResult.BadValue;
            }

            if (!PutMeter(meter))
            {
                expected = "at most " + MaxMeters.ToString() + " meters";
                return SettingResult.BadValue;
            }

            expected = null;
            return SettingResult.Ok;
        }

        private const string MeterNames = "ID, PORT, PROTO, ADDR, MPWD, BAUD, INT, PRIO, OBJ";

        private SettingResult SetNetworkMode(string value, out string expected)
        {
            expected = "wifi, ethernet or gsm";
            if (value == "wifi")
            {
                Network = NetworkMode.Wifi;
            }
            else if (value == "ethernet")
            {
                Network = NetworkMode.Ethernet;
            }
            else if (value == "gsm")
            {
                Network = NetworkMode.Gsm;
            }
            else
            {
                return SettingResult.BadValue;
            }

            expected = null;
            return SettingResult.Ok;
        }

        private static SettingResult SetName(string value, ref string field, out string expected)
        {
            expected = "letters, digits, '-', '_' or '.', 1 to 32 characters";
            if (!ConfigValues.IsName(value))
            {
                return SettingResult.BadValue;
            }

            field = value;
            expected = null;
            return SettingResult.Ok;
        }

        /// <summary>Command passwords: 4 to 32 printable characters without spaces.</summary>
        public static bool IsPassword(string value)
        {
            return value != null && value.Length >= 4 && value.Length <= 32 && ConfigValues.IsText(value, false, false);
        }

        private static SettingResult SetPassword(string value, ref string field, out string expected)
        {
            expected = "4 to 32 printable characters without spaces";
            if (!IsPassword(value))
            {
                return SettingResult.BadValue;
            }

            field = value;
            expected = null;
            return SettingResult.Ok;
        }

        private static SettingResult SetText(string value, bool allowEmpty, bool allowSpaces, ref string field, out string expected)
        {
            expected = allowSpaces ? "printable text, at most 64 characters" : "printable text without spaces, at most 64 characters";
            if (!ConfigValues.IsText(value, allowEmpty, allowSpaces))
            {
                return SettingResult.BadValue;
            }

            field = value;
            expected = null;
            return SettingResult.Ok;
        }

        private static SettingResult SetAddress(string value, bool allowEmpty, ref string field, out string expected)
        {
            expected = allowEmpty ? "an IPv4 address or nothing" : "an IPv4 address";
            if (value.Length == 0 ? !allowEmpty : !ConfigValues.IsIPv4(value))
            {
                return SettingResult.BadValue;
            }

            field = value;
            expected = null;
            return SettingResult.Ok;
        }

        private static SettingResult SetNumber(string value, int minimum, int maximum, ref int field, out string expected)
        {
            expected = ConfigValues.NumberExpectation(minimum, maximum);
            int number;
            if (!ConfigValues.TryParseNumber(value, minimum, maximum, out number))
            {
                return SettingResult.BadValue;
            }

            field = number;
            expected = null;
            return SettingResult.Ok;
        }
    }
}
