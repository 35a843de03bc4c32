namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// The MQTT topic scheme. Everything a concentrator publishes lives under <c>&lt;prefix&gt;/&lt;device&gt;/</c>:
    /// <list type="bullet">
    /// <item><c>…/meters/&lt;meter&gt;/readings</c>: one JSON payload per telegram or readout, keyed by OBIS (QoS 1).</item>
    /// <item><c>…/meters/&lt;meter&gt;/error</c>: the last failure reading that meter, as text.</item>
    /// <item><c>…/status</c>: <see cref="Online"/> or <see cref="Offline"/>, retained; the broker publishes
    /// <see cref="Offline"/> itself (the last will) when the concentrator vanishes.</item>
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

        public static string Status(string prefix, string deviceId)
        {
            return prefix + "/" + deviceId + "/status";
        }
    }
}
