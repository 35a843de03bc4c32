namespace Concentrator.Cli.CommandLine;

/// <summary>One option a command accepts: <c>--name</c> alone (a flag) or <c>--name VALUE</c> / <c>--name=VALUE</c>.</summary>
public sealed class OptionSpec
{
    public OptionSpec(string name, bool takesValue, bool repeatable = false)
    {
        Name = name;
        TakesValue = takesValue;
        Repeatable = repeatable;
    }

    /// <summary>Without the leading dashes.</summary>
    public string Name { get; }

    public bool TakesValue { get; }

    public bool Repeatable { get; }
}
