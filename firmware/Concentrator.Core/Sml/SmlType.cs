namespace Concentrator.Core.Sml
{
    /// <summary>The type field of an SML TL byte (bits 6..4; SML 1.04 §6.3.1).</summary>
    public enum SmlType : byte
    {
        OctetString = 0,
        Boolean = 4,
        Integer = 5,
        Unsigned = 6,
        List = 7,
    }
}
