using System;
using System.Collections.Generic;

namespace Concentrator.Cli.Decoding;

/// <summary>
/// The protocols <c>decode --protocol</c> knows, by name. Adding one (iec62056-21, hdlc, dlms, sml) is one
/// <see cref="Register"/> call with a factory for its <see cref="IFrameDecoder"/>.
/// </summary>
public sealed class DecoderRegistry
{
    private readonly List<(string Name, string Description, Func<IFrameDecoder> Create)> _entries = new();

    /// <summary>Every protocol this build decodes.</summary>
    public static DecoderRegistry CreateDefault()
    {
        var registry = new DecoderRegistry();
        registry.Register(DsmrFrameDecoder.ProtocolName, "DSMR P1 telegrams (DSMR 2.2 to 5, Belgian, Luxembourg and Nordic variants)", () => new DsmrFrameDecoder());
        registry.Register(SmlFrameDecoder.ProtocolName, "SML files (transport v1; eHZ push files, GetList responses, E750 signed values)", () => new SmlFrameDecoder());
        registry.Register(DlmsFrameDecoder.ProtocolName, "bare DLMS/COSEM APDUs, hex (AARQ/AARE, RLRQ/RLRE, GET requests and responses, exception responses)", () => new DlmsFrameDecoder());
        registry.Register(IecFrameDecoder.ProtocolName, "IEC 62056-21 readouts (optical port, modes A to E; BCC checked)", () => new IecFrameDecoder());
        registry.Register(HdlcCaptureDecoder.ProtocolName, "HDLC frames (IEC 62056-46): addresses, control, SNRM/UA parameters, the APDUs inside", () => new HdlcCaptureDecoder());
        return registry;
    }

    public void Register(string name, string description, Func<IFrameDecoder> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (TryCreate(name, out _))
        {
            throw new ArgumentException("protocol '" + name + "' is registered already", nameof(name));
        }

        _entries.Add((name, description ?? string.Empty, create));
    }

    public bool TryCreate(string name, out IFrameDecoder? decoder)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                decoder = entry.Create();
                return true;
            }
        }

        decoder = null;
        return false;
    }

    /// <summary>"dsmr, …" for messages.</summary>
    public string NameList()
    {
        var names = new string[_entries.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = _entries[i].Name;
        }

        return string.Join(", ", names);
    }

    /// <summary>"  dsmr   description" lines for help.</summary>
    public IEnumerable<string> Describe()
    {
        foreach (var entry in _entries)
        {
            yield return "  " + entry.Name.PadRight(14) + entry.Description;
        }
    }
}
