using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;
using Concentrator.Host.Simulation.Dlms;

namespace Concentrator.Host.Tests.Dlms;

/// <summary>A simulated COSEM meter wired to a DLMS client through the in-process transport, at a fixed time.</summary>
internal sealed class DlmsTestMeter
{
    public static readonly DateTime Now = new(2026, 11, 21, 12, 7, 30, DateTimeKind.Utc);

    public DlmsTestMeter(Action<CosemMeterServerOptions>? configureMeter = null, Action<DlmsClientOptions>? configureClient = null)
    {
        var meterOptions = new CosemMeterServerOptions { UtcNow = () => Now };
        configureMeter?.Invoke(meterOptions);
        Server = new CosemMeterServer(meterOptions);
        Transport = new LoopbackApduTransport(Server);
        ClientOptions = new DlmsClientOptions();
        configureClient?.Invoke(ClientOptions);
        Client = new DlmsClient(Transport, ClientOptions);
        Reader = new CosemObjectReader(Client, 128);
    }

    public CosemMeterServer Server { get; }

    public LoopbackApduTransport Transport { get; }

    public DlmsClientOptions ClientOptions { get; }

    public DlmsClient Client { get; }

    public CosemObjectReader Reader { get; }

    public static ObisCode Obis(string text)
    {
        if (!ObisCode.TryParse(text, out ObisCode code))
        {
            throw new ArgumentException("not an OBIS code: " + text);
        }

        return code;
    }

    /// <summary>Twenty registers a concentrator reads every quarter hour: energy totals and rates, voltages, currents, power.</summary>
    public static CosemObjectInfo[] TwentyRegisters()
    {
        string[] names =
        {
            "1-0:1.8.0", "1-0:1.8.1", "1-0:1.8.2", "1-0:2.8.0", "1-0:2.8.1", "1-0:2.8.2", "1-0:3.8.0", "1-0:4.8.0",
            "1-0:9.8.0", "1-0:32.7.0", "1-0:52.7.0", "1-0:72.7.0", "1-0:31.7.0", "1-0:51.7.0", "1-0:71.7.0",
            "1-0:21.7.0", "1-0:41.7.0", "1-0:61.7.0", "1-0:14.7.0", "1-0:13.7.0",
        };
        var objects = new CosemObjectInfo[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            objects[i] = new CosemObjectInfo(CosemObjectInfo.RegisterClass, Obis(names[i]));
        }

        return objects;
    }
}
