using System;
using System.IO;

namespace Concentrator.Cli.CommandLine;

/// <summary>The standard streams a command uses, so that tests can run commands in-process.</summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, Func<Stream> openInput)
    {
        Out = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        OpenInput = openInput ?? throw new ArgumentNullException(nameof(openInput));
    }

    /// <summary>Results: JSON lines, published messages.</summary>
    public TextWriter Out { get; }

    /// <summary>Diagnostics and error messages.</summary>
    public TextWriter Error { get; }

    /// <summary>Opens standard input (binary).</summary>
    public Func<Stream> OpenInput { get; }

    /// <summary>The process's own console.</summary>
    public static CliConsole System()
    {
        return new CliConsole(Console.Out, Console.Error, Console.OpenStandardInput);
    }
}
