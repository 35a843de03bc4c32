namespace Concentrator.Core.Dlms
{
    /// <summary>The A-XDR Data CHOICE tags (IEC 62056-6-2 / Green Book "Data" type), as they appear on the wire.</summary>
    public enum AxdrTag : byte
    {
        NullData = 0,
        Array = 1,
        Structure = 2,
        Boolean = 3,
        BitString = 4,
        DoubleLong = 5,
        DoubleLongUnsigned = 6,
        OctetString = 9,
        VisibleString = 10,
        Utf8String = 12,
        Bcd = 13,
        Integer = 15,
        Long = 16,
        Unsigned = 17,
        LongUnsigned = 18,
        CompactArray = 19,
        Long64 = 20,
        Long64Unsigned = 21,
        Enum = 22,
        Float32 = 23,
        Float64 = 24,
        DateTime = 25,
        Date = 26,
        Time = 27,
        /// <summary>Not a wire tag: the reader has no current value.</summary>
        None = 255,
    }
}
