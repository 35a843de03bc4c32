using System.Globalization;
using Concentrator.Cli.CommandLine;
using Concentrator.Core.Iec62056;
using Concentrator.Host.Publishing;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation.Iec;

namespace Concentrator.Cli.Commands;

/// <summary>
/// The demo's optical meters (<c>demo --optical N</c>): simulated Landis+Gyr meters behind an optical head, each read by
/// Core's IEC 62056-21 session over the simulated line in real time (sign-on at 300 baud, switch to 9600, ~2 KB readout),
/// published as "optical1" … "opticalN".
/// </summary>
internal sealed class OpticalDemoMeters
{
    public const string Help =
        "  --optical N          run N simulated optical IEC 62056-21 meters (Landis+Gyr, mode C to 9600 baud,\n" +
        "                       ~2 KB readouts), read in real time over a simulated optical head (default 1, 0 for none, at most 4)\n";

    private readonly List<IecOpticalRunner> _runners = new();
    private readonly List<Task> _runs = new();

    public static OpticalDemoMeters Start(int count, IMessagePublisher publisher, string prefix, string device, TimeSpan interval, CliConsole console, CancellationToken cancellationToken)
    {
        var meters = new OpticalDemoMeters();
        for (int i = 1; i <= count; i++)
        {
            string meterId = "optical" + i.ToString(CultureInfo.InvariantCulture);
            var profile = new IecMeterProfile { Seed = 100 + i, Address = (11620370 + i).ToString(CultureInfo.InvariantCulture), ReadoutTargetBytes = 2048 };
            var runner = new IecOpticalRunner(profile, new IecSessionOptions { Address = profile.Address }, publisher, prefix, device, meterId, interval);
            runner.Diagnostic += message => console.Error.WriteLine(meterId + ": " + message);
            console.Error.WriteLine(meterId + ": simulated optical meter /" + profile.IdentificationLine() + " (address " + profile.Address + ") -> " + runner.ReadingsTopic);
            meters._runners.Add(runner);
            meters._runs.Add(runner.RunAsync(cancellationToken));
        }

        return meters;
    }

    /// <summary>Waits (bounded) for the runners after cancellation and prints their counters.</summary>
    public void Stop(CliConsole console, TimeSpan timeout)
    {
        Task.WaitAll(_runs.ToArray(), timeout);
        for (int i = 0; i < _runners.Count; i++)
        {
            console.Error.WriteLine("optical" + (i + 1).ToString(CultureInfo.InvariantCulture) + ": readouts " + _runners[i].Readouts + ", failures " + _runners[i].Failures);
        }
    }
}
