using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Host.Simulation;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation;

[TestClass]
public sealed class E350TelegramWriterTests
{
    private static readonly DateTime SummerEvening = new(2019, 9, 5, 19, 40, 3, DateTimeKind.Utc); // the real telegram's time

    [TestMethod]
    public void Telegram_has_the_real_E350_line_set_in_the_same_order_and_number_formats()
    {
        // A meter with one long power failure, like the real telegram (vector: DsmrTelegrams.LandisGyrE350Dsmr42).
        E350MeterModel meter = MeterWithLongPowerFailures(1);
        var writer = new E350TelegramWriter(E350TelegramWriter.NormalCapacity);
        writer.Write(meter);

        List<string> simulated = Shapes(TelegramText.Of(writer.Bytes, 0, writer.Length));
        List<string> real = Shapes(DsmrTelegrams.LandisGyrE350Dsmr42);

        CollectionAssert.AreEqual(real, simulated, "simulated:\n" + string.Join("\n", simulated) + "\nreal:\n" + string.Join("\n", real));
    }

    [TestMethod]
    public void Telegrams_decode_with_Core_and_carry_a_correct_CRC()
    {
        var decoder = new DsmrTelegramDecoder(new DsmrDecoderOptions());
        var writer = new E350TelegramWriter(E350TelegramWriter.NormalCapacity);
        for (int seed = 1; seed <= 20; seed++)
        {
            var meter = new E350MeterModel(seed, SummerEvening.AddDays(seed * 17), seed % 2 == 0, seed % 3 == 0 ? 3000 : 0);
            for (int step = 0; step < 10; step++)
            {
                meter.AdvanceTo(meter.TimeUtc.AddSeconds(10 + step * 600));
                writer.Write(meter);
                string text = TelegramText.Of(writer.Bytes, 0, writer.Length);

                int bang = text.IndexOf('!');
                Assert.AreEqual(writer.EndMarkerIndex, bang);
                int stated = int.Parse(text.Substring(bang + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                Assert.AreEqual(TelegramText.ArcBitwise(writer.Bytes, 0, bang + 1), stated, "CRC of seed " + seed + " step " + step);
                StringAssert.EndsWith(text, "\r\n");
                Assert.IsTrue(Regex.IsMatch(text.Substring(bang + 1, 4), "^[0-9A-F]{4}$"), "CRC digits are uppercase hex");

                List<DsmrStatus> statuses = TelegramText.DecodeAll(decoder, TelegramText.Bytes(text), 64);
                CollectionAssert.AreEqual(new[] { DsmrStatus.TelegramReady }, statuses, decoder.LastError.ToString());
            }
        }
    }

    [TestMethod]
    public void Decoded_values_are_the_meter_model_s_values()
    {
        var meter = new E350MeterModel(5, SummerEvening, false, 2500);
        meter.AdvanceTo(SummerEvening.AddHours(1.5));
        var writer = new E350TelegramWriter(E350TelegramWriter.NormalCapacity);
        writer.Write(meter);
        var decoder = new DsmrTelegramDecoder(new DsmrDecoderOptions());
        TelegramText.DecodeAll(decoder, TelegramText.Bytes(TelegramText.Of(writer.Bytes, 0, writer.Length)), 1000);
        ReadingSet set = decoder.Readings;

        Assert.AreEqual(meter.Identification, set.GetText(set.IdentificationStart, set.IdentificationLength));
        StringAssert.StartsWith(meter.Identification, "XMX5LGBBFG10");
        Assert.AreEqual(20, meter.Identification.Length);
        Assert.AreEqual(HexOf(meter.EquipmentId), set.GetText(set.MeterIdStart, set.MeterIdLength));
        Assert.AreEqual(meter.ImportedWh(1) / 1000.0, Value(set, "1-0:1.8.1"), 1e-9);
        Assert.AreEqual(meter.ImportedWh(2) / 1000.0, Value(set, "1-0:1.8.2"), 1e-9);
        Assert.AreEqual(meter.ExportedWh(1) / 1000.0, Value(set, "1-0:2.8.1"), 1e-9);
        Assert.AreEqual(meter.ExportedWh(2) / 1000.0, Value(set, "1-0:2.8.2"), 1e-9);
        Assert.AreEqual(meter.ImportWatts / 1000.0, Value(set, "1-0:1.7.0"), 1e-9);
        Assert.AreEqual(meter.ExportWatts / 1000.0, Value(set, "1-0:2.7.0"), 1e-9);
        Assert.AreEqual(meter.Tariff, Value(set, "0-0:96.14.0"), 1e-9);
        Assert.AreEqual(meter.GasCapturedLitres / 1000.0, Value(set, "0-1:24.2.1"), 1e-9);
        Assert.AreEqual("2019-09-05T23:00:00+02:00", Iso(ReadingLookup.Find(set, "0-1:24.2.1").Time), "gas value of the last whole hour, local summer time");
        Assert.AreEqual("2019-09-05T23:10:03+02:00", Iso(set.Time));
    }

    [TestMethod]
    public void Over_long_telegram_reaches_the_asked_length_with_a_correct_CRC()
    {
        E350MeterModel meter = MeterWithLongPowerFailures(0);
        var writer = new E350TelegramWriter(8192);
        writer.WriteOversize(meter, 6000);

        Assert.IsTrue(writer.Length >= 6000, "length " + writer.Length);
        Assert.AreEqual(TelegramText.ArcBitwise(writer.Bytes, 0, writer.EndMarkerIndex + 1), writer.Crc);
        var roomy = new DsmrTelegramDecoder(new DsmrDecoderOptions { MaxTelegramLength = 8192, TextCapacity = 8192 });
        CollectionAssert.AreEqual(new[] { DsmrStatus.TelegramReady }, TelegramText.DecodeAll(roomy, TelegramText.Bytes(TelegramText.Of(writer.Bytes, 0, writer.Length)), 512));
    }

    internal static E350MeterModel MeterWithLongPowerFailures(int count)
    {
        for (int seed = 1; seed < 1000; seed++)
        {
            var meter = new E350MeterModel(seed, SummerEvening, false, 0);
            if (meter.LongPowerFailures == count)
            {
                return meter;
            }
        }

        throw new InvalidOperationException("no seed gives " + count + " long power failures");
    }

    // A line's shape: every digit a '9', a timestamp's season flag an 'X', the CRC's hex digits 'H'.
    private static List<string> Shapes(string telegram)
    {
        var shapes = new List<string>();
        foreach (string line in telegram.Split("\r\n"))
        {
            string shape = Regex.Replace(line, "(\\d{12})[SW]\\)", "${1}X)");
            shape = Regex.Replace(shape, "^![0-9A-F]{4}$", "!HHHH");
            shape = Regex.Replace(shape, "[0-9]", "9");
            shapes.Add(shape);
        }

        return shapes;
    }

    private static double Value(ReadingSet set, string obis) => ReadingLookup.Find(set, obis).ToDouble();

    private static string Iso(MeterTime time) => ReadingLookup.Iso(time);

    private static string HexOf(string ascii)
    {
        var hex = new System.Text.StringBuilder();
        foreach (char ch in ascii)
        {
            hex.Append(((int)ch).ToString("X2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
