namespace Concentrator.Core.Sml
{
    /// <summary>Which structural check failed on a <see cref="SmlStatus.Malformed"/> file.</summary>
    public enum SmlProblem : byte
    {
        None = 0,

        /// <summary>A TL field or its data runs past the end of the file or of its message.</summary>
        PastEnd,

        /// <summary>A TL byte has a type SML does not define (1, 2, 3) or a continuation byte with type bits set.</summary>
        BadTypeField,

        /// <summary>A TL length is smaller than the TL bytes themselves.</summary>
        BadLength,

        /// <summary>A field has another type than the message structure requires (Expected/Actual: the TL types).</summary>
        UnexpectedType,

        /// <summary>A list has another number of elements than the structure requires (Expected/Actual).</summary>
        WrongElementCount,

        /// <summary>A number is wider than 8 bytes (Actual: its width).</summary>
        NumberTooWide,

        /// <summary>An OBIS code (objName) is not 6 bytes (Actual: its length).</summary>
        BadObisLength,

        /// <summary>The endOfSmlMsg byte (00) is missing after a message's CRC.</summary>
        MissingEndOfMessage,

        /// <summary>Lists nest deeper than the parser allows.</summary>
        NestedTooDeep,

        /// <summary>An SML_Time has a choice other than 1 (secIndex), 2 (timestamp) or 3 (localTimestamp).</summary>
        BadTimeChoice,

        /// <summary>The file contains no message at all.</summary>
        NoMessage,
    }
}
