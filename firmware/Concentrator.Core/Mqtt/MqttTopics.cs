namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// The MQTT topic scheme. Everything a concentrator publishes lives under <c>&lt;prefix&gt;/&lt;device&gt;/</c>:
    /// <list type="bullet">
    /// <item><c>…/meters/&lt;meter&gt;/readings</c>: one JSON payload per telegram or readout, keyed by OBIS (QoS 1).</item>
    /// <item><c>…/meters/&lt;meter&gt;/error</c>: the last failure reading that meter, as text.</item>
    /// </list>
    /// Topics are built once per meter and reused, not per message.
    /// </summary>
    public static class MqttTopics
    {
        public const string DefaultPrefix = "concentrator";

        public static string Readings(string prefix, string deviceId, string meterId)
        {
            return prefix + "/" + deviceId + "/meters/" + meterId + "/readings";
        }

        public static string MeterError(string prefix, string deviceId, string meterId)
        {
            return prefix + "/" + deviceId + "/meters/" + meterId + "/error";
        }
    }
}
