using Concentrator.Cli.CommandLine;
using Concentrator.Host.Simulation.Iec;

namespace Concentrator.Cli.Commands;

/// <summary><c>simulate --protocol iec62056-21</c>: a simulated optical IEC 62056-21 meter on a loopback TCP port.</summary>
internal static class IecSimulation
{
    public const string ProtocolName = "iec62056-21";

    public const string Help =
        "  --protocol P         dsmr (default) or iec62056-21: a Landis+Gyr meter behind an optical head that answers\n" +
        "                       /?! or /?11620371! at 300 7E1, then switches as asked (modes C and E, up to 9600)\n" +
        "  --mode M             iec62056-21: the meter's protocol mode A, B, C, D or E (default E)\n";

    public static bool Requested(ParsedArguments arguments)
    {
        string? protocol = arguments.Value("protocol");
        if (protocol is null || protocol == "dsmr")
        {
            return false;
        }

        if (protocol != ProtocolName)
        {
            throw new UsageException("--protocol " + protocol + ": expected dsmr or " + ProtocolName);
        }

        return true;
    }

    public static int Run(ParsedArguments arguments, int port, TimeSpan? duration, CliConsole console, CancellationToken cancellationToken)
    {
        string mode = arguments.Value("mode") ?? "E";
        if (mode.Length != 1 || "ABCDE".IndexOf(mode[0]) < 0)
        {
            throw new UsageException("--mode " + mode + ": expected A, B, C, D or E");
        }

        var profile = new IecMeterProfile
        {
            Mode = mode[0],
            MaximumBaud = mode[0] == 'A' ? 300 : 9600,
            Seed = arguments.Int("seed", 1, 0, int.MaxValue),
            ReadoutTargetBytes = 2048,
        };
        using var server = new SimulatedIecMeterServer(profile);
        string what = "simulated optical IEC 62056-21 meter /" + profile.IdentificationLine() + ", mode " + profile.Mode + ", address " + profile.Address;
        return SimulatedServerRun.Serve(server, port, what, duration, console, cancellationToken);
    }
}
