using System;
using System.Threading;
using Concentrator.Cli.CommandLine;
using Concentrator.Cli.Commands;

namespace Concentrator.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C stops the command cleanly; a second one ends the process.
            if (!interrupted.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupted.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return CliApplication.Run(args, CliConsole.System(), interrupted.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
