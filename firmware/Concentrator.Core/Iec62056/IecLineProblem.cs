namespace Concentrator.Core.Iec62056
{
    /// <summary>Which check failed on a malformed data line (or on capacity).</summary>
    public enum IecLineProblem : byte
    {
        None = 0,

        /// <summary>No '(' after the address.</summary>
        MissingValue = 1,

        /// <summary>The address is not an OBIS code (IEC 62056-61 forms such as 1-0:1.8.1, 1.8.1, F.F, C.1.0).</summary>
        BadObisCode = 2,

        /// <summary>A '(' without its ')' before the line end.</summary>
        UnclosedGroup = 3,

        /// <summary>More value groups on one data set than configured.</summary>
        TooManyGroups = 4,

        /// <summary>A value group at the start of a line with no data set before it to belong to.</summary>
        NoAddress = 5,

        /// <summary>The data block has no "!" end line.</summary>
        MissingEndLine = 6,

        TextFull = 7,
        ReadingsFull = 8,
    }
}
