namespace Concentrator.Core.Commands
{
    /// <summary>Why a list of <c>NAME=value</c> parameters could not be read (<see cref="ParameterList"/>).</summary>
    public enum ParameterError : byte
    {
        None = 0,

        /// <summary>More parameters than the list holds.</summary>
        TooMany = 1,

        /// <summary>A word without '=' or with an empty name.</summary>
        NoName = 2,

        /// <summary>A bracketed value without its closing bracket, or text glued to the closing bracket.</summary>
        Unterminated = 3,
    }
}
