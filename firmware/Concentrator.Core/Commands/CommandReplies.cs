namespace Concentrator.Core.Commands
{
    /// <summary>
    /// The fixed replies of the text commands. The six errors are worded exactly as in the 2N MeterCom PRO manual
    /// (4.2, "Error Replies"); when one is sent, nothing of the message was applied.
    /// </summary>
    public static class CommandReplies
    {
        /// <summary>Not "MCP", not a known command, not GSM 7-bit, longer than one SMS, or a UCS-2/concatenated SMS.</summary>
        public const string UnknownCommand = "Unknown command";

        /// <summary>No PWD parameter, or an empty one.</summary>
        public const string PasswordMissing = "Password missing";

        /// <summary>Wrong PWD, or any PWD while the password is locked after repeated failures.</summary>
        public const string PasswordIncorrect = "Password incorrect";

        public const string TooManyParameters = "Too many parameters";

        public const string UnknownParameter = "Unknown parameter";

        public const string ParameterValueIncorrect = "Parameter value incorrect";

        /// <summary>The confirmation of RESET (manual: "sends a confirmation SMS (OK) before restarting").</summary>
        public const string Ok = "OK";

        /// <summary>
        /// Not in the manual: the message was good but the configuration could not be written to flash, so nothing
        /// was applied.
        /// </summary>
        public const string NotSaved = "Configuration not saved";

        /// <summary>Appended to every INFO and status reply while the factory password is in use.</summary>
        public const string DefaultPasswordFlag = "PWD=DEFAULT";
    }
}
