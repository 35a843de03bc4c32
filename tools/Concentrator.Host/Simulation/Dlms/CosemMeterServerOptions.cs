using Concentrator.Core.Dlms;

namespace Concentrator.Host.Simulation.Dlms;

/// <summary>How the simulated COSEM meter behaves (defaults: the 2N MeterCom PRO on an E350, seeds/003).</summary>
public sealed class CosemMeterServerOptions
{
    /// <summary>Low level security password ("HELLO" on the MeterCom module, "00000000" on a ZMD405).</summary>
    public string Password { get; set; } = "HELLO";

    /// <summary>Whether a client without authentication (the public client) may associate.</summary>
    public bool AllowNoAuthentication { get; set; } = true;

    /// <summary>The meter's server-max-receive-pdu-size; also caps the APDUs it sends.</summary>
    public int MaxPduSize { get; set; } = 512;

    /// <summary>What the meter supports; the negotiated block is this AND the client's proposal.</summary>
    public uint Conformance { get; set; } = Core.Dlms.Conformance.Get | Core.Dlms.Conformance.BlockTransferWithGetOrRead |
                                            Core.Dlms.Conformance.MultipleReferences | Core.Dlms.Conformance.SelectiveAccess |
                                            Core.Dlms.Conformance.Attribute0SupportedWithGet;

    /// <summary>Seed of the meter's values and serial number.</summary>
    public int Seed { get; set; } = 1;

    public string SerialNumber { get; set; } = "11620371";

    /// <summary>The meter's clock (UTC); default the system clock.</summary>
    public Func<DateTime> UtcNow { get; set; } = () => DateTime.UtcNow;

    /// <summary>Fault: after this many GET requests the meter forgets the association (0: never).</summary>
    public int DropAssociationAfterGets { get; set; }
}
