namespace Concentrator.Core.Dlms
{
    /// <summary>Outcome of an <see cref="AxdrReader"/> call. Everything after <see cref="Ok"/> is a failure kind.</summary>
    public enum AxdrStatus : byte
    {
        Ok = 0,
        /// <summary>The buffer ends inside a value (its tag, length or contents).</summary>
        Truncated = 1,
        /// <summary>A tag that is not an A-XDR data type.</summary>
        UnknownTag = 2,
        /// <summary>A length field longer than 4 bytes, or larger than what is left of the buffer.</summary>
        BadLength = 3,
        /// <summary>Arrays and structures nested deeper than the reader follows.</summary>
        TooDeep = 4,
        /// <summary>A compact array's type description or contents do not agree.</summary>
        BadCompactArray = 5,
        /// <summary>The value is not of the type the caller asked for.</summary>
        TypeMismatch = 6,
    }
}
