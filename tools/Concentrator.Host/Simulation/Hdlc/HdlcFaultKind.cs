namespace Concentrator.Host.Simulation.Hdlc;

/// <summary>What a simulated HDLC meter can do wrong with one answer frame.</summary>
public enum HdlcFaultKind
{
    None = 0,

    /// <summary>No answer at all (the meter missed the request, or its answer was lost on the bus).</summary>
    Silence,

    /// <summary>The answer with one bit flipped in its information or FCS, so its FCS fails.</summary>
    BadFcs,

    /// <summary>Only the first half of the answer (the line dropped out).</summary>
    Truncated,

    /// <summary>The meter drops the association and the link: DM instead of the answer.</summary>
    DropAssociation,
}
