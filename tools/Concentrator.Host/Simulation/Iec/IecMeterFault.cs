namespace Concentrator.Host.Simulation.Iec;

/// <summary>What a simulated IEC 62056-21 meter gets wrong in one session.</summary>
public enum IecMeterFault
{
    None = 0,

    /// <summary>The readout's BCC is wrong.</summary>
    WrongBcc,

    /// <summary>The meter does not answer the sign-on.</summary>
    Silence,

    /// <summary>The readout stops halfway.</summary>
    Truncation,

    /// <summary>The meter acknowledges a baud change but keeps sending at 300 baud.</summary>
    IgnoresBaudSwitch,
}
