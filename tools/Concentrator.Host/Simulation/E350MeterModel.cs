using System;

namespace Concentrator.Host.Simulation;

/// <summary>
/// The values of a simulated Landis+Gyr E350 (a Dutch household connection with a gas meter on its M-Bus), evolving
/// with time: power follows a daily household profile with noise and appliances switching on and off (and an
/// optional solar installation feeding back), the energy registers integrate that power in the tariff in force
/// (never going backwards), the gas meter integrates a heating and hot-water flow and its value is captured on the
/// hour (every 5 minutes in DSMR 5). Deterministic: the same seed and the same sequence of times give the same values.
/// </summary>
public sealed class E350MeterModel
{
    /// <summary>Nominal voltage used to derive the phase current from the power.</summary>
    public const int NominalVolts = 230;

    // Household consumption (W) at each local hour 0..24, interpolated in between.
    private static readonly double[] DailyProfileWatts =
    {
        190, 170, 160, 160, 160, 170, 260, 520, 640, 430, 360, 380, 460,
        400, 360, 370, 460, 820, 1150, 900, 760, 700, 560, 330, 190,
    };

    private readonly Random _random;
    private readonly double _solarPeakWatts;
    private readonly TimeSpan _gasCapturePeriod;
    private readonly double[] _importedWh = new double[2];
    private readonly double[] _exportedWh = new double[2];
    private readonly DateTime[] _failureEndUtc;
    private readonly int[] _failureSeconds;

    private double _importWatts;
    private double _exportWatts;
    private double _gasLitresPerHour;
    private double _gasLitres;
    private double _applianceWatts;
    private DateTime _applianceUntilUtc;
    private double _cloudFactor = 1;

    /// <param name="seed">Picks the serial numbers, the starting registers and every random variation.</param>
    /// <param name="startUtc">The meter's clock at the start.</param>
    /// <param name="dsmr5">DSMR 5: the gas value is captured every 5 minutes instead of every hour.</param>
    /// <param name="solarPeakWatts">Peak output of a solar installation behind the meter; 0 for none.</param>
    public E350MeterModel(int seed, DateTime startUtc, bool dsmr5, double solarPeakWatts)
    {
        if (solarPeakWatts < 0 || solarPeakWatts > 50000)
        {
            throw new ArgumentOutOfRangeException(nameof(solarPeakWatts), solarPeakWatts, "solar peak must be 0 .. 50000 W");
        }

        _random = new Random(seed);
        _solarPeakWatts = solarPeakWatts;
        _gasCapturePeriod = dsmr5 ? TimeSpan.FromMinutes(5) : TimeSpan.FromHours(1);
        Dsmr5 = dsmr5;

        Identification = "XMX5LGBBFG10" + Digits(8);
        EquipmentId = "E00" + Digits(14);
        GasEquipmentId = "G00" + Digits(14);

        _importedWh[0] = _random.Next(800000, 6000000) + _random.NextDouble();
        _importedWh[1] = _random.Next(800000, 8000000) + _random.NextDouble();
        if (solarPeakWatts > 0)
        {
            _exportedWh[0] = _random.Next(100000, 900000);
            _exportedWh[1] = _random.Next(300000, 2500000);
        }
        else
        {
            _exportedWh[1] = _random.Next(0, 400); // a few Wh, as on most consumer meters
        }

        _gasLitres = _random.Next(400000, 3000000);

        DateTime start = TruncateToSecond(startUtc);
        LongPowerFailures = _random.Next(0, 4);
        PowerFailures = LongPowerFailures + _random.Next(0, 6);
        _failureEndUtc = new DateTime[LongPowerFailures];
        _failureSeconds = new int[LongPowerFailures];
        DateTime previous = start.AddDays(-720);
        for (int i = 0; i < LongPowerFailures; i++)
        {
            previous = previous.AddSeconds(_random.Next(86400, 200 * 86400));
            _failureEndUtc[i] = previous;
            _failureSeconds[i] = _random.Next(181, 20000); // a long power failure lasts over 3 minutes
        }

        VoltageSags = _random.Next(0, 3);
        VoltageSwells = _random.Next(0, 2);

        TimeUtc = start;
        GasCaptureUtc = FloorToCapture(start);
        GasCapturedLitres = (long)_gasLitres;
        Tariff = TariffAt(start);
        UpdateFlows(start, 0);
    }

