namespace Concentrator.Core.Configuration
{
    /// <summary>Which copy <see cref="ConfigurationStore.Load"/> took the configuration from.</summary>
    public enum ConfigurationSource : byte
    {
        /// <summary>No copy was usable: defaults only.</summary>
        Defaults = 0,

        /// <summary>The current copy, checksum good.</summary>
        Current = 1,

        /// <summary>The new copy of a save that was cut off before it was renamed into place (checksum good).</summary>
        Unfinished = 2,

        /// <summary>The previous copy, because the current one is damaged or missing.</summary>
        Previous = 3,

        /// <summary>A settings file written by hand (no checksum line), taken as it is.</summary>
        HandWritten = 4,
    }
}
