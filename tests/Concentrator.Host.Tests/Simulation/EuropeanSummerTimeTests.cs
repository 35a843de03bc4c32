using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Readings;
using Concentrator.Host.Simulation;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation;

[TestClass]
public sealed class EuropeanSummerTimeTests
{
    [TestMethod]
    [DataRow("2024-03-31T00:59:50Z", "240331015950W", "+01:00", DisplayName = "spring 2024: last second block of winter time")]
    [DataRow("2024-03-31T01:00:00Z", "240331030000S", "+02:00", DisplayName = "spring 2024: 02:00 local jumps to 03:00 S")]
    [DataRow("2024-10-27T00:59:50Z", "241027025950S", "+02:00", DisplayName = "autumn 2024: 02:59:50 S, the first time")]
    [DataRow("2024-10-27T01:00:00Z", "241027020000W", "+01:00", DisplayName = "autumn 2024: 02:00 again, now W")]
    [DataRow("2025-03-30T01:00:00Z", "250330030000S", "+02:00", DisplayName = "spring 2025")]
    [DataRow("2025-10-26T00:30:00Z", "251026023000S", "+02:00", DisplayName = "autumn 2025, before the change")]
    [DataRow("2025-10-26T01:30:00Z", "251026023000W", "+01:00", DisplayName = "autumn 2025, the repeated half hour")]
    public void Telegram_clock_carries_the_season_flag_of_Amsterdam_on_DST_change_dates(string utc, string expectedTimestamp, string expectedOffset)
    {
        DateTime time = DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var meter = new E350MeterModel(2, time.AddSeconds(-10), false, 0);
        meter.AdvanceTo(time);
        var writer = new E350TelegramWriter(E350TelegramWriter.NormalCapacity);
        writer.Write(meter);
        string text = TelegramText.Of(writer.Bytes, 0, writer.Length);

        StringAssert.Contains(text, "0-0:1.0.0(" + expectedTimestamp + ")\r\n");
        var decoder = new DsmrTelegramDecoder(new DsmrDecoderOptions());
        CollectionAssert.AreEqual(new[] { DsmrStatus.TelegramReady }, TelegramText.DecodeAll(decoder, TelegramText.Bytes(text), 1024));
        StringAssert.EndsWith(ReadingLookup.Iso(decoder.Readings.Time), expectedOffset, "Core reads the flag back as the right offset");
    }

    [TestMethod]
    public void Gas_values_of_the_repeated_autumn_hour_are_told_apart_by_the_flag()
    {
        // 2024-10-27: 00:00 UTC is 02:00 summer time, 01:00 UTC is 02:00 winter time.
        var meter = new E350MeterModel(2, new DateTime(2024, 10, 26, 23, 59, 0, DateTimeKind.Utc), false, 0);
        var writer = new E350TelegramWriter(E350TelegramWriter.NormalCapacity);
        meter.AdvanceTo(new DateTime(2024, 10, 27, 0, 30, 0, DateTimeKind.Utc));
        writer.Write(meter);
        StringAssert.Contains(TelegramText.Of(writer.Bytes, 0, writer.Length), "0-1:24.2.1(241027020000S)(");
        meter.AdvanceTo(new DateTime(2024, 10, 27, 1, 30, 0, DateTimeKind.Utc));
        writer.Write(meter);
        StringAssert.Contains(TelegramText.Of(writer.Bytes, 0, writer.Length), "0-1:24.2.1(241027020000W)(");
    }

    [TestMethod]
    public void Agrees_with_the_system_time_zone_database_hour_by_hour_2020_to_2030()
    {
        TimeZoneInfo amsterdam;
        try
        {
            amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            Assert.Inconclusive("no time zone database on this machine");
            return;
        }

        for (var utc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc); utc.Year < 2031; utc = utc.AddMinutes(30))
        {
            DateTime local = EuropeanSummerTime.ToLocal(utc, out bool summer);
            Assert.AreEqual(TimeZoneInfo.ConvertTimeFromUtc(utc, amsterdam), local, "local time at " + utc.ToString("o"));
            Assert.AreEqual(amsterdam.IsDaylightSavingTime(utc), summer, "season at " + utc.ToString("o"));
        }
    }

    [TestMethod]
    public void Local_times_are_refused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => EuropeanSummerTime.IsSummer(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Local)));
    }
}