    /// <summary>The identification line after '/': "XMX5LGBBFG10" and 8 digits (the E350's DSMR 4.2 header).</summary>
    public string Identification { get; }

    /// <summary>Equipment identifier (0-0:96.1.1), 17 characters; sent hex-encoded.</summary>
    public string EquipmentId { get; }

    /// <summary>The gas meter's equipment identifier (0-1:96.1.0), 17 characters; sent hex-encoded.</summary>
    public string GasEquipmentId { get; }

    public bool Dsmr5 { get; }

    /// <summary>The meter's clock (UTC, whole seconds).</summary>
    public DateTime TimeUtc { get; private set; }

    /// <summary>Tariff in force (0-0:96.14.0): 1 low (nights 23:00–07:00 and weekends), 2 normal.</summary>
    public int Tariff { get; private set; }

    /// <summary>Power drawn from the grid now (1-0:1.7.0), W.</summary>
    public int ImportWatts => (int)Math.Round(_importWatts);

    /// <summary>Power fed back into the grid now (1-0:2.7.0), W.</summary>
    public int ExportWatts => (int)Math.Round(_exportWatts);

    /// <summary>Phase current (1-0:31.7.0), whole amperes.</summary>
    public int CurrentAmperes => (int)Math.Round((_importWatts + _exportWatts) / NominalVolts);

    /// <summary>Number of power failures (0-0:96.7.21).</summary>
    public int PowerFailures { get; }

    /// <summary>Number of long power failures (0-0:96.7.9); each is in the log.</summary>
    public int LongPowerFailures { get; }

    public int VoltageSags { get; }

    public int VoltageSwells { get; }

    /// <summary>End of the long power failure <paramref name="index"/> (oldest first), UTC.</summary>
    public DateTime PowerFailureEndUtc(int index) => _failureEndUtc[index];

    /// <summary>Duration of the long power failure <paramref name="index"/>, seconds.</summary>
    public int PowerFailureSeconds(int index) => _failureSeconds[index];

    /// <summary>Energy drawn in tariff 1 or 2 (1-0:1.8.1, 1-0:1.8.2), whole Wh.</summary>
    public long ImportedWh(int tariff) => (long)_importedWh[TariffIndex(tariff)];

    /// <summary>Energy fed back in tariff 1 or 2 (1-0:2.8.1, 1-0:2.8.2), whole Wh.</summary>
    public long ExportedWh(int tariff) => (long)_exportedWh[TariffIndex(tariff)];

    /// <summary>Gas meter reading at the last capture (0-1:24.2.1), litres (0.001 m3).</summary>
    public long GasCapturedLitres { get; private set; }

    /// <summary>When the gas value was captured: the last whole hour (DSMR 5: 5 minutes), UTC.</summary>
    public DateTime GasCaptureUtc { get; private set; }

    /// <summary>
    /// Runs the meter forward to <paramref name="utc"/>: energy and gas integrate the power and flow in force since the
    /// last call, then power and flow take new values. A time at or before the meter's clock changes nothing.
    /// </summary>
    public void AdvanceTo(DateTime utc)
    {
        utc = TruncateToSecond(utc);
        if (utc <= TimeUtc)
        {
            return;
        }

        double elapsedSeconds = (utc - TimeUtc).TotalSeconds;

        // Integrate in steps of at most a minute, so that a long gap books energy in the right tariff and the gas
        // value is captured exactly on each boundary.
        DateTime t = TimeUtc;
        while (t < utc)
        {
            DateTime next = t.AddMinutes(1);
            DateTime capture = GasCaptureUtc + _gasCapturePeriod;
            if (capture < next)
            {
                next = capture;
            }

            if (next > utc)
            {
                next = utc;
            }

            double seconds = (next - t).TotalSeconds;
            int index = TariffIndex(TariffAt(t));
            _importedWh[index] += _importWatts * seconds / 3600;
            _exportedWh[index] += _exportWatts * seconds / 3600;
            _gasLitres += _gasLitresPerHour * seconds / 3600;
            if (next == capture)
            {
                GasCaptureUtc = capture;
                GasCapturedLitres = (long)_gasLitres;
            }

            t = next;
        }

        TimeUtc = utc;
        Tariff = TariffAt(utc);
        UpdateFlows(utc, elapsedSeconds);
    }

