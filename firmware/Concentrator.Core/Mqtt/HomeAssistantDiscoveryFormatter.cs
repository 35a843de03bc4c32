using System;
using Concentrator.Core.Json;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// Home Assistant MQTT discovery: the retained config payload for one reading of one meter, published to
    /// <see cref="MqttTopics.DiscoveryConfig"/>. The sensor reads its value from the meter's readings payload
    /// (<c>value_json.readings['1-0:1.8.1*255'].value</c>), is available while the status says online, and belongs to a
    /// device per meter that is connected via the concentrator's device. Example:
    /// <code>
    /// {"name":"Energy import tariff 1","unique_id":"gw1_p1_1_0_1_8_1_255","object_id":"gw1_p1_1_0_1_8_1_255",
    ///  "state_topic":"concentrator/gw1/meters/p1/readings",
    ///  "value_template":"{{ value_json.readings['1-0:1.8.1*255'].value }}",
    ///  "device_class":"energy","state_class":"total_increasing","unit_of_measurement":"kWh",
    ///  "availability_topic":"concentrator/gw1/status","availability_template":"{{ value_json.state }}",
    ///  "payload_available":"online","payload_not_available":"offline",
    ///  "device":{"identifiers":["gw1_p1"],"name":"p1","model":"XMX5LGBBFFB231215493","via_device":"gw1"}}
    /// </code>
    /// Formatted into the caller's <see cref="JsonWriter"/>, from a reading set or from the compact
    /// <see cref="HomeAssistantMeterRecord"/> taken from it (identical bytes); the ids are strings made per config, which is
    /// written only when a meter is announced (<see cref="HomeAssistantAnnouncements"/>), never per reading.
    /// </summary>
    public sealed class HomeAssistantDiscoveryFormatter
    {
        private const string TemplateStart = "{{ value_json.readings['";
        private const string TemplateEnd = "'].value }}";

        private readonly byte[] _scratch = new byte[TemplateStart.Length + ObisCode.MaxFormattedLength + TemplateEnd.Length];

        /// <summary>
        /// Writes the config of <paramref name="reading"/> (from <paramref name="set"/>) and returns its kind; writes nothing
        /// and returns <see cref="HomeAssistantSensorKind.None"/> for a reading that is no sensor (text, or no unit).
        /// </summary>
        public HomeAssistantSensorKind Write(JsonWriter writer, string deviceId, string meterId, string stateTopic, string statusTopic,
                                             ReadingSet set, Reading reading)
        {
            if (writer == null || set == null || reading == null)
            {
                throw new ArgumentNullException("writer");
            }

            if (reading.Kind != ReadingKind.Number)
            {
                return HomeAssistantSensorKind.None;
            }

            ObisCode obis = reading.Obis;
            HomeAssistantSensorKind kind = HomeAssistantSensorClass.Classify(obis, set.Text, reading.UnitStart, reading.UnitLength);
            if (kind == HomeAssistantSensorKind.None)
            {
                return kind;
            }

            string unit = HomeAssistantSensorClass.Unit(kind, set.Text, reading.UnitStart, reading.UnitLength);
            int rawUnitLength = unit == null && kind == HomeAssistantSensorKind.OtherMeasurement ? reading.UnitLength : 0;
            WriteConfig(writer, deviceId, meterId, stateTopic, statusTopic, obis, kind, unit, set.Text, reading.UnitStart, rawUnitLength,
                set.Text, set.IdentificationStart, set.IdentificationLength);
            return kind;
        }

        /// <summary>
        /// Writes the config of sensor <paramref name="index"/> of a <see cref="HomeAssistantMeterRecord"/>: byte for byte
        /// what <see cref="Write(JsonWriter,string,string,string,string,ReadingSet,Reading)"/> writes for the reading set
        /// the record was taken from.
        /// </summary>
        public void Write(JsonWriter writer, string deviceId, string statusTopic, HomeAssistantMeterRecord record, int index)
        {
            if (writer == null || record == null)
            {
                throw new ArgumentNullException(writer == null ? "writer" : "record");
            }

            byte[] rawUnit = record.RawUnit(index);
            byte[] model = record.Model;
            WriteConfig(writer, deviceId, record.MeterId, record.StateTopic, statusTopic, record.Obis(index), record.Kind(index), record.Unit(index),
                rawUnit, 0, rawUnit == null ? 0 : rawUnit.Length, model, 0, model.Length);
        }

        // The one place the config is written: a unit from Home Assistant's list, or (rawUnitLength > 0) the bytes as sent.
        private void WriteConfig(JsonWriter writer, string deviceId, string meterId, string stateTopic, string statusTopic, ObisCode obis,
                                 HomeAssistantSensorKind kind, string unit, byte[] rawUnit, int rawUnitStart, int rawUnitLength,
                                 byte[] model, int modelStart, int modelLength)
        {
            string objectId = deviceId + "_" + MqttTopics.ObjectId(meterId, obis);
            writer.StartObject();
            writer.Name("name");
            string name = HomeAssistantSensorClass.Name(obis, kind);
            int length = obis.FormatTo(_scratch, 0);
            if (name == null)
            {
                writer.String(_scratch, 0, length);
            }
            else
            {
                writer.String(name);
            }

            writer.Property("unique_id", objectId);
            writer.Property("object_id", objectId);
            writer.Property("state_topic", stateTopic);
            writer.Name("value_template");
            writer.String(_scratch, 0, ValueTemplate(obis));

            string deviceClass = HomeAssistantSensorClass.DeviceClass(kind);
            if (deviceClass != null)
            {
                writer.Property("device_class", deviceClass);
            }

            writer.Property("state_class", HomeAssistantSensorClass.StateClass(kind));
            if (unit != null)
            {
                writer.Property("unit_of_measurement", unit);
            }
            else if (rawUnitLength > 0)
            {
                writer.Name("unit_of_measurement");
                writer.String(rawUnit, rawUnitStart, rawUnitLength);
            }

            writer.Property("availability_topic", statusTopic);
            writer.Property("availability_template", "{{ value_json.state }}");
            writer.Property("payload_available", MqttTopics.Online);
            writer.Property("payload_not_available", MqttTopics.Offline);

            writer.Name("device");
            writer.StartObject();
            writer.Name("identifiers");
            writer.StartArray();
            writer.String(deviceId + "_" + meterId);
            writer.EndArray();
            writer.Property("name", meterId);
            if (modelLength > 0)
            {
                writer.Name("model");
                writer.String(model, modelStart, modelLength);
            }

            writer.Property("via_device", deviceId);
            writer.EndObject();
            writer.EndObject();
        }

        // {{ value_json.readings['<obis>'].value }} into _scratch.
        private int ValueTemplate(ObisCode obis)
        {
            int at = PutAscii(TemplateStart, 0);
            at += obis.FormatTo(_scratch, at);
            return PutAscii(TemplateEnd, at);
        }

        private int PutAscii(string text, int at)
        {
            for (int i = 0; i < text.Length; i++)
            {
                _scratch[at++] = (byte)text[i];
            }

            return at;
        }
    }
}
