namespace Concentrator.Host.Simulation;

/// <summary>What the simulated P1 port can do wrong to one telegram, and what a reader should report for it.</summary>
public enum P1FaultKind : byte
{
    None = 0,

    /// <summary>The CRC after '!' does not match the telegram: the decoder reports a CRC mismatch.</summary>
    BadCrc = 1,

    /// <summary>The telegram stops before its '!' (a meter reset or a pulled cable): reported truncated.</summary>
    Truncated = 2,

    /// <summary>Line noise (bytes other than '/' and line space) before the telegram: reported as garbage, the telegram still decodes.</summary>
    Garbage = 3,

    /// <summary>The port sends nothing for the configured silent period (a dropped data-request line): reported as silence.</summary>
    Silence = 4,

    /// <summary>A telegram longer than the reader's limit (an oversized text message), with a correct CRC: reported too long.</summary>
    TooLong = 5,

    /// <summary>One bit of one body byte inverted on the way, CRC as sent by the meter: reported as a CRC mismatch.</summary>
    FlippedBit = 6,
}
