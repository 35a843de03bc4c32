namespace Concentrator.Cli.CommandLine;

/// <summary>What the process returns.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked (decode: every telegram good).</summary>
    public const int Ok = 0;

    /// <summary>The work failed (decode: a telegram failed or there was none; demo: no readings).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown command or option, bad value, missing file, bad hex.</summary>
    public const int Usage = 2;
}
