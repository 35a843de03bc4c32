namespace Concentrator.Core.Configuration
{
    /// <summary>How the concentrator reaches the broker.</summary>
    public enum NetworkMode : byte
    {
        Wifi = 0,
        Ethernet = 1,

        /// <summary>A cellular data connection (APN, DUSR, DPWD) on boards with a modem.</summary>
        Gsm = 2,
    }
}
