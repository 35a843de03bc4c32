using Concentrator.Core.Meters;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Scheduling
{
    /// <summary>
    /// Reads one meter once: what a protocol (IEC 62056-21, DLMS/COSEM, SML, DSMR) offers the scheduler. The reader
    /// owns its link and its <see cref="Readings"/> (sized once for its protocol) and returns within the time budget
    /// it is given: every wait for the meter is bounded by what is left of it. It never throws for what a meter or a
    /// wire does; it returns a status and keeps a text saying what went wrong.
    /// </summary>
    public interface IMeterReader
    {
        /// <summary>Reads <paramref name="meter"/> into <see cref="Readings"/>, returning within <paramref name="budgetMilliseconds"/>.</summary>
        MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds);

        /// <summary>The values of the last successful read; valid until the next call to <see cref="Read"/>.</summary>
        ReadingSet Readings { get; }

        /// <summary>What went wrong in the last failed read ("no telegram within 2000 ms", "CRC mismatch: …"); a fixed or reused text where it can be.</summary>
        string LastError { get; }
    }
}
