namespace Concentrator.Core.Readings
{
    /// <summary>Quality notes attached to one reading.</summary>
    [System.Flags]
    public enum ReadingFlags : byte
    {
        None = 0,

        /// <summary>The meter sent a timestamp that is not a valid date and time (some meters fill unused log entries with e.g. "632525252525W"); its raw text is kept.</summary>
        InvalidTimestamp = 1,
    }
}
