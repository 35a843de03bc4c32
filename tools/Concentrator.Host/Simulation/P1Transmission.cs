using System;

namespace Concentrator.Host.Simulation;

/// <summary>What the simulated P1 port puts on the wire for one telegram slot: bytes (possibly damaged), or silence.</summary>
public readonly struct P1Transmission
{
    public P1Transmission(byte[] buffer, int length, int telegramOffset, long telegramNumber, P1FaultKind fault, TimeSpan silence)
    {
        Buffer = buffer;
        Length = length;
        TelegramOffset = telegramOffset;
        TelegramNumber = telegramNumber;
        Fault = fault;
        Silence = silence;
    }

    /// <summary>The bytes to send, from index 0 (owned by the port and overwritten by its next transmission).</summary>
    public byte[] Buffer { get; }

    /// <summary>How many bytes to send; 0 for a silent slot.</summary>
    public int Length { get; }

    /// <summary>Where the telegram's '/' is (after any garbage).</summary>
    public int TelegramOffset { get; }

    /// <summary>The slot's number, counted from 1 (silent slots count).</summary>
    public long TelegramNumber { get; }

    public P1FaultKind Fault { get; }

    /// <summary>For <see cref="P1FaultKind.Silence"/>: how long the port stays silent before its next telegram.</summary>
    public TimeSpan Silence { get; }
}
