using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Json;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Json
{
    [TestClass]
    public class ReadingJsonFormatterTests
    {
        private const string Telegram =
            "/XMX5LGBBFG1009325446\r\n\r\n" +
            "1-3:0.2.8(42)\r\n" +
            "0-0:1.0.0(190905214003S)\r\n" +
            "0-0:96.1.1(4530303331303033323339343536373136)\r\n" +
            "1-0:1.8.1(003235.689*kWh)\r\n" +
            "1-0:99.97.0(2)(0-0:96.7.19)(170117065912W)(0000009606*s)(632525252525W)(0000000001*s)\r\n" +
            "0-0:96.13.0()\r\n" +
            "0-1:24.2.1(190905210000S)(01091.352*m3)\r\n" +
            "!";

        private static DsmrTelegramDecoder Decoded()
        {
            byte[] body = Ascii.Bytes(Telegram);
            string crc = Concentrator.Core.Checksums.Crc16.Arc(body, 0, body.Length).ToString("X4");
            byte[] data = Ascii.Bytes(Telegram + crc + "\r\n");
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            int position = 0;
            Assert.AreEqual((int)DsmrStatus.TelegramReady, (int)DsmrFeed.Next(decoder, data, ref position, data.Length));
            return decoder;
        }

        [TestMethod]
        public void Decode_result_line_has_the_documented_shape()
        {
            DsmrTelegramDecoder decoder = Decoded();
            JsonWriter writer = new JsonWriter(2048);
            new ReadingJsonFormatter().WriteDecodeResult(writer, decoder.Readings);

            string expected =
                "{\"protocol\":\"dsmr\",\"ok\":true,\"meter\":\"4530303331303033323339343536373136\"," +
                "\"identification\":\"XMX5LGBBFG1009325446\",\"time\":\"2019-09-05T21:40:03+02:00\",\"readings\":[" +
                "{\"obis\":\"1-3:0.2.8*255\",\"value\":\"42\"}," +
                "{\"obis\":\"0-0:1.0.0*255\",\"value\":\"190905214003S\",\"time\":\"2019-09-05T21:40:03+02:00\"}," +
                "{\"obis\":\"0-0:96.1.1*255\",\"value\":\"4530303331303033323339343536373136\"}," +
                "{\"obis\":\"1-0:1.8.1*255\",\"value\":3235.689,\"unit\":\"kWh\"}," +
                "{\"obis\":\"1-0:99.97.0*255\",\"value\":2}," +
                "{\"obis\":\"0-0:96.7.19*255\",\"value\":9606,\"unit\":\"s\",\"time\":\"2017-01-17T06:59:12+01:00\"}," +
                "{\"obis\":\"0-0:96.7.19*255\",\"value\":1,\"unit\":\"s\",\"invalid_time\":\"632525252525W\",\"flags\":[\"invalid_timestamp\"]}," +
                "{\"obis\":\"0-0:96.13.0*255\",\"value\":\"\"}," +
                "{\"obis\":\"0-1:24.2.1*255\",\"value\":1091.352,\"unit\":\"m3\",\"time\":\"2019-09-05T21:00:00+02:00\"}]}";
            Assert.AreEqual(expected, Ascii.Text(writer.Buffer, 0, writer.Length));
        }

        [TestMethod]
        public void Readings_payload_is_keyed_by_OBIS_with_repeated_codes_as_arrays()
        {
            DsmrTelegramDecoder decoder = Decoded();
            JsonWriter writer = new JsonWriter(2048);
            new ReadingJsonFormatter().WriteReadingsPayload(writer, "p1", decoder.Readings, new DateTime(2026, 11, 21, 17, 18, 5));

            string expected =
                "{\"meter\":\"p1\",\"protocol\":\"dsmr\",\"serial\":\"4530303331303033323339343536373136\"," +
                "\"identification\":\"XMX5LGBBFG1009325446\",\"meter_time\":\"2019-09-05T21:40:03+02:00\"," +
                "\"received\":\"2026-11-21T17:18:05Z\",\"readings\":{" +
                "\"1-3:0.2.8*255\":{\"value\":\"42\"}," +
                "\"0-0:1.0.0*255\":{\"value\":\"190905214003S\",\"time\":\"2019-09-05T21:40:03+02:00\"}," +
                "\"0-0:96.1.1*255\":{\"value\":\"4530303331303033323339343536373136\"}," +
                "\"1-0:1.8.1*255\":{\"value\":3235.689,\"unit\":\"kWh\"}," +
                "\"1-0:99.97.0*255\":{\"value\":2}," +
                "\"0-0:96.7.19*255\":[{\"value\":9606,\"unit\":\"s\",\"time\":\"2017-01-17T06:59:12+01:00\"},{\"value\":1,\"unit\":\"s\",\"invalid_time\":\"632525252525W\",\"flags\":[\"invalid_timestamp\"]}]," +
                "\"0-0:96.13.0*255\":{\"value\":\"\"}," +
                "\"0-1:24.2.1*255\":{\"value\":1091.352,\"unit\":\"m3\",\"time\":\"2019-09-05T21:00:00+02:00\"}}}";
            Assert.AreEqual(expected, Ascii.Text(writer.Buffer, 0, writer.Length));
        }

        [TestMethod]
        public void Failure_line_names_the_error()
        {
            JsonWriter writer = new JsonWriter(256);
            new ReadingJsonFormatter().WriteFailure(writer, "dsmr", "CRC mismatch: telegram says 0C97, computed 3030");
            Assert.AreEqual("{\"protocol\":\"dsmr\",\"ok\":false,\"error\":\"CRC mismatch: telegram says 0C97, computed 3030\"}", Ascii.Text(writer.Buffer, 0, writer.Length));
        }

        [TestMethod]
        public void Payload_too_big_for_the_buffer_is_flagged()
        {
            DsmrTelegramDecoder decoder = Decoded();
            JsonWriter writer = new JsonWriter(200);
            new ReadingJsonFormatter().WriteReadingsPayload(writer, "p1", decoder.Readings, new DateTime(2026, 1, 1));
            Assert.IsTrue(writer.Overflowed);
        }

        [TestMethod]
        public void Quality_flags_appear_on_the_set_and_on_flagged_readings()
        {
            DsmrTelegramDecoder decoder = Decoded();
            decoder.Readings.Flags = Concentrator.Core.Readings.ReadingFlags.ClockSkew;
            DsmrFeed.Find(decoder.Readings, "1-0:1.8.1", 0).Flags = Concentrator.Core.Readings.ReadingFlags.CounterWentBackwards | Concentrator.Core.Readings.ReadingFlags.OutOfRange;
            JsonWriter writer = new JsonWriter(2048);
            new ReadingJsonFormatter().WriteReadingsPayload(writer, "p1", decoder.Readings, new DateTime(2026, 11, 21, 17, 18, 5));
            string json = Ascii.Text(writer.Buffer, 0, writer.Length);

            Assert.IsTrue(json.IndexOf("\"received\":\"2026-11-21T17:18:05Z\",\"flags\":[\"clock_skew\"],\"readings\"") > 0, json);
            Assert.IsTrue(json.IndexOf("\"1-0:1.8.1*255\":{\"value\":3235.689,\"unit\":\"kWh\",\"flags\":[\"counter_backwards\",\"out_of_range\"]}") > 0, json);
            Assert.AreEqual("stale", ReadingJsonFormatter.FlagName(Concentrator.Core.Readings.ReadingFlags.Stale));
        }
    }
}
