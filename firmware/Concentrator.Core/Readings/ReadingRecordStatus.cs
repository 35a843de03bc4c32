namespace Concentrator.Core.Readings
{
    /// <summary>Outcome of <see cref="ReadingRecordCodec"/>; every failure has its detail in <see cref="ReadingRecordCodec.Problem"/>.</summary>
    public enum ReadingRecordStatus : byte
    {
        Ok = 0,

        /// <summary>Encoding: the record does not fit the buffer given.</summary>
        BufferTooSmall = 1,

        /// <summary>Encoding: the meter id is empty, longer than 255 characters, or not printable ASCII.</summary>
        BadMeterId = 2,

        /// <summary>Decoding: the record's first byte names a format this firmware does not know.</summary>
        UnsupportedVersion = 3,

        /// <summary>Decoding: the record ends inside a field.</summary>
        Truncated = 4,

        /// <summary>Decoding: a field holds a value no encoder writes (reserved bits set, unknown code, number out of range).</summary>
        Malformed = 5,

        /// <summary>Decoding: the readings or their text do not fit the <see cref="ReadingSet"/> decoded into.</summary>
        CapacityExceeded = 6,

        /// <summary>Decoding: bytes follow the last reading.</summary>
        TrailingBytes = 7,
    }
}
