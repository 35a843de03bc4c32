namespace Concentrator.Core.Meters
{
    /// <summary>Where a meter is attached to the concentrator.</summary>
    public enum MeterPort : byte
    {
        /// <summary>The optical head (IEC 62056-21 probe, plain or 38 kHz modulated).</summary>
        Optical = 0,
        /// <summary>The RS485 bus (up to 31 meters, one session at a time).</summary>
        Rs485 = 1,
        /// <summary>The DSMR P1 port (the meter pushes).</summary>
        P1 = 2,
        /// <summary>An IR receiver on a meter that pushes SML.</summary>
        SmlPush = 3,
        /// <summary>A meter or communication module reached over TCP/IP.</summary>
        Tcp = 4,
    }
}
