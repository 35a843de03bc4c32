using Concentrator.Core.Configuration;
using Concentrator.Core.Json;
using Concentrator.Core.Meters;

namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// The retained device information on <c>…/info</c>, written once per connection. The desktop forwarder's:
    /// <c>{"device":"gw1","software":"concentrator host 1.0","meters":["p1","m02"],"queue_ring_bytes":917440,"queue_max_record":2048}</c>.
    /// The board's adds what it is and what it reads, from the configuration in force:
    /// <c>{"device":"gw1","software":"concentrator firmware 0.4.0","board":"devkitc-wifi","network":"wifi","meters":["m01","m02"],
    /// "inventory":[{"id":"m01","port":"485","protocol":"HDLC","address":"1/17","interval_s":900},…],"interval_h":1,
    /// "queue_ring_bytes":163776,"queue_max_record":4366}</c>.
    /// Never a secret: no command password, Wi-Fi key, APN password, MQTT password or meter password is written, nor the
    /// broker address and user name (the reader of the topic knows the broker already).
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
            Queue(writer, queueRingBytes, queueMaxRecord);
        }

        /// <param name="implicitMeterId">a meter read without being in the inventory (the P1 meter of a configuration
        /// without <c>meter=</c> lines), listed first; null when none</param>
        public static void Write(JsonWriter writer, ConcentratorConfiguration configuration, string software, string board, string network,
                                 string implicitMeterId, int queueRingBytes, int queueMaxRecord)
        {
            if (writer == null || configuration == null)
            {
                throw new System.ArgumentNullException(writer == null ? "writer" : "configuration");
            }

            writer.StartObject();
            writer.Property("device", configuration.DeviceId);
            writer.Property("software", software);
            writer.Property("board", board);
            writer.Property("network", network);
            writer.Name("meters");
            writer.StartArray();
            if (implicitMeterId != null)
            {
                writer.String(implicitMeterId);
            }

            for (int i = 0; i < configuration.MeterCount; i++)
            {
                writer.String(configuration.Meter(i).Id);
            }

            writer.EndArray();
            writer.Name("inventory");
            writer.StartArray();
            for (int i = 0; i < configuration.MeterCount; i++)
            {
                MeterDefinition meter = configuration.Meter(i);
                writer.StartObject();
                writer.Property("id", meter.Id);
                writer.Property("port", MeterDefinitionText.PortName(meter.Port));
                writer.Property("protocol", MeterDefinitionText.ProtocolName(meter.Protocol));
                if (meter.Address.Length > 0)
                {
                    writer.Property("address", meter.Address);
                }

                writer.Name("interval_s");
                writer.Number(meter.IntervalSeconds);
                writer.EndObject();
            }

            writer.EndArray();
            writer.Name("interval_h");
            writer.Number(configuration.StatusIntervalHours);
            Queue(writer, queueRingBytes, queueMaxRecord);
        }

        private static void Queue(JsonWriter writer, int queueRingBytes, int queueMaxRecord)
        {
            writer.Name("queue_ring_bytes");
            writer.Number(queueRingBytes);
            writer.Name("queue_max_record");
            writer.Number(queueMaxRecord);
            writer.EndObject();
        }
    }
}
