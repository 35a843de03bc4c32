using Concentrator.Core.Json;

namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// The retained device information on <c>…/info</c>:
    /// <c>{"device":"gw1","software":"concentrator 0.3","meters":["p1","m02"],"queue_ring_bytes":917440,"queue_max_record":2048}</c>.
    /// Written once per connection.
    /// </summary>
    public static class DeviceInfoPayloadFormatter
    {
        public static void Write(JsonWriter writer, string deviceId, string software, string[] meterIds, int queueRingBytes, int queueMaxRecord)
        {
            writer.StartObject();
            writer.Property("device", deviceId);
            writer.Property("software", software);
            writer.Name("meters");
            writer.StartArray();
            if (meterIds != null)
            {
                for (int i = 0; i < meterIds.Length; i++)
                {
                    writer.String(meterIds[i]);
                }
            }

            writer.EndArray();
            writer.Name("queue_ring_bytes");
            writer.Number(queueRingBytes);
            writer.Name("queue_max_record");
            writer.Number(queueMaxRecord);
            writer.EndObject();
        }
    }
}
