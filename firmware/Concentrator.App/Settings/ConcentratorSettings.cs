using Concentrator.Core.Configuration;
using Concentrator.Core.Io;
using Concentrator.Core.Mqtt;
using Concentrator.Core.P1;
using Concentrator.Drivers.P1;

namespace Concentrator.App.Settings
{
    /// <summary>
    /// What the firmware app runs with: built by <see cref="From"/> from Core's configuration, which is loaded from
    /// <see cref="FilePath"/> (<c>key=value</c> lines, see concentrator.conf.example) by its checksummed store.
    /// Board entries are validated here (<see cref="Validate"/>); keys are listed at each field.
    /// </summary>
    public sealed class ConcentratorSettings
    {
        /// <summary>The settings file on the ESP32's internal flash (littlefs, mounted as I:).</summary>
        public const string FilePath = "I:\\concentrator.conf";

        /// <summary><c>wifi.ssid</c>: network to join. No default: required.</summary>
        public string WifiSsid = "";

        /// <summary><c>wifi.password</c>: never logged.</summary>
        public string WifiPassword = "";

        /// <summary><c>wifi.timeout_s</c>: longest wait for one connection attempt (join, DHCP).</summary>
        public int WifiTimeoutSeconds = 60;

        /// <summary><c>mqtt.host</c>: broker host name or IP address. No default: required.</summary>
        public string MqttHost = "";

        /// <summary><c>mqtt.port</c>: plain MQTT (TLS is a later milestone).</summary>
        public int MqttPort = 1883;

        /// <summary><c>mqtt.user</c>: empty = connect without credentials.</summary>
        public string MqttUser = "";

        /// <summary><c>mqtt.password</c>: never logged.</summary>
        public string MqttPassword = "";

        /// <summary><c>mqtt.keepalive_s</c>: MQTT keep alive; a dead connection is noticed after about 1.5 times this.</summary>
        public int MqttKeepAliveSeconds = 60;

        /// <summary><c>mqtt.payload_bytes</c>: size of the one reused JSON buffer; a telegram that needs more is reported, not sent.</summary>
        public int PayloadBytes = 4096;

        /// <summary><c>device.id</c>: names this concentrator in topics and is its MQTT client id; must be unique per broker.</summary>
        public string DeviceId = "concentrator";

        /// <summary><c>topic.prefix</c>: first level of every topic.</summary>
        public string TopicPrefix = MqttTopics.DefaultPrefix;

        /// <summary><c>report.interval_s</c>: at most one error report per meter in this time; the rest are counted.</summary>
        public int ReportIntervalSeconds = 60;

        /// <summary><c>modem.port</c>: UART of the GSM modem for SMS commands, COM2 or COM3; empty (the default) for none.</summary>
        public string ModemPortName = "";

        /// <summary><c>modem.rx_pin</c>: GPIO receiving from the modem's TX.</summary>
        public int ModemRxPin = -1;

        /// <summary><c>modem.tx_pin</c>: GPIO sending to the modem's RX.</summary>
        public int ModemTxPin = -1;

        /// <summary><c>modem.baud</c>.</summary>
        public int ModemBaud = 115200;

        public bool HasModem
        {
            get { return ModemPortName.Length != 0; }
        }

        /// <summary><c>p1.meter_id</c>: the meter's name in topics and payloads.</summary>
        public string P1MeterId = "p1";

        /// <summary><c>p1.port</c>: UART, COM2 or COM3.</summary>
        public string P1PortName = BoardPins.P1Uart;

        /// <summary><c>p1.rx_pin</c>: GPIO of the P1 data line.</summary>
        public int P1RxPin = BoardPins.P1Data;

        /// <summary><c>p1.tx_pin</c>: free GPIO for the UART's unused TX.</summary>
        public int P1TxPin = BoardPins.P1UnusedTx;

        /// <summary><c>p1.request_pin</c>: GPIO driving the data request line.</summary>
        public int P1RequestPin = BoardPins.P1DataRequest;

