using System;
using Concentrator.Core.Sml;

namespace Concentrator.Host.Simulation.Sml;

/// <summary>
/// A simulated SML meter: the files it pushes (<see cref="Next"/>) or sends in answer to a GetList request
/// (<see cref="Answer"/>), with the configured faults: a wrong file CRC, a file cut short, line noise before it,
/// a silent spell, one flipped bit (caught by a message CRC), and, as a property of the meter, CRC-16/KERMIT.
/// </summary>
public sealed class SimulatedSmlMeter : IPushSource
{
    public const int MinGarbage = 8;
    public const int MaxGarbage = 64;

    private readonly SimulatedSmlMeterOptions _options;
    private readonly SmlFileComposer _composer = new();
    private readonly P1FaultInjector _injector;
    private readonly Random _damage;
    private readonly byte[] _output;
    private long _number;

    public SimulatedSmlMeter(SimulatedSmlMeterOptions options, DateTime startUtc)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Meter = new SmlMeterModel(options.Seed, startUtc, options.Signed);
        _injector = new P1FaultInjector(options.Faults, unchecked(options.Seed * 31 + 7));
        _damage = new Random(unchecked(options.Seed * 17 + 3));
        _output = new byte[_composer.File.Length + MaxGarbage];
    }

    public SmlMeterModel Meter { get; }

    public SimulatedSmlMeterOptions Options => _options;

    public SmlCrcVariant Crc => _options.Kermit ? SmlCrcVariant.Kermit : SmlCrcVariant.X25;

    public int MaxTransmissionLength => _output.Length;

    public long FileCount => _number;

    /// <summary>The next pushed file at <paramref name="utc"/> (or a silent slot).</summary>
    public P1Transmission Next(DateTime utc)
    {
        return Produce(utc, null);
    }

    /// <summary>The answer to a GetList request with this transaction id.</summary>
    public P1Transmission Answer(DateTime utc, byte[] getListTransaction)
    {
        ArgumentNullException.ThrowIfNull(getListTransaction);
        return Produce(utc, getListTransaction);
    }

    private P1Transmission Produce(DateTime utc, byte[]? transaction)
    {
        Meter.AdvanceTo(utc);
        long number = ++_number;
        P1FaultKind fault = _injector.Choose(number);
        if (fault == P1FaultKind.Silence)
        {
            return new P1Transmission(_output, 0, 0, number, fault, _options.SilencePeriod);
        }

        int length = _composer.Write(Meter, Crc, transaction);
        int offset = 0;
        if (fault == P1FaultKind.Garbage)
        {
            offset = _damage.Next(MinGarbage, MaxGarbage + 1);
            for (int i = 0; i < offset; i++)
            {
                _output[i] = (byte)_damage.Next(0x20, 0x7F); // printable noise: never a start sequence
            }
        }

        Buffer.BlockCopy(_composer.File, 0, _output, offset, length);
        switch (fault)
        {
            case P1FaultKind.BadCrc:
                _output[offset + length - 1] ^= (byte)_damage.Next(1, 256);
                break;
            case P1FaultKind.FlippedBit:
                // A bit inside the messages (not the start sequence, not the end sequence): a message CRC catches it.
                int position = offset + SmlFileComposer.PayloadOffset + _damage.Next(0, length - SmlFileComposer.PayloadOffset - 16);
                _output[position] ^= (byte)(1 << _damage.Next(8));
                break;
            case P1FaultKind.Truncated:
                length = _damage.Next(SmlFileComposer.PayloadOffset + 1, length - 8);
                break;
        }

        return new P1Transmission(_output, offset + length, offset, number, fault, TimeSpan.Zero);
    }
}
