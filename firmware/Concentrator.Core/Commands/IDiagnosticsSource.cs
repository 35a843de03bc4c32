namespace Concentrator.Core.Commands
{
    /// <summary>The runtime's counters and link facts, read by INFO and DIAG. The runtime (scheduler, network, queue) implements it.</summary>
    public interface IDiagnosticsSource
    {
        /// <summary>Fills the concentrator's state (the status arrives cleared).</summary>
        void FillStatus(ConcentratorStatus status);

        /// <summary>Fills one meter's state (cleared on arrival); false when the runtime knows no such meter yet.</summary>
        bool FillMeter(string meterId, MeterDiagnostics diagnostics);
    }
}
