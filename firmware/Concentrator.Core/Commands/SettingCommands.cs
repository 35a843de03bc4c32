using System.Text;
using Concentrator.Core.Configuration;

namespace Concentrator.Core.Commands
{
    /// <summary>
    /// CNF (2N manual 4.2), NET and MQTT: each parameter maps to one configuration key; the reply lists every
    /// parameter of the command with its new value, secrets masked (NPWD is never shown, as in the manual's reply).
    /// </summary>
    public static class SettingCommands
    {
        private static readonly string[] ConfigureKeys = { "gsm.apn", "gsm.user", "gsm.password", "mqtt.host", "mqtt.port", "admin.password", "status.interval_h" };
        private static readonly string[] NetworkKeys = { "net.mode", "wifi.ssid", "wifi.password", "net.ip", "net.mask", "net.gateway", "net.dns" };
        private static readonly string[] MqttKeys = { "mqtt.host", "mqtt.port", "mqtt.user", "mqtt.password", "mqtt.tls", "topic.prefix", "device.id" };

        /// <summary>Applies every parameter but PWD to <paramref name="next"/>; returns the reply or an error reply.</summary>
        public static string Apply(CommandKind kind, ConcentratorConfiguration next, ParameterList parameters)
        {
            string[] names = CommandSyntax.Parameters(kind);
            string[] keys = Keys(kind);
            for (int i = 0; i < parameters.Count; i++)
            {
                string name = parameters.Name(i);
                if (name == CommandSyntax.PasswordName)
                {
                    continue;
                }

                int index = IndexOf(names, name);
                string value = ToSettingValue(kind, name, parameters.Value(i));
                string expected;
                if (value == null || next.Apply(keys[index], value, out expected) != SettingResult.Ok)
                {
                    return CommandReplies.ParameterValueIncorrect;
                }
            }

            return Describe(kind, next);
        }

        /// <summary>The reply: <c>NAME=value</c> for each parameter of the command (not NPWD), secrets masked.</summary>
        public static string Describe(CommandKind kind, ConcentratorConfiguration configuration)
        {
            string[] names = CommandSyntax.Parameters(kind);
            string[] keys = Keys(kind);
            StringBuilder text = new StringBuilder(160);
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == "NPWD")
                {
                    continue;
                }

                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(names[i]);
                text.Append('=');
                string value = Read(configuration, keys[i]);
                text.Append(ConcentratorConfiguration.IsSecretKey(keys[i]) ? ConfigValues.Mask(value) : ParameterList.Quote(FromSettingValue(names[i], value)));
            }

            return text.ToString();
        }

        private static string[] Keys(CommandKind kind)
        {
            if (kind == CommandKind.Configure)
            {
                return ConfigureKeys;
            }

            return kind == CommandKind.Network ? NetworkKeys : MqttKeys;
        }

        // Command values are written in the manual's style (upper case words, 0/1); null when not acceptable.
        private static string ToSettingValue(CommandKind kind, string name, string value)
        {
            if (kind == CommandKind.Configure && name == "IP")
            {
                // Manual 4.2: "Enter the direct IP address ... The domain name cannot be used."
                return ConfigValues.IsIPv4(value) ? value : null;
            }

            if (name == "HOST")
            {
                return value.Length == 0 ? null : value;
            }

            if (name == "MODE")
            {
                return value == "WIFI" ? "wifi" : value == "ETH" ? "ethernet" : value == "GSM" ? "gsm" : null;
            }

            if (name == "LIP")
            {
                return value == "DHCP" ? string.Empty : value.Length == 0 ? null : value;
            }

            if (name == "TLS")
            {
                return value == "0" || value == "1" ? value : null;
            }

            return value;
        }

        private static string FromSettingValue(string name, string value)
        {
            if (name == "MODE")
            {
                return value == "ethernet" ? "ETH" : value == "gsm" ? "GSM" : "WIFI";
            }

            if (name == "LIP" && value.Length == 0)
            {
                return "DHCP";
            }

            return value;
        }

        private static string Read(ConcentratorConfiguration c, string key)
        {
            switch (IndexOf(AllKeys, key))
            {
                case 0: return c.Apn;
                case 1: return c.DataUser;
                case 2: return c.DataPassword;
                case 3: return c.MqttHost;
                case 4: return c.MqttPort.ToString();
                case 5: return c.AdminPassword;
                case 6: return c.StatusIntervalHours.ToString();
                case 7: return ConcentratorConfiguration.NetworkModeName(c.Network);
                case 8: return c.WifiSsid;
                case 9: return c.WifiPassword;
                case 10: return c.StaticIp;
                case 11: return c.Netmask;
                case 12: return c.Gateway;
                case 13: return c.Dns;
                case 14: return c.MqttUser;
                case 15: return c.MqttPassword;
                case 16: return c.MqttTls ? "1" : "0";
                case 17: return c.TopicPrefix;
                case 18: return c.DeviceId;
                default: return string.Empty;
            }
        }

        private static readonly string[] AllKeys =
        {
            "gsm.apn", "gsm.user", "gsm.password", "mqtt.host", "mqtt.port", "admin.password", "status.interval_h",
            "net.mode", "wifi.ssid", "wifi.password", "net.ip", "net.mask", "net.gateway", "net.dns",
            "mqtt.user", "mqtt.password", "mqtt.tls", "topic.prefix", "device.id",
        };

        private static int IndexOf(string[] names, string name)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
