namespace Concentrator.Core.Meters
{
    /// <summary>The protocol a meter is read with.</summary>
    public enum MeterProtocol : byte
    {
        Dsmr = 0,
        Iec62056_21 = 1,
        /// <summary>DLMS/COSEM over HDLC (IEC 62056-46): RS485, optical after a mode E handover, or TCP.</summary>
        DlmsHdlc = 2,
        /// <summary>DLMS/COSEM over the TCP wrapper (IEC 62056-47, port 4059).</summary>
        DlmsWrapper = 3,
        Sml = 4,
    }
}
