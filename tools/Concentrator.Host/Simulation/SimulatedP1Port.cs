using System;

namespace Concentrator.Host.Simulation;

/// <summary>
/// A simulated Landis+Gyr E350 P1 port without the wire: for each telegram slot it runs the meter forward, writes its
/// telegram and applies the fault chosen for the slot. <see cref="SimulatedP1PortServer"/> puts the result on TCP at the
/// line's pace; tests can use it directly. Not thread-safe: one caller at a time.
/// </summary>
public sealed class SimulatedP1Port : IPushSource
{
    /// <summary>Fewest and most bytes of line noise a <see cref="P1FaultKind.Garbage"/> fault puts before a telegram.</summary>
    public const int MinGarbage = 8;
    public const int MaxGarbage = 64;

    private readonly SimulatedP1PortOptions _options;
    private readonly E350TelegramWriter _writer;
    private readonly P1FaultInjector _injector;
    private readonly Random _damage;
    private readonly byte[] _output;
    private long _number;

    public SimulatedP1Port(SimulatedP1PortOptions options, DateTime startUtc)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Meter = new E350MeterModel(options.Seed, startUtc, options.Dsmr5, options.SolarPeakWatts);
        int capacity = Math.Max(E350TelegramWriter.NormalCapacity, options.OverlongLength + 1024);
        _writer = new E350TelegramWriter(capacity);
        _injector = new P1FaultInjector(options.Faults, unchecked(options.Seed * 31 + 7));
        _damage = new Random(unchecked(options.Seed * 17 + 3));
        _output = new byte[capacity + MaxGarbage];
    }

    public E350MeterModel Meter { get; }

    public SimulatedP1PortOptions Options => _options;

    /// <summary>Largest <see cref="P1Transmission.Length"/> this port produces.</summary>
    public int MaxTransmissionLength => _output.Length;

    /// <summary>Slots produced so far.</summary>
    public long TelegramCount => _number;

    /// <summary>The next telegram slot, the meter's clock set to <paramref name="utc"/>.</summary>
    public P1Transmission Next(DateTime utc)
    {
        Meter.AdvanceTo(utc);
        long number = ++_number;
        P1FaultKind fault = _injector.Choose(number);
        if (fault == P1FaultKind.Silence)
        {
            return new P1Transmission(_output, 0, 0, number, fault, _options.SilencePeriod);
        }

        if (fault == P1FaultKind.TooLong)
        {
            _writer.WriteOversize(Meter, _options.OverlongLength);
        }
        else
        {
            _writer.Write(Meter);
        }

        int offset = 0;
        if (fault == P1FaultKind.Garbage)
        {
            offset = _damage.Next(MinGarbage, MaxGarbage + 1);
            for (int i = 0; i < offset; i++)
            {
                _output[i] = NoiseByte();
            }
        }

        int length = _writer.Length;
        Buffer.BlockCopy(_writer.Bytes, 0, _output, offset, length);
        int end = offset + _writer.EndMarkerIndex; // index of '!'
        switch (fault)
        {
            case P1FaultKind.BadCrc:
                // Any other value: CRC-16 digits as a meter with a broken CRC unit would send them.
                int wrong = _writer.Crc ^ _damage.Next(1, 0x10000);
                WriteHex4(_output, end + 1, wrong);
                break;
            case P1FaultKind.FlippedBit:
                FlipOneBit(offset + 1, end);
                break;
            case P1FaultKind.Truncated:
                // Cut anywhere after the identification starts and before the '!'.
                length = _damage.Next(2, _writer.EndMarkerIndex);
                break;
        }

        return new P1Transmission(_output, offset + length, offset, number, fault, TimeSpan.Zero);
    }

    // One bit of one byte in [start, end) inverted. A flip that would make a '/' or '!' changes the framing rather than
    // the content, so bit 7 is flipped instead (a byte ≥ 0x80 can be neither).
    private void FlipOneBit(int start, int end)
    {
        int position = _damage.Next(start, end);
        int bit = _damage.Next(8);
        byte flipped = (byte)(_output[position] ^ (1 << bit));
        if (flipped == (byte)'/' || flipped == (byte)'!')
        {
            flipped = (byte)(_output[position] ^ 0x80);
        }

        _output[position] = flipped;
    }

    // Line noise: any byte except '/' (it would start a telegram) and line space (a decoder ignores it).
    private byte NoiseByte()
    {
        while (true)
        {
            byte b = (byte)_damage.Next(256);
            if (b != (byte)'/' && b != (byte)'\r' && b != (byte)'\n' && b != (byte)' ' && b != (byte)'\t' && b != 0)
            {
                return b;
            }
        }
    }

    private static void WriteHex4(byte[] buffer, int offset, int value)
    {
        for (int i = 3; i >= 0; i--)
        {
            int digit = value & 0xF;
            buffer[offset + i] = (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);
            value >>= 4;
        }
    }
}
