using System;
using System.Collections.Generic;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Readings;
using Concentrator.Host.Simulation;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation;

[TestClass]
public sealed class E350MeterModelTests
{
    private static readonly string[] Registers = { "1-0:1.8.1", "1-0:1.8.2", "1-0:2.8.1", "1-0:2.8.2", "0-1:24.2.1" };

    [TestMethod]
    [DataRow(10, DisplayName = "every 10 s, as the E350 sends")]
    [DataRow(397, DisplayName = "every 397 s: four and a half days, nights, weekends, tariff changes")]
    public void Energy_registers_never_decrease_across_1000_telegrams_and_do_grow(int secondsBetween)
    {
        // Friday morning in spring, with solar so that the return registers move too.
        var port = new SimulatedP1Port(new SimulatedP1PortOptions { Seed = 11, SolarPeakWatts = 3500 }, new DateTime(2024, 4, 12, 4, 0, 0, DateTimeKind.Utc));
        var decoder = new DsmrTelegramDecoder(new DsmrDecoderOptions());
        DateTime time = port.Meter.TimeUtc;
        double[] first = null!;
        double[] previous = null!;
        var powers = new HashSet<double>();
        DateTime previousGasTime = DateTime.MinValue;
        for (int n = 0; n < 1000; n++)
        {
            time = time.AddSeconds(secondsBetween);
            P1Transmission transmission = port.Next(time);
            byte[] bytes = new byte[transmission.Length];
            Array.Copy(transmission.Buffer, bytes, transmission.Length);
            CollectionAssert.AreEqual(new[] { DsmrStatus.TelegramReady }, TelegramText.DecodeAll(decoder, bytes, 4096), decoder.LastError.ToString());

            ReadingSet set = decoder.Readings;
            double[] values = new double[Registers.Length];
            for (int r = 0; r < Registers.Length; r++)
            {
                values[r] = ReadingLookup.Find(set, Registers[r]).ToDouble();
                if (previous is not null)
                {
                    Assert.IsTrue(values[r] >= previous[r], Registers[r] + " went from " + previous[r] + " to " + values[r] + " at telegram " + n);
                }
            }

            DateTime gasTime = ReadingLookup.Utc(ReadingLookup.Find(set, "0-1:24.2.1").Time);
            Assert.IsTrue(gasTime >= previousGasTime, "gas capture time went back at telegram " + n);
            previousGasTime = gasTime;
            powers.Add(ReadingLookup.Find(set, "1-0:1.7.0").ToDouble());
            first ??= values;
            previous = values;
        }

        Assert.IsTrue(previous[0] + previous[1] > first[0] + first[1], "energy drawn grew");
        Assert.IsTrue(previous[4] > first[4], "gas grew");
        Assert.IsTrue(powers.Count > 20, "power varies: " + powers.Count + " distinct values");
        if (secondsBetween > 60)
        {
            Assert.IsTrue(previous[0] > first[0] && previous[1] > first[1], "both tariffs were in force at some time");
            Assert.IsTrue(previous[2] + previous[3] > first[2] + first[3], "solar fed back");
        }
    }

