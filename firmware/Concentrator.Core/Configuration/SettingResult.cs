namespace Concentrator.Core.Configuration
{
    /// <summary>Outcome of setting one named value (a settings-file key or a command parameter).</summary>
    public enum SettingResult : byte
    {
        Ok = 0,

        /// <summary>No setting has this name.</summary>
        UnknownName = 1,

        /// <summary>The value is out of range or malformed; the expectation says what was wanted.</summary>
        BadValue = 2,
    }
}
