using System;
using Concentrator.Core.Checksums;

namespace Concentrator.Host.Simulation;

/// <summary>
/// Writes the P1 telegram of a Landis+Gyr E350 (DSMR 4.2) from an <see cref="E350MeterModel"/>: the same lines, in the
/// same order and number formats, as the real meter's telegram (identification, blank line, version, clock, equipment
/// identifier, four energy registers, tariff, power, power failures and their log, sags and swells, text messages,
/// current, phase power, the gas meter on M-Bus channel 1), then '!' and the CRC-16/ARC over '/' … '!'
/// (DSMR 5.0.2 §6.12) as 4 uppercase hex digits. Allocation-free: the telegram is written into one reused buffer.
/// </summary>
public sealed class E350TelegramWriter
{
    /// <summary>Room for a normal telegram (about 700 bytes) with margin.</summary>
    public const int NormalCapacity = 2048;

    private const string OversizeMessage = "Simulated oversize text message. ";

    private readonly AsciiBuffer _buffer;

    /// <param name="capacity">Largest telegram this writer can produce, over-long ones included.</param>
    public E350TelegramWriter(int capacity)
    {
        if (capacity < NormalCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a telegram buffer needs at least " + NormalCapacity + " bytes");
        }

        _buffer = new AsciiBuffer(capacity);
    }

    /// <summary>The telegram last written, from '/' to the line end after the CRC.</summary>
    public byte[] Bytes => _buffer.Bytes;

    public int Length => _buffer.Length;

    /// <summary>Index of the '!' end marker in <see cref="Bytes"/>; the CRC's 4 digits follow it.</summary>
    public int EndMarkerIndex { get; private set; }

    /// <summary>The CRC the telegram carries.</summary>
    public ushort Crc { get; private set; }

    /// <summary>Writes the telegram of the meter's current state.</summary>
    public void Write(E350MeterModel meter)
    {
        Write(meter, 0);
    }

    /// <summary>
    /// Writes a telegram of at least <paramref name="minimumLength"/> bytes by filling the text message
    /// (0-0:96.13.0) with hex-encoded text: the over-long telegram fault. The CRC is right.
    /// </summary>
    public void WriteOversize(E350MeterModel meter, int minimumLength)
    {
        if (minimumLength > _buffer.Bytes.Length - 16)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumLength), minimumLength, "the over-long telegram does not fit the writer's buffer");
        }

        Write(meter, 0);
        int fill = minimumLength - _buffer.Length;
        if (fill > 0)
        {
            Write(meter, fill + (fill & 1));
        }
    }

    private void Write(E350MeterModel meter, int messageHexDigits)
    {
        AsciiBuffer b = _buffer;
        b.Clear();
        b.Append('/');
        b.Append(meter.Identification);
        b.AppendLineEnd();
        b.AppendLineEnd();

        b.Append(meter.Dsmr5 ? "1-3:0.2.8(50)" : "1-3:0.2.8(42)");
        b.AppendLineEnd();

        DateTime local = EuropeanSummerTime.ToLocal(meter.TimeUtc, out bool summer);
        b.Append("0-0:1.0.0(");
        b.AppendTimestamp(local, summer);
        b.Append(')');
        b.AppendLineEnd();

        b.Append("0-0:96.1.1(");
        b.AppendHexOfAscii(meter.EquipmentId);
        b.Append(')');
        b.AppendLineEnd();

        Energy(b, "1-0:1.8.1(", meter.ImportedWh(1));
        Energy(b, "1-0:1.8.2(", meter.ImportedWh(2));
        Energy(b, "1-0:2.8.1(", meter.ExportedWh(1));
        Energy(b, "1-0:2.8.2(", meter.ExportedWh(2));

        b.Append("0-0:96.14.0(");
        b.AppendDigits(meter.Tariff, 4);
        b.Append(')');
        b.AppendLineEnd();

        Power(b, "1-0:1.7.0(", meter.ImportWatts);
        Power(b, "1-0:2.7.0(", meter.ExportWatts);

        Count(b, "0-0:96.7.21(", meter.PowerFailures);
        Count(b, "0-0:96.7.9(", meter.LongPowerFailures);

        // Power failure event log: count, the logged object, then (end time)(duration*s) per failure.
        b.Append("1-0:99.97.0(");
        b.AppendDigits(meter.LongPowerFailures, 1);
        b.Append(")(0-0:96.7.19)");
        for (int i = 0; i < meter.LongPowerFailures; i++)
        {
            DateTime end = EuropeanSummerTime.ToLocal(meter.PowerFailureEndUtc(i), out bool endSummer);
            b.Append('(');
            b.AppendTimestamp(end, endSummer);
            b.Append(")(");
            b.AppendDigits(meter.PowerFailureSeconds(i), 10);
            b.Append("*s)");
        }

        b.AppendLineEnd();

        Count(b, "1-0:32.32.0(", meter.VoltageSags);
        Count(b, "1-0:32.36.0(", meter.VoltageSwells);

        b.Append("0-0:96.13.1()");
        b.AppendLineEnd();
        b.Append("0-0:96.13.0(");
        for (int i = 0; i < messageHexDigits / 2; i++)
        {
            b.AppendHexOfAscii(OversizeMessage[i % OversizeMessage.Length]);
        }

        b.Append(')');
        b.AppendLineEnd();

        b.Append("1-0:31.7.0(");
        b.AppendDigits(meter.CurrentAmperes, 3);
        b.Append("*A)");
        b.AppendLineEnd();

        Power(b, "1-0:21.7.0(", meter.ImportWatts);
        Power(b, "1-0:22.7.0(", meter.ExportWatts);

        b.Append("0-1:24.1.0(003)"); // M-Bus device type 3: gas
        b.AppendLineEnd();
        b.Append("0-1:96.1.0(");
        b.AppendHexOfAscii(meter.GasEquipmentId);
        b.Append(')');
        b.AppendLineEnd();

        DateTime capture = EuropeanSummerTime.ToLocal(meter.GasCaptureUtc, out bool captureSummer);
        b.Append("0-1:24.2.1(");
        b.AppendTimestamp(capture, captureSummer);
        b.Append(")(");
        b.AppendFixed(meter.GasCapturedLitres, 5, 3);
        b.Append("*m3)");
        b.AppendLineEnd();

        EndMarkerIndex = b.Length;
        b.Append('!');
        Crc = Crc16.Arc(b.Bytes, 0, b.Length);
        b.AppendHex4(Crc);
        b.AppendLineEnd();
    }

    private static void Energy(AsciiBuffer b, string prefix, long wattHours)
    {
        b.Append(prefix);
        b.AppendFixed(wattHours, 6, 3);
        b.Append("*kWh)");
        b.AppendLineEnd();
    }

    private static void Power(AsciiBuffer b, string prefix, int watts)
    {
        b.Append(prefix);
        b.AppendFixed(watts, 2, 3);
        b.Append("*kW)");
        b.AppendLineEnd();
    }

    private static void Count(AsciiBuffer b, string prefix, int count)
    {
        b.Append(prefix);
        b.AppendDigits(count, 5);
        b.Append(')');
        b.AppendLineEnd();
    }
}