    [TestMethod]
    public void Energy_is_booked_in_the_tariff_in_force()
    {
        // Wednesday 2024-01-17: low tariff before 07:00 local, normal from 07:00 to 23:00.
        var meter = new E350MeterModel(3, new DateTime(2024, 1, 17, 4, 0, 0, DateTimeKind.Utc), false, 0);
        long t1 = meter.ImportedWh(1);
        long t2 = meter.ImportedWh(2);
        for (DateTime t = meter.TimeUtc; t < new DateTime(2024, 1, 17, 5, 59, 0, DateTimeKind.Utc); t = t.AddSeconds(10))
        {
            meter.AdvanceTo(t);
            Assert.AreEqual(1, meter.Tariff, "05:00 .. 06:59 local on a weekday is low tariff");
        }

        Assert.IsTrue(meter.ImportedWh(1) > t1, "night energy went into tariff 1");
        Assert.AreEqual(t2, meter.ImportedWh(2), "nothing into tariff 2 at night");

        meter.AdvanceTo(new DateTime(2024, 1, 17, 6, 0, 10, DateTimeKind.Utc));
        t1 = meter.ImportedWh(1);
        t2 = meter.ImportedWh(2);
        for (DateTime t = meter.TimeUtc; t < new DateTime(2024, 1, 17, 9, 0, 0, DateTimeKind.Utc); t = t.AddSeconds(10))
        {
            meter.AdvanceTo(t);
            Assert.AreEqual(2, meter.Tariff, "07:00 .. 10:00 local on a weekday is normal tariff");
        }

        Assert.AreEqual(t1, meter.ImportedWh(1), "nothing into tariff 1 by day");
        Assert.IsTrue(meter.ImportedWh(2) > t2, "day energy went into tariff 2");

        Assert.AreEqual(1, E350MeterModel.TariffAt(new DateTime(2024, 1, 20, 12, 0, 0, DateTimeKind.Utc)), "Saturday noon is low tariff");
        Assert.AreEqual(1, E350MeterModel.TariffAt(new DateTime(2024, 1, 17, 22, 0, 0, DateTimeKind.Utc)), "23:00 local is low tariff");
        Assert.AreEqual(2, E350MeterModel.TariffAt(new DateTime(2024, 7, 17, 20, 59, 59, DateTimeKind.Utc)), "22:59:59 summer time is normal tariff");
    }

    [TestMethod]
    public void Gas_value_is_captured_on_the_whole_hour_and_every_5_minutes_in_DSMR_5()
    {
        var start = new DateTime(2024, 1, 17, 6, 58, 0, DateTimeKind.Utc);
        var hourly = new E350MeterModel(4, start, false, 0);
        var fiveMinutes = new E350MeterModel(4, start, true, 0);
        Assert.AreEqual(new DateTime(2024, 1, 17, 6, 0, 0, DateTimeKind.Utc), hourly.GasCaptureUtc);
        Assert.AreEqual(new DateTime(2024, 1, 17, 6, 55, 0, DateTimeKind.Utc), fiveMinutes.GasCaptureUtc);

        long before = hourly.GasCapturedLitres;
        hourly.AdvanceTo(start.AddSeconds(110));
        Assert.AreEqual(before, hourly.GasCapturedLitres, "no new value before the hour");
        hourly.AdvanceTo(start.AddSeconds(130));
        Assert.AreEqual(new DateTime(2024, 1, 17, 7, 0, 0, DateTimeKind.Utc), hourly.GasCaptureUtc);
        Assert.IsTrue(hourly.GasCapturedLitres > before, "a winter morning burns gas");

        fiveMinutes.AdvanceTo(start.AddMinutes(8));
        Assert.AreEqual(new DateTime(2024, 1, 17, 7, 5, 0, DateTimeKind.Utc), fiveMinutes.GasCaptureUtc);
    }

    [TestMethod]
    public void Same_seed_and_times_give_the_same_telegrams_and_another_seed_another_meter()
    {
        var start = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);
        var faults = new[] { P1FaultRule.WithProbability(P1FaultKind.BadCrc, 0.2), P1FaultRule.WithProbability(P1FaultKind.Garbage, 0.2) };
        var a = new SimulatedP1Port(new SimulatedP1PortOptions { Seed = 42, Faults = faults }, start);
        var b = new SimulatedP1Port(new SimulatedP1PortOptions { Seed = 42, Faults = faults }, start);
        var c = new SimulatedP1Port(new SimulatedP1PortOptions { Seed = 43, Faults = faults }, start);
        for (int i = 1; i <= 50; i++)
        {
            DateTime t = start.AddSeconds(10 * i);
            P1Transmission x = a.Next(t);
            string textA = TelegramText.Of(x.Buffer, 0, x.Length);
            P1Transmission y = b.Next(t);
            Assert.AreEqual(textA, TelegramText.Of(y.Buffer, 0, y.Length), "telegram " + i);
            P1Transmission z = c.Next(t);
            Assert.AreNotEqual(textA, TelegramText.Of(z.Buffer, 0, z.Length), "telegram " + i);
        }

        Assert.AreNotEqual(a.Meter.Identification, c.Meter.Identification);
    }
}
