using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Concentrator.Cli.CommandLine;
using Concentrator.Cli.Commands;

namespace Concentrator.Host.Tests.TestSupport;

/// <summary>Runs a command in-process with captured output, or the built program as a process.</summary>
public sealed class CliRun
{
    private CliRun(int exitCode, string output, string error, TimeSpan duration)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
        Duration = duration;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public TimeSpan Duration { get; }

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static CliRun InProcess(params string[] args) => InProcess(Array.Empty<byte>(), args);

    public static CliRun InProcess(byte[] standardInput, params string[] args) => InProcess(new MemoryStream(standardInput, false), args);

    /// <summary>Runs with <paramref name="standardInput"/> as standard input (e.g. lines handed out over time).</summary>
    public static CliRun InProcess(Stream standardInput, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error), () => standardInput);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a hung command fails the test instead of the run
        long start = Stopwatch.GetTimestamp();
        int exitCode = CliApplication.Run(args, console, limit.Token);
        return new CliRun(exitCode, output.ToString(), error.ToString(), Stopwatch.GetElapsedTime(start));
    }

    /// <summary>The program built next to the tests, run with the same dotnet host; killed after 30 s.</summary>
    public static Process StartProcess(params string[] args)
    {
        string program = Path.Combine(AppContext.BaseDirectory, "concentrator.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
    }
}
