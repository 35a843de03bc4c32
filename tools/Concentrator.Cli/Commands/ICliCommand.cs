using System.Collections.Generic;
using System.Threading;
using Concentrator.Cli.CommandLine;

namespace Concentrator.Cli.Commands;

/// <summary>One command of the command line (<c>decode</c>, <c>simulate</c>, <c>demo</c>).</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for the overview.</summary>
    string Summary { get; }

    /// <summary>The full text of <c>concentrator NAME --help</c>.</summary>
    string Help { get; }

    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs with parsed arguments; throws <see cref="UsageException"/> for a bad command line; returns the exit code.</summary>
    int Run(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken);
}
