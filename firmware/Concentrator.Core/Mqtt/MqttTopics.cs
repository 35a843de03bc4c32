using Concentrator.Core.Obis;

namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// The MQTT topic scheme. Everything a concentrator publishes lives under <c>&lt;prefix&gt;/&lt;device&gt;/</c>:
    /// <list type="bullet">
    /// <item><c>…/meters/&lt;meter&gt;/readings</c>: one JSON payload per telegram or readout, keyed by OBIS (QoS 1).</item>
    /// <item><c>…/meters/&lt;meter&gt;/error</c>: the last failure reading that meter, as text.</item>
    /// <item><c>…/meters/&lt;meter&gt;/capture</c>: the hex dump of a raw frame capture (<c>MCP CAPT</c>), as text.</item>
    /// <item><c>…/status</c>: retained JSON <c>{"state":"online","queue_depth":…,"queue_dropped":…,"default_password":…}</c>
    /// (<see cref="StatusPayloadFormatter"/>); the broker publishes <c>{"state":"offline"}</c> itself (the last will,
    /// <see cref="StatusPayloadFormatter.OfflinePayload"/>) when the concentrator vanishes.</item>
    /// <item><c>…/info</c>: retained JSON about the concentrator (firmware, board, network, meter inventory; never a secret).</item>
    /// <item><c>…/command</c>: text commands in (subscribed at QoS 1); <c>…/command/reply</c>: the reply text out.</item>
    /// <item><c>homeassistant/sensor/&lt;device&gt;/&lt;meter&gt;_&lt;obis&gt;/config</c>: retained Home Assistant discovery
    /// (<see cref="HomeAssistantDiscoveryFormatter"/>); <c>homeassistant/status</c> is subscribed: <c>online</c> there
    /// sends the configs again (<see cref="HomeAssistantAnnouncements"/>).</item>
    /// </list>
    /// Topics are built once per meter and reused, not per message.
    /// </summary>
    public static class MqttTopics
    {
        public const string DefaultPrefix = "concentrator";

        /// <summary>Payload of <see cref="Status"/> while the concentrator is connected.</summary>
        public const string Online = "online";

        /// <summary>Payload of <see cref="Status"/> once it is gone (published by the broker as the last will).</summary>
        public const string Offline = "offline";

        public static string Readings(string prefix, string deviceId, string meterId)
        {
            return prefix + "/" + deviceId + "/meters/" + meterId + "/readings";
        }

        public static string MeterError(string prefix, string deviceId, string meterId)
        {
            return prefix + "/" + deviceId + "/meters/" + meterId + "/error";
        }

        /// <summary>The hex dump of a raw frame capture (<c>MCP CAPT</c>), as text (QoS 1, not retained).</summary>
        public static string Capture(string prefix, string deviceId, string meterId)
        {
            return prefix + "/" + deviceId + "/meters/" + meterId + "/capture";
        }

        public static string Status(string prefix, string deviceId)
        {
            return prefix + "/" + deviceId + "/status";
        }

        /// <summary>Retained device information.</summary>
        public static string DeviceInfo(string prefix, string deviceId)
        {
            return prefix + "/" + deviceId + "/info";
        }

        /// <summary>Where text commands arrive (the concentrator subscribes at QoS 1).</summary>
        public static string Command(string prefix, string deviceId)
        {
            return prefix + "/" + deviceId + "/command";
        }

        /// <summary>Where the reply to each command goes.</summary>
        public static string CommandReply(string prefix, string deviceId)
        {
            return prefix + "/" + deviceId + "/command/reply";
        }

        /// <summary>Home Assistant's default discovery prefix.</summary>
        public const string HomeAssistantPrefix = "homeassistant";

        /// <summary>
        /// Where Home Assistant announces itself (its birth message <c>online</c>, last will <c>offline</c>): a
        /// concentrator subscribes and sends its discovery configs again on <see cref="Online"/>, since Home Assistant may
        /// have lost them (a broker restarted without persistence).
        /// </summary>
        public static string HomeAssistantStatus(string discoveryPrefix)
        {
            return discoveryPrefix + "/status";
        }

        /// <summary>
        /// <c>&lt;discovery&gt;/sensor/&lt;device&gt;/&lt;meter&gt;_&lt;obis&gt;/config</c>, the OBIS code written with
        /// <c>_</c> for its separators (<c>1-0:1.8.1*255</c> → <c>1_0_1_8_1_255</c>), since Home Assistant allows only
        /// letters, digits, <c>_</c> and <c>-</c> in node and object ids.
        /// </summary>
        public static string DiscoveryConfig(string discoveryPrefix, string deviceId, string meterId, ObisCode obis)
        {
            return discoveryPrefix + "/sensor/" + deviceId + "/" + ObjectId(meterId, obis) + "/config";
        }

        /// <summary>The discovery object id of one reading of one meter: <c>&lt;meter&gt;_&lt;a&gt;_&lt;b&gt;_&lt;c&gt;_&lt;d&gt;_&lt;e&gt;_&lt;f&gt;</c>.</summary>
        public static string ObjectId(string meterId, ObisCode obis)
        {
            return meterId + "_" + obis.A.ToString() + "_" + obis.B.ToString() + "_" + obis.C.ToString() + "_" + obis.D.ToString()
                + "_" + obis.E.ToString() + "_" + obis.F.ToString();
        }
    }
}
