using Concentrator.Core.Obis;

namespace Concentrator.Host.Simulation.Dlms;

/// <summary>
/// The measured values of the simulated DLMS meter as closed-form functions of time, so that a register read now and
/// a load-profile row of last Tuesday agree: import energy grows by a daily load curve (never backwards), every
/// other energy register is a fixed share of it, instantaneous values follow the same curve.
/// </summary>
public sealed class CosemMeterValues
{
    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly double _startWh;

    public CosemMeterValues(int seed)
    {
        _startWh = 3_000_000 + new Random(seed).Next(0, 2_000_000);
    }

    /// <summary>Total import energy (Wh) at the given instant.</summary>
    public double ImportWh(DateTime utc)
    {
        double hours = (utc - Epoch).TotalHours;
        // 1.5 kW mean with a daily swing; the derivative stays positive (1500 ± 105 W).
        return _startWh + 1500 * hours + 400 * Math.Sin(2 * Math.PI * hours / 24);
    }

    /// <summary>Active import power (W) at the given instant: the derivative of <see cref="ImportWh"/>.</summary>
    public double ImportWatts(DateTime utc)
    {
        double hours = (utc - Epoch).TotalHours;
        return 1500 + 400 * (2 * Math.PI / 24) * Math.Cos(2 * Math.PI * hours / 24);
    }

    /// <summary>An energy register (value group D = 8): its share of the import total, by quantity (C) and rate (E).</summary>
    public double EnergyRegister(ObisCode obis, DateTime utc)
    {
        double share = obis.C switch
        {
            1 => 1.0,
            2 => 0.05,
            3 => 0.30,
            4 => 0.02,
            5 => 0.25,
            6 => 0.05,
            7 => 0.01,
            8 => 0.01,
            9 => 1.05,
            15 => 1.05,
            16 => 0.95,
            21 => 0.34,
            41 => 0.33,
            61 => 0.33,
            22 or 42 or 62 => 0.017,
            128 => 1.0,
            130 or 131 or 132 => 0.31,
            133 => 0.02,
            82 => 0,
            _ => 0.1,
        };
        double rate = obis.E switch
        {
            0 => 1.0,
            1 => 0.62,
            2 => 0.38,
            _ => 0.0,
        };
        return Math.Floor(ImportWh(utc) * share * rate);
    }

    public static double Volts(int phase, DateTime utc) => phase switch { 1 => 230.4, 2 => 229.7, _ => 231.2 } + Math.Round(Math.Sin(utc.Minute / 10.0), 1);
}