        /// <summary><c>p1.dsmr</c>: 4 (DSMR 4.x and 5: 115200 8N1, the default) or 2 (DSMR 2.2 and 3.0: 9600 7E1).</summary>
        public int P1DsmrVersion = 4;

        /// <summary><c>p1.inverter</c>: "uart" (the UART inverts, the default) or "external" (the board has an inverter).</summary>
        public bool P1ExternalInverter;

        /// <summary>
        /// The app's view of the configuration: the general settings copied from Core's
        /// <see cref="ConcentratorConfiguration"/> (loaded and validated by its store), the board's wiring read from
        /// its board entries (<c>p1.*</c>, <c>modem.*</c>). Bad board entries are logged by key and skipped.
        /// </summary>
        public static ConcentratorSettings From(ConcentratorConfiguration configuration)
        {
            ConcentratorSettings settings = new ConcentratorSettings();
            settings.WifiSsid = configuration.WifiSsid;
            settings.WifiPassword = configuration.WifiPassword;
            settings.WifiTimeoutSeconds = configuration.WifiTimeoutSeconds;
            settings.MqttHost = configuration.MqttHost;
            settings.MqttPort = configuration.MqttPort;
            settings.MqttUser = configuration.MqttUser;
            settings.MqttPassword = configuration.MqttPassword;
            settings.MqttKeepAliveSeconds = configuration.MqttKeepAliveSeconds;
            settings.PayloadBytes = configuration.PayloadBytes;
            settings.DeviceId = configuration.DeviceId;
            settings.TopicPrefix = configuration.TopicPrefix;
            settings.ReportIntervalSeconds = configuration.ReportIntervalSeconds;
            for (int i = 0; i < configuration.BoardEntryCount; i++)
            {
                string key = configuration.BoardKey(i);
                string problem = settings.Apply(key, configuration.BoardValue(i));
                if (problem != null)
                {
                    Log.Warn("settings: " + key + ": " + problem + ", skipped");
                }
            }

            return settings;
        }

        /// <summary>Sets one board entry. Returns null, or why the entry was not taken (unknown key, bad number).</summary>
        public string Apply(string key, string value)
        {
            // Plain comparisons: a long switch on strings would be lowered to a compiler-generated hash helper.
            if (key == "p1.meter_id")
            {
                P1MeterId = value;
                return null;
            }

            if (key == "p1.port")
            {
                P1PortName = value;
                return null;
            }

            if (key == "p1.rx_pin")
            {
                return SetNumber(value, 0, 48, ref P1RxPin);
            }

            if (key == "p1.tx_pin")
            {
                return SetNumber(value, 0, 48, ref P1TxPin);
            }

            if (key == "p1.request_pin")
            {
                return SetNumber(value, 0, 48, ref P1RequestPin);
            }

            if (key == "p1.dsmr")
            {
                return SetDsmrVersion(value);
            }

            if (key == "p1.inverter")
            {
                return SetInverter(value);
            }

            if (key == "modem.port")
            {
                ModemPortName = value;
                return null;
            }

            if (key == "modem.rx_pin")
            {
                return SetNumber(value, 0, 48, ref ModemRxPin);
            }

            if (key == "modem.tx_pin")
            {
                return SetNumber(value, 0, 48, ref ModemTxPin);
            }

            if (key == "modem.baud")
            {
                return SetNumber(value, 1200, 921600, ref ModemBaud);
            }

            return "unknown key";
        }

