using Concentrator.Core.Json;

namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// The retained status payload on <c>…/status</c>:
    /// <c>{"state":"online","queue_depth":12,"queue_dropped":0,"default_password":true,"uptime_s":3600,"readings":1432,
    /// "failures":3,"meters_offline":0,"free_heap":41234,"interval_h":1}</c> (figures the reporter does not know are left
    /// out), and the last will <c>{"state":"offline"}</c>. Home Assistant reads availability from <c>value_json.state</c>.
    /// </summary>
    public static class StatusPayloadFormatter
    {
        /// <summary>The last will's payload (the broker publishes it retained when the concentrator vanishes).</summary>
        public const string OfflinePayload = "{\"state\":\"offline\"}";

        public static void WriteOnline(JsonWriter writer, StatusReport status)
        {
            writer.StartObject();
            writer.Property("state", MqttTopics.Online);
            writer.Name("queue_depth");
            writer.Number(status.QueueDepth);
            writer.Name("queue_dropped");
            writer.Number(status.QueueDropped);
            writer.Name("default_password");
            writer.Boolean(status.DefaultPassword);
            Known(writer, "uptime_s", status.UptimeSeconds);
            Known(writer, "readings", status.Readings);
            Known(writer, "failures", status.Failures);
            Known(writer, "meters_offline", status.MetersOffline);
            Known(writer, "free_heap", status.FreeHeap);
            Known(writer, "interval_h", status.IntervalHours);
            writer.EndObject();
        }

        private static void Known(JsonWriter writer, string name, long value)
        {
            if (value >= 0)
            {
                writer.Name(name);
                writer.Number(value);
            }
        }
    }
}
