using System.Net.Sockets;
using Concentrator.Cli.CommandLine;
using Concentrator.Host.Simulation;

namespace Concentrator.Cli.Commands;

/// <summary>How <c>simulate</c> runs any simulated meter server (P1, SML, IEC 62056-21, DLMS): listen, say so, wait, stop.</summary>
internal static class SimulatedServerRun
{
    /// <summary>
    /// Starts <paramref name="server"/> on 127.0.0.1:<paramref name="port"/> with its diagnostics on the console, prints
    /// where it listens and what it serves (<paramref name="what"/>), waits for Ctrl-C or <paramref name="duration"/>
    /// and stops it. <see cref="ExitCodes.Ok"/>, or <see cref="ExitCodes.Failed"/> when the port cannot be had.
    /// </summary>
    public static int Serve(SimulatedTcpServer server, int port, string what, TimeSpan? duration, CliConsole console, CancellationToken cancellationToken)
    {
        server.Diagnostic += message => console.Out.WriteLine(message);
        try
        {
            server.Start(port);
        }
        catch (SocketException exception)
        {
            console.Error.WriteLine("simulate: cannot listen on 127.0.0.1:" + port + ": " + exception.Message);
            return ExitCodes.Failed;
        }

        console.Out.WriteLine("listening on 127.0.0.1:" + server.Port + ": " + what);
        console.Out.WriteLine(duration is null ? "press Ctrl-C to stop" : "stopping after " + duration.Value.TotalSeconds + " s");
        console.Out.Flush();
        SimulateCommand.WaitForStop(duration, cancellationToken);
        server.Stop();
        return ExitCodes.Ok;
    }
}
