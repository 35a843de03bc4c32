using Concentrator.Core.Boards;
using Concentrator.Core.Configuration;
using Concentrator.Core.Io;
using Concentrator.Core.P1;
using Concentrator.Drivers.Esp32;
using Concentrator.Drivers.Optical;
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

        /// <summary>
        /// <c>board</c>: the board profile (Core's <see cref="BoardProfiles"/>) that gives every pin and UART and says
        /// whether the board uses Wi-Fi or Ethernet. The <c>p1.*</c> pin keys override single pins of it.
        /// </summary>
        public string BoardName = BoardProfiles.DefaultName;

        /// <summary>The profile named by <see cref="BoardName"/>, set by <see cref="Validate"/>.</summary>
        public BoardProfile Board;

        /// <summary>
        /// The configuration these settings read (<see cref="From"/>; Core's <see cref="ConcentratorConfiguration"/>,
        /// never changed in place). The general settings below are read from it, not copied, so they cannot disagree
        /// with it. A text command's saved change replaces it (<c>Commands/AppCommandEffects</c>): what is read at each
        /// use (the broker, at each connect) follows at once; what was set up once at start (ports, network, topics,
        /// buffers) is taken up by the controlled restart that such a change plans.
        /// </summary>
        public ConcentratorConfiguration Configuration { get; set; }

        /// <summary><c>wifi.ssid</c>: network to join. Required on Wi-Fi boards.</summary>
        public string WifiSsid
        {
            get { return Configuration.WifiSsid; }
        }

        /// <summary><c>wifi.password</c>: never logged.</summary>
        public string WifiPassword
        {
            get { return Configuration.WifiPassword; }
        }

        /// <summary><c>wifi.timeout_s</c>: longest wait for one connection attempt (join, DHCP).</summary>
        public int WifiTimeoutSeconds
        {
            get { return Configuration.WifiTimeoutSeconds; }
        }

        /// <summary><c>mqtt.host</c>: broker host name or IP address. No default: required.</summary>
        public string MqttHost
        {
            get { return Configuration.MqttHost; }
        }

        /// <summary><c>mqtt.port</c>.</summary>
        public int MqttPort
        {
            get { return Configuration.MqttPort; }
        }

        /// <summary><c>mqtt.user</c>: empty = connect without credentials.</summary>
        public string MqttUser
        {
            get { return Configuration.MqttUser; }
        }

        /// <summary><c>mqtt.password</c>: never logged.</summary>
        public string MqttPassword
        {
            get { return Configuration.MqttPassword; }
        }

        /// <summary><c>mqtt.keepalive_s</c>: MQTT keep alive; a dead connection is noticed after about 1.5 times this.</summary>
        public int MqttKeepAliveSeconds
        {
            get { return Configuration.MqttKeepAliveSeconds; }
        }

        /// <summary><c>mqtt.payload_bytes</c>: size of the one reused JSON buffer; a telegram that needs more is reported, not sent.</summary>
        public int PayloadBytes
        {
            get { return Configuration.PayloadBytes; }
        }

        /// <summary>Where <c>mqtt.tls=1</c> looks for the broker's CA certificate when no <c>mqtt.ca_file</c> is given.</summary>
        public const string DefaultCaFile = "I:\\mqtt-ca.pem";

        /// <summary>
        /// <c>mqtt.ca_file</c>: PEM or DER file of the CA that signed the broker's certificate; set, the link uses TLS 1.2.
        /// <c>mqtt.tls=1</c> without it: <see cref="DefaultCaFile"/>. Empty: plain MQTT.
        /// </summary>
        public string MqttCaFile
        {
            get
            {
                string file = Configuration.FindBoardValue("mqtt.ca_file");
                if (file != null && file.Length > 0)
                {
                    return file;
                }

                return Configuration.MqttTls ? DefaultCaFile : string.Empty;
            }
        }

        /// <summary>queue.file: the store-and-forward queue: on the internal flash (<c>I:\</c>) segment files in the folder <c>&lt;queue.file&gt;.d</c>, elsewhere (an SD card) this one file.</summary>
        public string QueueFile = "I:\\queue.bin";

        /// <summary>
        /// queue.bytes: size of the queue. Default 192 KiB (48 segment files of 4 KiB on the internal flash): what the 4 MB
        /// board's 256 KiB littlefs partition leaves after its directory, the configuration copies, the CA certificate and
        /// spare blocks for copy-on-write (firmware/Concentrator.Core/Forwarding/README.md, "Flash budget, capacity and wear").
        /// </summary>
        public int QueueBytes = 196608;

        /// <summary>
        /// Most readings a reading set may hold to be queued as a compact record (about a sixth of its JSON); the forwarding
        /// thread keeps one reading set of this size to make the JSON again when the record is sent. Larger sets are queued
        /// as JSON. 40 covers a DSMR telegram, a 20-register DLMS read and a typical IEC 62056-21 readout.
        /// </summary>
        public int CompactReadings = 40;

        /// <summary>queue.replay_per_s: how fast a backlog drains after an outage (messages per second).</summary>
        public int ReplayPerSecond = 20;

        /// <summary><c>device.id</c>: names this concentrator in topics and is its MQTT client id; must be unique per broker.</summary>
        public string DeviceId
        {
            get { return Configuration.DeviceId; }
        }

        /// <summary><c>topic.prefix</c>: first level of every topic.</summary>
        public string TopicPrefix
        {
            get { return Configuration.TopicPrefix; }
        }

        /// <summary><c>report.interval_s</c>: at most one error report per meter in this time; the rest are counted.</summary>
        public int ReportIntervalSeconds
        {
            get { return Configuration.ReportIntervalSeconds; }
        }

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

        /// <summary><c>p1.port</c>: UART, COM2 or COM3; empty = the board profile's.</summary>
        public string P1PortName = "";

        /// <summary><c>p1.rx_pin</c>: GPIO of the P1 data line; -1 = the board profile's.</summary>
        public int P1RxPin = -1;

        /// <summary><c>p1.tx_pin</c>: free GPIO for the UART's unused TX; -1 = the board profile's.</summary>
        public int P1TxPin = -1;

        /// <summary><c>p1.request_pin</c>: GPIO driving the data request line; -1 = the board profile's.</summary>
        public int P1RequestPin = -1;

        /// <summary><c>p1.dsmr</c>: 4 (DSMR 4.x and 5: 115200 8N1, the default) or 2 (DSMR 2.2 and 3.0: 9600 7E1).</summary>
        public int P1DsmrVersion = 4;

        /// <summary><c>p1.inverter</c>: "uart" (the UART inverts, the default) or "external" (the board has an inverter).</summary>
        public bool P1ExternalInverter;

        /// <summary>
        /// <c>optical.head</c>: the optical head fitted, "plain" (an IEC 62056-21 probe, the default), "rmt" (38 kHz
        /// modulated by the RMT peripheral) or "pwm" (38 kHz from a PWM channel gated by the UART's TX).
        /// </summary>
        public OpticalPortVariant OpticalHead = OpticalPortVariant.PlainUart;

        /// <summary>
        /// The app's view of the configuration: the general settings read from Core's
        /// <see cref="ConcentratorConfiguration"/> (loaded and validated by its store), the board's wiring read from
        /// its board entries (<c>p1.*</c>, <c>modem.*</c>). Bad board entries are logged by key and skipped.
        /// </summary>
        public static ConcentratorSettings From(ConcentratorConfiguration configuration)
        {
            if (configuration == null)
            {
                throw new System.ArgumentNullException("configuration");
            }

            ConcentratorSettings settings = new ConcentratorSettings();
            settings.Configuration = configuration;
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
            if (key == "board")
            {
                if (BoardProfiles.Find(value) == null)
                {
                    return "unknown board; known boards: " + BoardProfiles.Names();
                }

                BoardName = value;
                return null;
            }

            if (key == "mqtt.ca_file")
            {
                return null; // read from the configuration at each use (MqttCaFile)
            }

            if (key == "queue.file")
            {
                QueueFile = value;
                return null;
            }

            if (key == "queue.bytes")
            {
                return SetNumber(value, 65536, 4194304, ref QueueBytes);
            }

            if (key == "queue.replay_per_s")
            {
                return SetNumber(value, 1, 1000, ref ReplayPerSecond);
            }

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

            if (key == "optical.head")
            {
                return SetOpticalHead(value);
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
        /// validated by Core's <see cref="ConcentratorConfiguration.Validate"/>). Looks up and checks the board profile
        /// (<see cref="Board"/>) and fills the P1 port and pins the file left to the profile.
        /// </summary>
        public string Validate()
        {
            Board = BoardProfiles.Find(BoardName);
            if (Board == null)
            {
                return "board " + BoardName + " is unknown; known boards: " + BoardProfiles.Names();
            }

            // Single pins from the file replace the profile's, and the result must pass the same check.
            if (P1PortName.Length > 0)
            {
                int com = Esp32Uart.PortNumber(P1PortName);
                if (com == 0)
                {
                    return "p1.port must be COM2 or COM3 (COM1 carries the debugger)";
                }

                Board.WithUart(UartRole.P1, com);
            }

            if (P1RxPin >= 0)
            {
                Board.WithPin(BoardFunction.P1Rx, P1RxPin);
            }

            if (P1TxPin >= 0)
            {
                Board.WithPin(BoardFunction.P1Tx, P1TxPin);
            }

            if (P1RequestPin >= 0)
            {
                Board.WithPin(BoardFunction.P1DataRequest, P1RequestPin);
            }

            string boardProblem;
            if (BoardProfileCheck.Check(Board, out boardProblem) != BoardCheckStatus.Ok)
            {
                return "board profile with the file's pins: " + boardProblem;
            }

            // A 38 kHz head drives its own carrier pin; a board without one (olimex-poe-wrover-eth) takes plain heads only.
            if (BoardProfileCheck.CheckOpticalHead(Board, OpticalHead != OpticalPortVariant.PlainUart, OpticalHead == OpticalPortVariant.RmtCarrier ? "rmt" : "pwm", out boardProblem) != BoardCheckStatus.Ok)
            {
                return boardProblem;
            }

            // Which ports run, and whether they fit the board's UARTs together, is decided from the meter inventory
            // (Ports/PortPlan); a port that does not fit is reported there and the others still run.
            P1PortName = Board.Has(BoardFunction.P1Rx) && Board.ComPortName(UartRole.P1) != null ? Board.ComPortName(UartRole.P1) : string.Empty;
            P1RxPin = Board.Pin(BoardFunction.P1Rx);
            P1TxPin = Board.Pin(BoardFunction.P1Tx);
            P1RequestPin = Board.Pin(BoardFunction.P1DataRequest);

            string problem = CheckTopicLevel("p1.meter_id", P1MeterId);
            if (problem != null)
            {
                return problem;
            }

            if (QueueBytes - 64 < 4 * (PayloadBytes + 270))
            {
                return "queue.bytes must hold four of the largest messages (mqtt.payload_bytes + topic); raise it or lower mqtt.payload_bytes";
            }

            if (HasModem)
            {
                if (ModemPortName != "COM2" && ModemPortName != "COM3")
                {
                    return "modem.port must be COM2 or COM3 (COM1 carries the debugger), got " + ModemPortName;
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

        private string SetOpticalHead(string value)
        {
            if (value == "plain")
            {
                OpticalHead = OpticalPortVariant.PlainUart;
                return null;
            }

            if (value == "rmt")
            {
                OpticalHead = OpticalPortVariant.RmtCarrier;
                return null;
            }

            if (value == "pwm")
            {
                OpticalHead = OpticalPortVariant.PwmGatedCarrier;
                return null;
            }

            return "expected plain, rmt or pwm";
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
