namespace Concentrator.Core.Io
{
    /// <summary>UART parity. Meters use none (8N1) and even (7E1, IEC 62056-21 and DSMR 2.2/3).</summary>
    public enum LineParity : byte
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }
}
