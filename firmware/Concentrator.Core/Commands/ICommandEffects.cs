using Concentrator.Core.Configuration;

namespace Concentrator.Core.Commands
{
    /// <summary>What the runtime does when a command changed something. Called after the reply has been sent.</summary>
    public interface ICommandEffects
    {
        /// <summary>A new configuration was saved and is now the current one.</summary>
        void ConfigurationApplied(ConcentratorConfiguration configuration);

        /// <summary>RESET: restart the concentrator (its OK has gone out).</summary>
        void RestartRequested();
    }
}
