namespace Concentrator.Core.Iec62056
{
    /// <summary>Which check an identification message failed.</summary>
    public enum IecIdentificationProblem : byte
    {
        None = 0,

        /// <summary>Fewer than the 4 characters XXXZ after '/'.</summary>
        TooShort = 1,

        /// <summary>The manufacturer's three characters are not letters.</summary>
        BadManufacturer = 2,

        /// <summary>A control character or a byte with bit 7 set inside the line (often a baud or framing mismatch).</summary>
        BadCharacter = 3,

        /// <summary>A '\' escape at the end of the line without its capability character.</summary>
        DanglingEscape = 4,

        /// <summary>Longer than <see cref="IecIdentification.MaxLineLength"/>.</summary>
        TooLong = 5,
    }
}
