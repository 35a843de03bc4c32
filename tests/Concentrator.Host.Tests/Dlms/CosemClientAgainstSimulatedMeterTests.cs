using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Host.Simulation;
using Concentrator.Host.Simulation.Dlms;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Dlms;

[TestClass]
public sealed class CosemClientAgainstSimulatedMeterTests
{
    private static Reading Find(ReadingSet set, string obis)
    {
        ObisCode code = DlmsTestMeter.Obis(obis);
        for (int i = 0; i < set.Count; i++)
        {
            if (set[i].Obis == code)
            {
                return set[i];
            }
        }

        throw new AssertFailedException("no reading for " + obis);
    }

    private static string Unit(ReadingSet set, Reading reading) => set.GetText(reading.UnitStart, reading.UnitLength);

    [TestMethod]
    public void Public_client_associates_without_password_and_gets_the_negotiated_conformance()
    {
        var meter = new DlmsTestMeter();
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate(), meter.Client.LastError.ToString());
        Assert.IsTrue(meter.Client.Associated);
        Assert.IsTrue(meter.Client.WithListInUse);
        Assert.AreEqual(512, meter.Client.ServerMaxReceivePduSize);
        Assert.AreEqual(DlmsAuthentication.None, meter.Server.Authentication);
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Release());
        Assert.IsFalse(meter.Server.Associated);
    }

    [TestMethod]
    public void Meter_reader_associates_with_the_password()
    {
        var meter = new DlmsTestMeter(configureClient: o =>
        {
            o.Authentication = DlmsAuthentication.Low;
            o.Password = "HELLO";
        });
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate(), meter.Client.LastError.ToString());
        Assert.AreEqual(DlmsAuthentication.Low, meter.Server.Authentication);
    }

    [TestMethod]
    public void A_wrong_password_is_rejected_with_the_meters_diagnostic()
    {
        var meter = new DlmsTestMeter(configureClient: o =>
        {
            o.Authentication = DlmsAuthentication.Low;
            o.Password = "HELLO?";
        });
        Assert.AreEqual(DlmsClientStatus.AssociationRejected, meter.Client.Associate());
        Assert.IsFalse(meter.Client.Associated);
        Assert.AreEqual("association rejected: rejected-permanent (1), acse-service-user: authentication-failure (13)", meter.Client.LastError.ToString());
    }

    [TestMethod]
    public void A_meter_that_requires_a_password_says_so()
    {
        var meter = new DlmsTestMeter(m => m.AllowNoAuthentication = false);
        Assert.AreEqual(DlmsClientStatus.AssociationRejected, meter.Client.Associate());
        StringAssert.Contains(meter.Client.LastError.ToString(), "authentication-required (14)");
    }

    [TestMethod]
    public void Reads_twenty_registers_with_scaler_and_unit_in_two_round_trips()
    {
        var meter = new DlmsTestMeter();
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        int before = meter.Transport.RoundTrips;
        var set = new ReadingSet(64, 2048);
        CosemObjectInfo[] registers = DlmsTestMeter.TwentyRegisters();
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadObjects(registers, registers.Length, set), meter.Reader.LastError.ToString());
        int firstRead = meter.Transport.RoundTrips - before;

        Assert.AreEqual(20, set.Count);
        Assert.AreEqual("dlms", set.Protocol);
        Reading energy = Find(set, "1-0:1.8.0");
        Assert.AreEqual(ReadingKind.Number, energy.Kind);
        Assert.AreEqual(meter.Server.Model.Values.EnergyRegister(DlmsTestMeter.Obis("1-0:1.8.0"), DlmsTestMeter.Now), energy.ToDouble());
        Assert.AreEqual("Wh", Unit(set, energy));
        Reading voltage = Find(set, "1-0:32.7.0");
        Assert.AreEqual(-1, (int)voltage.Exponent);
        Assert.AreEqual(Math.Round(CosemMeterValues.Volts(1, DlmsTestMeter.Now), 1), voltage.ToDouble(), 1e-9);
        Assert.AreEqual("V", Unit(set, voltage));
        Assert.AreEqual("A", Unit(set, Find(set, "1-0:31.7.0")));
        Assert.AreEqual(50.0, Find(set, "1-0:14.7.0").ToDouble());
        Assert.AreEqual("Hz", Unit(set, Find(set, "1-0:14.7.0")));
        Reading powerFactor = Find(set, "1-0:13.7.0");
        Assert.AreEqual(0.97, powerFactor.ToDouble(), 1e-9);
        Assert.AreEqual(0, powerFactor.UnitLength, "unit 255 (count) has no unit text");
        Assert.AreEqual("varh", Unit(set, Find(set, "1-0:3.8.0")));

        // 40 attributes (20 values + 20 scaler_units) at 32 per with-list request: two requests.
        Assert.AreEqual(2, firstRead);
        Console.WriteLine("with-list, first read: " + firstRead + " round trips, APDU bytes sent " + meter.Transport.BytesSent + ", received " + meter.Transport.BytesReceived + " (incl. AARQ/AARE)");
        long sent = meter.Transport.BytesSent;
        long received = meter.Transport.BytesReceived;

        // Scaler and unit are cached: the next read asks only for the 20 values, in one request.
        set.Clear();
        before = meter.Transport.RoundTrips;
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadObjects(registers, registers.Length, set));
        Assert.AreEqual(1, meter.Transport.RoundTrips - before);
        Assert.AreEqual(20, set.Count);
        Assert.AreEqual(20, meter.Reader.ScalerUnits.Count);
        Console.WriteLine("with-list, cached read: 1 round trip, APDU bytes sent " + (meter.Transport.BytesSent - sent) + ", received " + (meter.Transport.BytesReceived - received));
    }

    [TestMethod]
    public void Without_with_list_the_same_registers_take_one_GET_per_attribute()
    {
        var meter = new DlmsTestMeter(configureClient: o => o.UseWithList = false);
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        var set = new ReadingSet(64, 2048);
        CosemObjectInfo[] registers = DlmsTestMeter.TwentyRegisters();
        int before = meter.Transport.RoundTrips;
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadObjects(registers, registers.Length, set));
        Assert.AreEqual(40, meter.Transport.RoundTrips - before);
        Console.WriteLine("single GETs, first read: 40 round trips, APDU bytes sent " + meter.Transport.BytesSent + ", received " + meter.Transport.BytesReceived + " (incl. AARQ/AARE)");
        long sent = meter.Transport.BytesSent;
        long received = meter.Transport.BytesReceived;
        set.Clear();
        before = meter.Transport.RoundTrips;
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadObjects(registers, registers.Length, set));
        Assert.AreEqual(20, meter.Transport.RoundTrips - before);
        Console.WriteLine("single GETs, cached read: 20 round trips, APDU bytes sent " + (meter.Transport.BytesSent - sent) + ", received " + (meter.Transport.BytesReceived - received));
        Assert.AreEqual(0, meter.Server.WithListRequests);
    }

    [TestMethod]
    public void A_meter_without_multiple_references_is_read_with_single_GETs_and_the_same_values()
    {
        var withList = new DlmsTestMeter();
        var without = new DlmsTestMeter(m => m.Conformance &= ~Conformance.MultipleReferences);
        Assert.AreEqual(DlmsClientStatus.Ok, withList.Client.Associate());
        Assert.AreEqual(DlmsClientStatus.Ok, without.Client.Associate());
        Assert.IsFalse(without.Client.WithListInUse);
        var a = new ReadingSet(64, 2048);
        var b = new ReadingSet(64, 2048);
        CosemObjectInfo[] registers = DlmsTestMeter.TwentyRegisters();
        Assert.AreEqual(DlmsClientStatus.Ok, withList.Reader.ReadObjects(registers, registers.Length, a));
        Assert.AreEqual(DlmsClientStatus.Ok, without.Reader.ReadObjects(registers, registers.Length, b));
        Assert.AreEqual(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.AreEqual(a[i].Obis, b[i].Obis);
            Assert.AreEqual(a[i].Mantissa, b[i].Mantissa);
            Assert.AreEqual(a[i].Exponent, b[i].Exponent);
        }
    }

    [TestMethod]
    public void A_refused_object_is_named_and_the_others_are_still_read()
    {
        var meter = new DlmsTestMeter();
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        var objects = new[]
        {
            new CosemObjectInfo(CosemObjectInfo.RegisterClass, DlmsTestMeter.Obis("1-0:1.8.0")),
            new CosemObjectInfo(CosemObjectInfo.RegisterClass, DlmsTestMeter.Obis("1-0:99.99.0")),
            new CosemObjectInfo(CosemObjectInfo.RegisterClass, DlmsTestMeter.Obis("1-0:2.8.0")),
        };
        var set = new ReadingSet(8, 512);
        Assert.AreEqual(DlmsClientStatus.DataAccessError, meter.Reader.ReadObjects(objects, objects.Length, set));
        Assert.AreEqual(2, set.Count);
        Assert.AreEqual(1, meter.Reader.Refused);
        Assert.AreEqual("meter refused the attribute: data-access-result object-undefined (4) [class 3 1-0:99.99.0*255 attribute 3]", meter.Reader.LastError.ToString());
    }

    [TestMethod]
    public void Reads_data_objects_the_clock_and_the_extended_and_demand_registers()
    {
        var meter = new DlmsTestMeter();
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        var objects = new[]
        {
            new CosemObjectInfo(CosemObjectInfo.DataClass, DlmsTestMeter.Obis("0-0:42.0.0")),
            new CosemObjectInfo(CosemObjectInfo.DataClass, DlmsTestMeter.Obis("0-0:96.14.0")),
            new CosemObjectInfo(CosemObjectInfo.DataClass, DlmsTestMeter.Obis("0-0:96.14.1")),
            new CosemObjectInfo(CosemObjectInfo.ClockClass, DlmsTestMeter.Obis("0-0:1.0.0")),
            new CosemObjectInfo(CosemObjectInfo.ExtendedRegisterClass, CosemObjectModel.MaximumDemandImport),
            new CosemObjectInfo(CosemObjectInfo.DemandRegisterClass, DlmsTestMeter.Obis("1-0:1.4.0")),
        };
        var set = new ReadingSet(16, 1024);
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadObjects(objects, objects.Length, set), meter.Reader.LastError.ToString());
        Assert.AreEqual(6, set.Count);
        Reading name = Find(set, "0-0:42.0.0");
        Assert.AreEqual(ReadingKind.Text, name.Kind);
        Assert.AreEqual("LGZ0000011620371", set.GetText(name.TextStart, name.TextLength));
        Assert.AreEqual(1.0, Find(set, "0-0:96.14.0").ToDouble(), "rate 1 at 13:07 local");
        Assert.AreEqual(1.0, Find(set, "0-0:96.14.1").ToDouble(), "relay 1 closed (boolean)");

        Reading clock = Find(set, "0-0:1.0.0");
        Assert.AreEqual(ReadingKind.Timestamp, clock.Kind);
        Assert.AreEqual(new DateTime(2026, 11, 21, 13, 7, 30), clock.Time.Local);
        Assert.AreEqual(60, (int)clock.Time.UtcOffsetMinutes);
        Assert.AreEqual(DaylightSaving.Standard, clock.Time.Season);
        Assert.AreEqual("2026-11-21T13:07:30+01:00", set.GetText(clock.TextStart, clock.TextLength));
        Assert.IsTrue(set.HasTime, "the clock also dates the set");

        Reading maximum = Find(set, "1-0:1.6.0");
        Assert.AreEqual(1880.0, maximum.ToDouble());
        Assert.AreEqual("W", Unit(set, maximum));
        Assert.IsTrue(maximum.HasTime, "extended register capture time");
        Assert.AreEqual(new DateTime(2026, 11, 20, 19, 0, 0), maximum.Time.Local);

        Reading demand = Find(set, "1-0:1.4.0");
        Assert.AreEqual(Math.Round(meter.Server.Model.Values.ImportWatts(DlmsTestMeter.Now)), demand.ToDouble());
        Assert.AreEqual("W", Unit(set, demand));
    }

    [TestMethod]
    public void Reads_the_clock_into_the_set()
    {
        var meter = new DlmsTestMeter(m => m.UtcNow = () => new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc));
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        var set = new ReadingSet(4, 128);
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadClock(set));
        Assert.IsTrue(set.HasTime);
        Assert.AreEqual(new DateTime(2026, 7, 1, 12, 0, 0), set.Time.Local);
        Assert.AreEqual(120, (int)set.Time.UtcOffsetMinutes);
        Assert.AreEqual(DaylightSaving.Summer, set.Time.Season);
    }

    [TestMethod]
    public void Discovers_the_meters_objects_through_the_association_object_list_with_block_transfer()
    {
        var meter = new DlmsTestMeter();
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        var objects = new CosemObjectInfo[400];
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadObjectList(objects, out int total), meter.Reader.LastError.ToString());
        Assert.AreEqual(meter.Server.Model.Objects.Count, total);
        Assert.AreEqual(275, total, "274 objects of the MeterCom manual plus the maximum demand register");
        Assert.IsTrue(meter.Server.BlocksSent > 5, "the list is far larger than one 512-byte APDU: " + meter.Server.BlocksSent + " blocks");
        Assert.AreEqual(new CosemObjectInfo(1, DlmsTestMeter.Obis("0-0:42.0.0")).LogicalName, objects[0].LogicalName);
        Assert.AreEqual(CosemObjectInfo.ClockClass, objects.Take(total).Single(o => o.LogicalName == CosemObjectModel.ClockName).ClassId);
        Assert.AreEqual(11, objects.Take(total).Count(o => o.ClassId == CosemObjectInfo.ProfileGenericClass));

        var small = new CosemObjectInfo[10];
        Assert.AreEqual(DlmsClientStatus.CapacityExceeded, meter.Reader.ReadObjectList(small, out total));
        Assert.AreEqual(275, total);
        StringAssert.Contains(meter.Reader.LastError.ToString(), "object list fits the array given (expected 10, got 275)");
    }

    [TestMethod]
    public void Reads_one_hour_of_the_15_minute_load_profile_by_range()
    {
        var meter = new DlmsTestMeter();
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        var set = new ReadingSet(64, 1024);
        CosemDateTime from = CosemObjectModel.ClockValue(new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc));
        CosemDateTime to = CosemObjectModel.ClockValue(new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc));
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadProfile(CosemObjectModel.LoadProfile, SelectiveAccess.ByRange(from, to), set), meter.Reader.LastError.ToString());

        Assert.AreEqual(900, meter.Reader.CapturePeriodSeconds);
        Assert.AreEqual(5, meter.Reader.ProfileColumns);
        Assert.AreEqual(5 * 4, set.Count, "rows 10:00, 10:15, 10:30, 10:45, 11:00 local × 4 energy columns");
        Reading first = set[0];
        Assert.AreEqual(DlmsTestMeter.Obis("1-0:1.8.0"), first.Obis);
        Assert.AreEqual(new DateTime(2026, 11, 21, 10, 0, 0), first.Time.Local);
        Assert.AreEqual(meter.Server.Model.Values.EnergyRegister(first.Obis, new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc)), first.ToDouble());
        Assert.AreEqual("Wh", Unit(set, first));
        Reading last = set[set.Count - 1];
        Assert.AreEqual(DlmsTestMeter.Obis("1-0:4.8.0"), last.Obis);
        Assert.AreEqual(new DateTime(2026, 11, 21, 11, 0, 0), last.Time.Local);
        Assert.AreEqual("varh", Unit(set, last));

        // The definition and the scaler_units are kept: the next quarter hour costs one GET.
        set.Clear();
        int before = meter.Transport.RoundTrips;
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadProfile(CosemObjectModel.LoadProfile, SelectiveAccess.ByRange(to, to), set));
        Assert.AreEqual(1, meter.Transport.RoundTrips - before);
        Assert.AreEqual(4, set.Count);
    }

    [TestMethod]
    public void Reads_the_last_entries_of_the_profile_by_entry_and_a_whole_day_with_block_transfer()
    {
        var meter = new DlmsTestMeter();
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        var set = new ReadingSet(512, 16384);
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadProfile(CosemObjectModel.LoadProfile, SelectiveAccess.ByEntry(959, 960), set), meter.Reader.LastError.ToString());
        Assert.AreEqual(8, set.Count);
        Assert.AreEqual(new DateTime(2026, 11, 21, 13, 0, 0), set[set.Count - 1].Time.Local, "newest row: 12:00 UTC");

        set.Clear();
        int blocks = meter.Server.BlocksSent;
        CosemDateTime from = CosemObjectModel.ClockValue(new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc));
        CosemDateTime to = CosemObjectModel.ClockValue(new DateTime(2026, 11, 21, 11, 45, 0, DateTimeKind.Utc));
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadProfile(CosemObjectModel.LoadProfile, SelectiveAccess.ByRange(from, to), set), meter.Reader.LastError.ToString());
        Assert.AreEqual(96 * 4, set.Count);
        Assert.IsTrue(meter.Server.BlocksSent - blocks > 5, "a day of rows is many blocks");
        double previous = 0;
        for (int i = 0; i < set.Count; i += 4)
        {
            Assert.IsTrue(set[i].ToDouble() >= previous, "import energy never decreases");
            previous = set[i].ToDouble();
        }
    }

    [TestMethod]
    public void A_meter_that_drops_the_association_is_reported_as_association_lost()
    {
        var meter = new DlmsTestMeter(m => m.DropAssociationAfterGets = 1);
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        var set = new ReadingSet(64, 2048);
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadClock(set));
        CosemObjectInfo[] registers = DlmsTestMeter.TwentyRegisters();
        Assert.AreEqual(DlmsClientStatus.AssociationLost, meter.Reader.ReadObjects(registers, registers.Length, set));
        Assert.IsFalse(meter.Client.Associated);
        StringAssert.StartsWith(meter.Client.LastError.ToString(), "association lost: exception-response state-error service-not-allowed");

        // Associating again recovers.
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadClock(set));
    }

    [TestMethod]
    public void A_silent_meter_is_a_transport_timeout_not_a_hang()
    {
        var meter = new DlmsTestMeter();
        meter.Transport.Silent = true;
        Assert.AreEqual(DlmsClientStatus.TransportFailed, meter.Client.Associate());
        Assert.AreEqual("transport failed (Timeout): no answer from the meter", meter.Client.LastError.ToString());
    }

    [TestMethod]
    public void GET_before_association_is_refused_by_the_client()
    {
        var meter = new DlmsTestMeter();
        Assert.AreEqual(DlmsClientStatus.NotAssociated, meter.Client.Get(new CosemAttributeDescriptor(8, CosemObjectModel.ClockName, 2)));
        Assert.AreEqual(0, meter.Transport.RoundTrips);
    }

    [TestMethod]
    public void A_small_client_PDU_forces_block_transfer_of_a_with_list_response()
    {
        var meter = new DlmsTestMeter(configureClient: o => o.MaxReceivePduSize = 64);
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Client.Associate());
        var set = new ReadingSet(64, 2048);
        CosemObjectInfo[] registers = DlmsTestMeter.TwentyRegisters();
        Assert.AreEqual(DlmsClientStatus.Ok, meter.Reader.ReadObjects(registers, registers.Length, set), meter.Reader.LastError.ToString());
        Assert.AreEqual(20, set.Count);
        Assert.IsTrue(meter.Server.BlocksSent > 2);
        Assert.AreEqual(meter.Server.Model.Values.EnergyRegister(DlmsTestMeter.Obis("1-0:1.8.0"), DlmsTestMeter.Now), Find(set, "1-0:1.8.0").ToDouble());
    }
}
