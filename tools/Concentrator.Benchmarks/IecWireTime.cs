using Concentrator.Core.Iec62056;
using Concentrator.Host.Simulation.Iec;

namespace Concentrator.Benchmarks;

/// <summary>
/// <c>iec-wire-time</c>: a whole IEC 62056-21 session (sign-on, identification, option select, switch, ~2 KB readout)
/// against the simulated meter over the simulated optical line in real time, at each port cap; prints the baud reached,
/// the readout's duration against its wire-time bound (bytes × 10 bits / baud), and the whole session's time.
/// </summary>
public static class IecWireTime
{
    public static int Run()
    {
        Console.WriteLine("port cap | baud | readout bytes | readout ms | wire-time bound ms | deviation | session ms | attempts");
        bool ok = true;
        foreach (int cap in new[] { 19200, 9600, 2400, 300 })
        {
            var clock = new RealTimeClock();
            var profile = new IecMeterProfile { ReadoutTargetBytes = 2048, MaximumBaud = 19200 };
            var line = new SimulatedIecLine(new SimulatedIecMeter(profile, DateTime.UtcNow), clock);
            var session = new IecSession(line, clock, new IecMessageDecoder(new IecDecoderOptions()), null);
            IecSessionOutcome outcome = session.Run(new IecSessionOptions { PortMaximumBaud = cap });
            double bound = session.ReadoutBytes * 10 * 1000.0 / Math.Max(1, session.NegotiatedBaud);
            double deviation = (session.ReadoutMilliseconds - bound) / bound;
            ok &= outcome == IecSessionOutcome.ReadoutComplete && Math.Abs(deviation) <= 0.10;
            Console.WriteLine(cap + " | " + session.NegotiatedBaud + " | " + session.ReadoutBytes + " | " + session.ReadoutMilliseconds + " | " +
                              bound.ToString("F0") + " | " + (deviation * 100).ToString("+0.0;-0.0;0.0") + " % | " + session.ElapsedMilliseconds + " | " +
                              session.Attempts + (outcome == IecSessionOutcome.ReadoutComplete ? "" : " " + outcome + ": " + session.LastProblem));
        }

        return ok ? 0 : 1;
    }
}
