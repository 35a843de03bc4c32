using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using nanoFramework.Runtime.Native;

namespace Concentrator.App.Commands
{
    /// <summary>
    /// What the app does after a command: a saved configuration is logged and takes effect at the next start (the
    /// network, broker and ports are set up once, at start); RESET restarts the board after a short pause, so the
    /// reply has left the modem or the broker.
    /// </summary>
    public sealed class AppCommandEffects : ICommandEffects
    {
        /// <summary>Pause between the RESET reply and the restart.</summary>
        public const int RestartDelayMilliseconds = 5000;

        public void ConfigurationApplied(ConcentratorConfiguration configuration)
        {
            Log.Info("configuration saved by a command; it takes effect after MCP RESET or the next start");
        }

        public void RestartRequested()
        {
            Log.Info("MCP RESET: restarting in " + (RestartDelayMilliseconds / 1000).ToString() + " s");
            System.Threading.Thread.Sleep(RestartDelayMilliseconds);
            Power.RebootDevice();
        }
    }
}
