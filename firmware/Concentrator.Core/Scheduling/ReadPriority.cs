namespace Concentrator.Core.Scheduling
{
    /// <summary>
    /// Values of <see cref="Meters.MeterDefinition.Priority"/>: which read goes first when several on one port are due
    /// at once. A meter read at two rates (instantaneous values every 10 s, billing registers every 15 minutes) is two
    /// inventory entries with the same address and different priorities.
    /// </summary>
    public enum ReadPriority : byte
    {
        /// <summary>Instantaneous values (power, voltage, current): stale within seconds, so first.</summary>
        Instantaneous = 0,

        /// <summary>Billing registers (energy totals): must arrive for every slot, but a few seconds late do no harm.</summary>
        Billing = 1,

        /// <summary>Load profiles and logs: long transfers, stored in the meter, read when the port is otherwise idle.</summary>
        Profile = 2,
    }
}
