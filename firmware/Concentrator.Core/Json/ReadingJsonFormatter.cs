using System;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Json
{
    /// <summary>
    /// Formats a <see cref="ReadingSet"/> as JSON: the decoder's result line (<c>decode</c>) and the MQTT readings
    /// payload keyed by OBIS. One instance per thread (it owns a small scratch buffer); allocation-free.
    /// </summary>
    public sealed class ReadingJsonFormatter
    {
        private readonly byte[] _scratch = new byte[32];

        /// <summary>
        /// <c>{"protocol":"dsmr","ok":true,"meter":"…","identification":"…","time":"…","readings":[{"obis":"1-0:1.8.1*255","value":687.138,"unit":"kWh"},…]}</c>;
        /// "meter" and "time" only when the meter sent them.
        /// </summary>
        public void WriteDecodeResult(JsonWriter writer, ReadingSet set)
        {
            writer.StartObject();
            writer.Property("protocol", set.Protocol);
            writer.Name("ok");
            writer.Boolean(true);
            WriteMeterFacts(writer, set, "meter", "time");
            writer.Name("readings");
            writer.StartArray();
            for (int i = 0; i < set.Count; i++)
            {
                Reading reading = set[i];
                writer.StartObject();
                writer.Name("obis");
                int length = reading.Obis.FormatTo(_scratch, 0);
                writer.String(_scratch, 0, length);
                WriteReadingFields(writer, set, reading);
                writer.EndObject();
            }

            writer.EndArray();
            writer.EndObject();
        }

        /// <summary><c>{"protocol":"dsmr","ok":false,"error":"CRC mismatch: …"}</c>.</summary>
        public void WriteFailure(JsonWriter writer, string protocol, string error)
        {
            writer.StartObject();
            writer.Property("protocol", protocol);
            writer.Name("ok");
            writer.Boolean(false);
            writer.Property("error", error);
            writer.EndObject();
        }

        /// <summary>
        /// The MQTT readings payload of one meter:
        /// <c>{"meter":"p1","protocol":"dsmr","serial":"…","identification":"…","meter_time":"…","received":"…Z",
        /// "readings":{"1-0:1.8.1*255":{"value":687.138,"unit":"kWh"},…}}</c>. An OBIS code that occurs more than once
        /// (log entries) maps to an array of its entries, in order. "received" is the concentrator's clock; quality flags
        /// (<see cref="ReadingFlags"/>) appear as <c>"flags":["counter_backwards",…]</c> on the set and on each reading
        /// that has any.
        /// </summary>
        public void WriteReadingsPayload(JsonWriter writer, string meterId, ReadingSet set, DateTime receivedUtc)
        {
            writer.StartObject();
            writer.Property("meter", meterId);
            writer.Property("protocol", set.Protocol);
            WriteMeterFacts(writer, set, "serial", "meter_time");
            writer.Name("received");
            MeterTime received = new MeterTime(receivedUtc, DaylightSaving.Unknown, true, 0);
            int timeLength = received.FormatIso8601(_scratch, 0);
            writer.String(_scratch, 0, timeLength);
            WriteFlags(writer, set.Flags);

            writer.Name("readings");
            writer.StartObject();
            for (int i = 0; i < set.Count; i++)
            {
                ObisCode obis = set[i].Obis;
                if (OccursBefore(set, obis, i))
                {
                    continue;
                }

                int length = obis.FormatTo(_scratch, 0);
                writer.Name(_scratch, 0, length);
                bool repeated = OccursAfter(set, obis, i);
                if (repeated)
                {
                    writer.StartArray();
                }

                for (int j = i; j < set.Count; j++)
                {
                    Reading reading = set[j];
                    if (reading.Obis != obis)
                    {
                        continue;
                    }

                    writer.StartObject();
                    WriteReadingFields(writer, set, reading);
                    writer.EndObject();
                    if (!repeated)
                    {
                        break;
                    }
                }

                if (repeated)
                {
                    writer.EndArray();
                }
            }

            writer.EndObject();
            writer.EndObject();
        }

        private void WriteMeterFacts(JsonWriter writer, ReadingSet set, string idName, string timeName)
        {
            if (set.MeterIdLength > 0)
            {
                writer.Name(idName);
                writer.String(set.Text, set.MeterIdStart, set.MeterIdLength);
            }

            if (set.IdentificationLength > 0)
            {
                writer.Name("identification");
                writer.String(set.Text, set.IdentificationStart, set.IdentificationLength);
            }

            if (set.HasTime)
            {
                writer.Name(timeName);
                int length = set.Time.FormatIso8601(_scratch, 0);
                writer.String(_scratch, 0, length);
            }

            if (set.HasSecondIndex)
            {
                writer.Name("second_index");
                writer.Number(set.SecondIndex);
            }

            if (set.SignatureLength > 0)
            {
                writer.Name("signature");
                writer.String(set.Text, set.SignatureStart, set.SignatureLength);
            }
        }

        // "value" (a number, or the text as sent), "unit", "time", "invalid_time" for a time the meter got wrong, and
        // where the meter sent them "second_index", "status" and "signature" (hex, forwarded untouched), and "flags".
        private void WriteReadingFields(JsonWriter writer, ReadingSet set, Reading reading)
        {
            writer.Name("value");
            switch (reading.Kind)
            {
                case ReadingKind.Number:
                    writer.Number(reading.Mantissa, reading.Exponent);
                    break;
                case ReadingKind.Empty:
                    writer.String("");
                    break;
                default:
                    writer.String(set.Text, reading.TextStart, reading.TextLength);
                    break;
            }

            if (reading.UnitLength > 0)
            {
                writer.Name("unit");
                writer.String(set.Text, reading.UnitStart, reading.UnitLength);
            }

            if (reading.HasTime)
            {
                writer.Name("time");
                int length = reading.Time.FormatIso8601(_scratch, 0);
                writer.String(_scratch, 0, length);
            }
            else if ((reading.Flags & ReadingFlags.InvalidTimestamp) != 0 && reading.Kind == ReadingKind.Number)
            {
                writer.Name("invalid_time");
                writer.String(set.Text, reading.TextStart, reading.TextLength);
            }

            if (reading.HasSecondIndex)
            {
                writer.Name("second_index");
                writer.Number(reading.SecondIndex);
            }

            if (reading.HasStatus)
            {
                // The status word as the meter sent it; bit meanings are manufacturer-specific (FNN Lastenheft eHZ).
                writer.Name("status");
                writer.Number((long)reading.Status);
            }

            if (reading.SignatureLength > 0)
            {
                writer.Name("signature");
                writer.String(set.Text, reading.SignatureStart, reading.SignatureLength);
            }

            WriteFlags(writer, reading.Flags);
        }

        /// <summary>The JSON name of each flag, in bit order.</summary>
        public static string FlagName(ReadingFlags flag)
        {
            switch (flag)
            {
                case ReadingFlags.InvalidTimestamp:
                    return "invalid_timestamp";
                case ReadingFlags.CounterWentBackwards:
                    return "counter_backwards";
                case ReadingFlags.OutOfRange:
                    return "out_of_range";
                case ReadingFlags.ClockSkew:
                    return "clock_skew";
                case ReadingFlags.Stale:
                    return "stale";
                default:
                    return null;
            }
        }

        // "flags":["out_of_range","stale"], only when there is one.
        private static void WriteFlags(JsonWriter writer, ReadingFlags flags)
        {
            if (flags == ReadingFlags.None)
            {
                return;
            }

            writer.Name("flags");
            writer.StartArray();
            for (int bit = 1; bit <= 0x80; bit <<= 1)
            {
                string name = FlagName((ReadingFlags)bit);
                if (((int)flags & bit) != 0 && name != null)
                {
                    writer.String(name);
                }
            }

            writer.EndArray();
        }

        private static bool OccursBefore(ReadingSet set, ObisCode obis, int index)
        {
            for (int j = 0; j < index; j++)
            {
                if (set[j].Obis == obis)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool OccursAfter(ReadingSet set, ObisCode obis, int index)
        {
            for (int j = index + 1; j < set.Count; j++)
            {
                if (set[j].Obis == obis)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
