using System;

namespace Concentrator.Host.Simulation;

/// <summary>A simulated meter that pushes transmissions unasked (a P1 port, an SML optical port).</summary>
public interface IPushSource
{
    /// <summary>Room a transmission may need (for the sender's buffer).</summary>
    int MaxTransmissionLength { get; }

    /// <summary>The next transmission at <paramref name="utc"/> (or a silent slot); its buffer is reused by the next call.</summary>
    P1Transmission Next(DateTime utc);
}
