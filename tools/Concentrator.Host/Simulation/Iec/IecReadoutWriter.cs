using System.Globalization;
using System.Text;

namespace Concentrator.Host.Simulation.Iec;

/// <summary>
/// Writes the data of a Landis+Gyr style optical readout (IEC 62056-21 data lines, the E350/ZMD object set of the
/// MeterCom seed) from an <see cref="E350MeterModel"/>: error register, addresses, clock, energy registers per rate,
/// instantaneous values, maximum demand with its time, power failures, firmware, and optionally previous billing
/// periods until the readout reaches a target size.
/// </summary>
public static class IecReadoutWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The data block's text, "F.F(00000000)\r\n…!\r\n" (without STX, ETX and BCC).</summary>
    public static string Write(E350MeterModel meter, IecMeterProfile profile, DateTime localTime)
    {
        var text = new StringBuilder(4096);
        Line(text, "F.F", "00000000");
        Line(text, "0.0.0", profile.Address);
        Line(text, "C.1.0", meter.EquipmentId.Substring(meter.EquipmentId.Length - 8));
        Line(text, "0.9.1", localTime.ToString("HHmmss", Invariant));
        Line(text, "0.9.2", "1" + localTime.ToString("yyMMdd", Invariant));
        long t1 = meter.ImportedWh(1);
        long t2 = meter.ImportedWh(2);
        Line(text, "1.8.0", Kwh(t1 + t2));
        Line(text, "1.8.1", Kwh(t1));
        Line(text, "1.8.2", Kwh(t2));
        long e1 = meter.ExportedWh(1);
        long e2 = meter.ExportedWh(2);
        Line(text, "2.8.0", Kwh(e1 + e2));
        Line(text, "2.8.1", Kwh(e1));
        Line(text, "2.8.2", Kwh(e2));
        Line(text, "3.8.0", Value((t1 + t2) / 7, 3, 10, "kvarh"));
        Line(text, "4.8.0", Value((e1 + e2) / 9, 3, 10, "kvarh"));
        Line(text, "15.8.0", Kwh(t1 + t2 + e1 + e2));
        Line(text, "1.7.0", Value(meter.ImportWatts, 3, 6, "kW"));
        Line(text, "2.7.0", Value(meter.ExportWatts, 3, 6, "kW"));
        text.Append("32.7.0(230.1*V)52.7.0(231.4*V)72.7.0(229.8*V)\r\n");
        Line(text, "31.7.0", Value(meter.CurrentAmperes * 100L, 2, 6, "A"));
        Line(text, "14.7.0", "49.99*Hz");
        Line(text, "13.7.0", "0.98");
        text.Append("1.6.0(").Append(Value(meter.ImportWatts + 1250, 3, 7, "kW")).Append(")(")
            .Append(localTime.AddDays(-3).ToString("yy-MM-dd 09:15", Invariant)).Append(")\r\n");
        Line(text, "C.7.0", meter.PowerFailures.ToString("D4", Invariant));
        Line(text, "0.2.0", "B32");
        Line(text, "0.2.1", "P07");
        Line(text, "C.90.1", "");
        for (int period = 1; profile.ReadoutTargetBytes > 0 && text.Length + 80 < profile.ReadoutTargetBytes && period <= 99; period++)
        {
            long earlier = Math.Max(0, t1 + t2 - period * 250_000L);
            text.Append("1.8.0*").Append(period.ToString("D2", Invariant)).Append('(').Append(Kwh(earlier)).Append(")\r\n");
            text.Append("1.6.0*").Append(period.ToString("D2", Invariant)).Append('(').Append(Value(2000 + period * 37 % 900, 3, 7, "kW"))
                .Append(")(").Append(localTime.AddMonths(-period).ToString("yy-MM-01 18:45", Invariant)).Append(")\r\n");
        }

        text.Append("!\r\n");
        return text.ToString();
    }

    /// <summary>The value of one register by short address, as the meter answers an R1 read ("1.8.0(0012345.678*kWh)"); null when unknown.</summary>
    public static string? Register(string readout, string address)
    {
        int start = readout.StartsWith(address + "(", StringComparison.Ordinal) ? 0 : readout.IndexOf("\n" + address + "(", StringComparison.Ordinal) + 1;
        if (start <= 0 && !readout.StartsWith(address + "(", StringComparison.Ordinal))
        {
            return null;
        }

        int end = readout.IndexOf('\r', start);
        return readout.Substring(start, end - start);
    }

    private static void Line(StringBuilder text, string address, string value)
    {
        text.Append(address).Append('(').Append(value).Append(")\r\n");
    }

    private static string Kwh(long wattHours) => Value(wattHours, 3, 11, "kWh");

    // The value with `decimals` places, zero-padded to `width` characters before the unit, as L+G meters show it.
    private static string Value(long scaled, int decimals, int width, string unit)
    {
        long divisor = 1;
        for (int i = 0; i < decimals; i++)
        {
            divisor *= 10;
        }

        string number = (scaled / divisor).ToString(Invariant) + "." + (scaled % divisor).ToString("D" + decimals, Invariant);
        return number.PadLeft(width, '0') + "*" + unit;
    }
}
