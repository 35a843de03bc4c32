using System;

namespace Concentrator.Host.Simulation.Sml;

/// <summary>
/// A simulated German eHZ meter (or, <see cref="Signed"/>, a Landis+Gyr E750 base module): a server id derived from
/// the seed, energy registers that integrate a varying power, phase voltages, and a second index (the meter's
/// running seconds counter, which the E750 uses instead of a clock).
/// </summary>
public sealed class SmlMeterModel
{
    private readonly Random _random;
    private DateTime _lastUtc;
    private double _importWh;
    private double _exportWh;

    public SmlMeterModel(int seed, DateTime startUtc, bool signed)
    {
        _random = new Random(seed);
        Signed = signed;
        Manufacturer = signed ? "LGZ" : "EMH";
        uint serial = (uint)(10000000 + (uint)_random.Next(0, 89999999));
        ServerId = new byte[10];
        ServerId[0] = 0x0A; // DIN 43863-5 device id: length, medium 01 (electricity), manufacturer, version, serial
        ServerId[1] = 0x01;
        ServerId[2] = (byte)Manufacturer[0];
        ServerId[3] = (byte)Manufacturer[1];
        ServerId[4] = (byte)Manufacturer[2];
        ServerId[5] = 0x00;
        ServerId[6] = (byte)(serial >> 24);
        ServerId[7] = (byte)(serial >> 16);
        ServerId[8] = (byte)(serial >> 8);
        ServerId[9] = (byte)serial;
        _importWh = 1_000_000 + _random.Next(0, 50_000_000);
        _exportWh = _random.Next(0, 5_000_000);
        SecondIndex = (uint)_random.Next(1_000_000, 50_000_000);
        _lastUtc = startUtc;
        AdvanceTo(startUtc);
    }

    /// <summary>E750 style: list entries carry a second index and a value signature.</summary>
    public bool Signed { get; }

    /// <summary>Three-letter FLAG manufacturer code ("EMH", "LGZ").</summary>
    public string Manufacturer { get; }

    /// <summary>The server id the meter sends (10 bytes).</summary>
    public byte[] ServerId { get; }

    /// <summary>Server id as the decoder reports it (lowercase hex).</summary>
    public string ServerIdHex => Convert.ToHexString(ServerId).ToLowerInvariant();

    /// <summary>Energy imported, in 0.1 Wh (1-0:1.8.0, scaler -1).</summary>
    public ulong ImportTenthWh => (ulong)(_importWh * 10);

    /// <summary>Energy exported, in 0.1 Wh (1-0:2.8.0, scaler -1).</summary>
    public ulong ExportTenthWh => (ulong)(_exportWh * 10);

    /// <summary>Active power, W (1-0:16.7.0; negative while feeding in).</summary>
    public int PowerW { get; private set; }

    /// <summary>Phase voltages in 0.1 V (1-0:32.7.0, 52.7.0, 72.7.0).</summary>
    public ushort[] VoltageTenthV { get; } = new ushort[3];

    /// <summary>The meter's running seconds counter.</summary>
    public uint SecondIndex { get; private set; }

    /// <summary>Moves the meter to <paramref name="utc"/>: integrates energy, draws a new power and voltages.</summary>
    public void AdvanceTo(DateTime utc)
    {
        double seconds = Math.Max(0, (utc - _lastUtc).TotalSeconds);
        _lastUtc = utc;
        SecondIndex += (uint)Math.Round(seconds);
        double hour = utc.TimeOfDay.TotalHours;
        double baseLoad = 250 + 900 * Math.Max(0, Math.Sin((hour - 6) / 24 * 2 * Math.PI));
        int power = (int)(baseLoad + _random.Next(-150, 600));
        if (_random.Next(10) == 0)
        {
            power = -_random.Next(100, 2500); // a moment of feed-in
        }

        PowerW = power;
        if (power >= 0)
        {
            _importWh += power * seconds / 3600;
        }
        else
        {
            _exportWh += -power * seconds / 3600;
        }

        for (int i = 0; i < 3; i++)
        {
            VoltageTenthV[i] = (ushort)(2300 + _random.Next(-60, 61));
        }
    }
}
