namespace Concentrator.Core.Dlms
{
    /// <summary>Outcome of parsing an APDU. The parser's LastCheck names the check that failed.</summary>
    public enum DlmsApduStatus : byte
    {
        Ok = 0,
        /// <summary>The APDU ends before a field it must have.</summary>
        Truncated = 1,
        /// <summary>The first byte is not the APDU expected.</summary>
        UnexpectedTag = 2,
        /// <summary>A field has a value the standard does not allow (bad length, unknown choice, wrong context name).</summary>
        Malformed = 3,
        /// <summary>More list items than the parser was built for.</summary>
        TooManyItems = 4,
        /// <summary>Bytes left over after the APDU.</summary>
        TrailingBytes = 5,
    }
}
