namespace Concentrator.Core.Readings
{
    /// <summary>The season flag a meter attaches to local timestamps (DSMR "W"/"S").</summary>
    public enum DaylightSaving : byte
    {
        /// <summary>The meter did not say.</summary>
        Unknown = 0,

        /// <summary>Standard (winter) time.</summary>
        Standard = 1,

        /// <summary>Daylight-saving (summer) time.</summary>
        Summer = 2,
    }
}