    /// <summary>Dutch double tariff: low (1) from 23:00 to 07:00 local time on weekdays and all weekend, normal (2) otherwise.</summary>
    public static int TariffAt(DateTime utc)
    {
        DateTime local = EuropeanSummerTime.ToLocal(utc, out _);
        if (local.DayOfWeek == DayOfWeek.Saturday || local.DayOfWeek == DayOfWeek.Sunday)
        {
            return 1;
        }

        return local.Hour >= 7 && local.Hour < 23 ? 2 : 1;
    }

    private void UpdateFlows(DateTime utc, double elapsedSeconds)
    {
        DateTime local = EuropeanSummerTime.ToLocal(utc, out _);
        double hour = local.Hour + local.Minute / 60.0 + local.Second / 3600.0;
        bool weekend = local.DayOfWeek == DayOfWeek.Saturday || local.DayOfWeek == DayOfWeek.Sunday;
        double dayOfYear = local.DayOfYear;

        // Household load: the profile, more at home on weekend days, ±20 % noise, and appliances (kettle, oven,
        // washing machine) that switch on at random, mostly in waking hours.
        double load = Interpolate(DailyProfileWatts, hour);
        if (weekend && hour >= 9 && hour < 17)
        {
            load *= 1.3;
        }

        load *= 0.8 + 0.4 * _random.NextDouble();
        if (utc >= _applianceUntilUtc)
        {
            _applianceWatts = 0;
        }

        double ratePerHour = hour >= 7 && hour < 23 ? 3.0 : 0.3;
        double chance = 1 - Math.Exp(-ratePerHour * elapsedSeconds / 3600);
        if (_applianceWatts == 0 && _random.NextDouble() < chance)
        {
            _applianceWatts = _random.Next(800, 2600);
            _applianceUntilUtc = utc.AddSeconds(_random.Next(60, 900));
        }

        load += _applianceWatts;

        // Solar: a sine over the day's daylight, longer and stronger in summer, with passing clouds.
        double solar = 0;
        if (_solarPeakWatts > 0)
        {
            double season = Math.Cos(2 * Math.PI * (dayOfYear - 172) / 365.25);
            double daylight = 12 + 4.5 * season;
            double sunrise = 13.0 - daylight / 2;
            if (hour > sunrise && hour < sunrise + daylight)
            {
                _cloudFactor = Math.Clamp(_cloudFactor + (_random.NextDouble() - 0.5) * 0.2, 0.3, 1.0);
                solar = _solarPeakWatts * (0.55 + 0.45 * season) * Math.Sin(Math.PI * (hour - sunrise) / daylight) * _cloudFactor;
            }
        }

        double net = load - solar;
        _importWatts = net > 0 ? net : 0;
        _exportWatts = net < 0 ? -net : 0;

        // Gas: heating that follows the outdoor temperature over the year (thermostat lowered at night), plus hot water.
        double outdoorCelsius = 10 - 8 * Math.Cos(2 * Math.PI * (dayOfYear - 15) / 365.25);
        double heating = Math.Max(0, (16 - outdoorCelsius) / 16);
        double heatingLitresPerHour = heating * (hour >= 6 && hour < 23 ? 650 : 180);
        double hotWaterLitresPerHour = hour >= 7 && hour < 22 ? 35 : 0;
        _gasLitresPerHour = (heatingLitresPerHour + hotWaterLitresPerHour) * (0.7 + 0.6 * _random.NextDouble());
    }

    private DateTime FloorToCapture(DateTime utc)
    {
        long period = _gasCapturePeriod.Ticks;
        return new DateTime(utc.Ticks - utc.Ticks % period, DateTimeKind.Utc);
    }

    private static double Interpolate(double[] table, double hour)
    {
        int lower = (int)hour;
        if (lower >= table.Length - 1)
        {
            return table[table.Length - 1];
        }

        double fraction = hour - lower;
        return table[lower] + (table[lower + 1] - table[lower]) * fraction;
    }

    private static int TariffIndex(int tariff)
    {
        if (tariff != 1 && tariff != 2)
        {
            throw new ArgumentOutOfRangeException(nameof(tariff), tariff, "tariff is 1 or 2");
        }

        return tariff - 1;
    }

    private static DateTime TruncateToSecond(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("expected a UTC time, got a local one", nameof(utc));
        }

        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    private string Digits(int count)
    {
        char[] digits = new char[count];
        for (int i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + _random.Next(10));
        }

        return new string(digits);
    }
}