        /// <summary>
        /// Null when the board entries can run the concentrator, otherwise the first problem (the general settings are
        /// validated by Core's <see cref="ConcentratorConfiguration.Validate"/>).
        /// </summary>
        public string Validate()
        {
            string problem = CheckTopicLevel("p1.meter_id", P1MeterId);
            if (problem != null)
            {
                return problem;
            }

            if (P1PortName != "COM2" && P1PortName != "COM3")
            {
                return "p1.port must be COM2 or COM3 (COM1 carries the debugger)";
            }

            if (P1RxPin == P1TxPin || P1RxPin == P1RequestPin || P1TxPin == P1RequestPin)
            {
                return "p1.rx_pin, p1.tx_pin and p1.request_pin must be three different pins";
            }

            if (HasModem)
            {
                if (ModemPortName != "COM2" && ModemPortName != "COM3")
                {
                    return "modem.port must be COM2 or COM3 (COM1 carries the debugger), got " + ModemPortName;
                }

                if (ModemPortName == P1PortName)
                {
                    return "modem.port and p1.port are both " + ModemPortName + ": each needs a UART of its own";
                }

                if (ModemRxPin < 0 || ModemTxPin < 0 || ModemRxPin == ModemTxPin)
                {
                    return "modem.rx_pin and modem.tx_pin must both be set and differ";
                }
            }

            return null;
        }

        /// <summary>P1 line settings for <see cref="P1DsmrVersion"/>.</summary>
        public LineSettings P1LineSettingsToUse
        {
            get { return P1DsmrVersion == 2 ? P1LineSettings.Dsmr2 : P1LineSettings.Dsmr4; }
        }

        public P1PortOptions ToP1PortOptions()
        {
            P1PortOptions options = new P1PortOptions();
            options.PortName = P1PortName;
            options.RxPin = P1RxPin;
            options.TxPin = P1TxPin;
            options.DataRequestPin = P1RequestPin;
            options.LineSettings = P1LineSettingsToUse;
            options.ExternalInverter = P1ExternalInverter;
            return options;
        }

        /// <summary>One line for the log: every setting, with secrets shown only as set or not.</summary>
        public string Describe()
        {
            return "wifi.ssid=" + WifiSsid + " wifi.password=" + Secret(WifiPassword)
                + " mqtt=" + MqttHost + ":" + MqttPort.ToString() + " mqtt.user=" + (MqttUser.Length == 0 ? "(none)" : MqttUser)
                + " mqtt.password=" + Secret(MqttPassword) + " device.id=" + DeviceId + " topic.prefix=" + TopicPrefix
                + " p1=" + P1MeterId + " on " + P1PortName + " rx=" + P1RxPin.ToString() + " tx=" + P1TxPin.ToString()
                + " request=" + P1RequestPin.ToString() + " dsmr=" + P1DsmrVersion.ToString()
                + " inverter=" + (P1ExternalInverter ? "external" : "uart");
        }

        private static string Secret(string value)
        {
            return value.Length == 0 ? "(empty)" : "(set)";
        }

        private string SetDsmrVersion(string value)
        {
            if (value == "4" || value == "5")
            {
                P1DsmrVersion = 4;
                return null;
            }

            if (value == "2" || value == "3")
            {
                P1DsmrVersion = 2;
                return null;
            }

            return "expected 2, 3, 4 or 5";
        }

        private string SetInverter(string value)
        {
            if (value == "uart")
            {
                P1ExternalInverter = false;
                return null;
            }

            if (value == "external")
            {
                P1ExternalInverter = true;
                return null;
            }

            return "expected uart or external";
        }

        // A plain decimal number within limits; no sign, no spaces (the reader trimmed them).
        private static string SetNumber(string text, int minimum, int maximum, ref int field)
        {
            if (text.Length == 0 || text.Length > 9)
            {
                return "expected a number from " + minimum.ToString() + " to " + maximum.ToString();
            }

            int value = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return "expected a number from " + minimum.ToString() + " to " + maximum.ToString();
                }

                value = (value * 10) + (c - '0');
            }

            if (value < minimum || value > maximum)
            {
                return "expected a number from " + minimum.ToString() + " to " + maximum.ToString();
            }

            field = value;
            return null;
        }

        // MQTT 3.1.1 §4.7: '/' separates levels, '+' and '#' are wildcards and may not appear in a topic name.
        private static string CheckTopicLevel(string key, string value)
        {
            if (value.Length == 0)
            {
                return key + " is empty";
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '/' || c == '+' || c == '#' || c <= ' ')
                {
                    return key + " may not contain '/', '+', '#', spaces or control characters";
                }
            }

            return null;
        }
    }
}
