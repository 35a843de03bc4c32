using System;

namespace Concentrator.Cli.CommandLine;

/// <summary>The command line cannot be carried out as given; the message says why and is printed as is (exit code 2).</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
