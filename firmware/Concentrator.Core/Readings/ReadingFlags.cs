namespace Concentrator.Core.Readings
{
    /// <summary>Quality notes attached to one reading (<see cref="Reading.Flags"/>) or to a whole set (<see cref="ReadingSet.Flags"/>).</summary>
    [System.Flags]
    public enum ReadingFlags : byte
    {
        None = 0,

        /// <summary>The meter sent a timestamp that is not a valid date and time (some meters fill unused log entries with e.g. "632525252525W"); its raw text is kept.</summary>
        InvalidTimestamp = 1,

        /// <summary>An energy or volume register (a counter that only grows) is lower than the last value read from the same meter.</summary>
        CounterWentBackwards = 2,

        /// <summary>The value is outside physical limits (voltage, frequency, power beyond the configured limit, negative energy).</summary>
        OutOfRange = 4,

        /// <summary>On a set: the meter's clock differs from the concentrator's by more than the configured skew.</summary>
        ClockSkew = 8,

        /// <summary>
        /// On a reading: its capture time is older than the configured limit. On a set: the meter's clock went back, or did not
        /// advance although 2 s or more passed since the last read (the meter repeated an old telegram, or its clock stopped).
        /// </summary>
        Stale = 16,
    }
}
