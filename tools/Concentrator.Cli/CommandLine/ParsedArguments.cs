using System;
using System.Collections.Generic;
using System.Globalization;

namespace Concentrator.Cli.CommandLine;

/// <summary>
/// A command's arguments after parsing: options by name, positional arguments in order. The typed getters check
/// ranges and throw <see cref="UsageException"/> with a message naming the option, the value and what is expected.
/// </summary>
public sealed class ParsedArguments
{
    private readonly string _command;
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = new();

    private ParsedArguments(string command)
    {
        _command = command;
    }

    /// <summary>True when --help or -h was given.</summary>
    public bool Help { get; private set; }

    public IReadOnlyList<string> Positionals => _positionals;

    /// <summary>
    /// Parses <paramref name="args"/> from <paramref name="start"/>. "--" ends the options; "-" alone is a positional
    /// (standard input).
    /// </summary>
    public static ParsedArguments Parse(string command, string[] args, int start, IReadOnlyList<OptionSpec> options)
    {
        var parsed = new ParsedArguments(command);
        bool optionsEnded = false;
        for (int i = start; i < args.Length; i++)
        {
            string arg = args[i];
            if (optionsEnded || arg == "-" || !arg.StartsWith('-'))
            {
                parsed._positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (arg == "-h" || arg == "--help")
            {
                parsed.Help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException("unknown option '" + arg + "' for '" + command + "' (options are spelled --name; see 'concentrator " + command + " --help')");
            }

            string name = arg.Substring(2);
            string? inlineValue = null;
            int equals = name.IndexOf('=');
            if (equals >= 0)
            {
                inlineValue = name.Substring(equals + 1);
                name = name.Substring(0, equals);
            }

            OptionSpec? spec = Find(options, name);
            if (spec is null)
            {
                throw new UsageException("unknown option '--" + name + "' for '" + command + "' (see 'concentrator " + command + " --help')");
            }

            if (!spec.TakesValue)
            {
                if (inlineValue is not null)
                {
                    throw new UsageException("option '--" + name + "' takes no value");
                }

                parsed._flags.Add(name);
                continue;
            }

            string value;
            if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (i + 1 < args.Length)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException("option '--" + name + "' needs a value");
            }

            if (!parsed._values.TryGetValue(name, out List<string>? list))
            {
                list = new List<string>();
                parsed._values[name] = list;
            }
            else if (!spec.Repeatable)
            {
                throw new UsageException("option '--" + name + "' given twice");
            }

            list.Add(value);
        }

        return parsed;
    }

    public bool Has(string name) => _flags.Contains(name) || _values.ContainsKey(name);

    public bool Flag(string name) => _flags.Contains(name);

    public string? Value(string name) => _values.TryGetValue(name, out List<string>? list) ? list[list.Count - 1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out List<string>? list) ? list : Array.Empty<string>();

    /// <summary>A whole number in [min, max], or the default when the option is absent.</summary>
    public int Int(string name, int defaultValue, int min, int max)
    {
        string? text = Value(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new UsageException("--" + name + " " + text + ": expected a whole number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture));
        }

        return value;
    }

    /// <summary>Seconds (decimals allowed) in [min, max], or null when the option is absent.</summary>
    public TimeSpan? Seconds(string name, double min, double max)
    {
        string? text = Value(name);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) || seconds < min || seconds > max)
        {
            throw new UsageException("--" + name + " " + text + ": expected seconds from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture) + " (e.g. 10 or 0.5)");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A decimal number in [min, max], or the default.</summary>
    public double Number(string name, double defaultValue, double min, double max)
    {
        string? text = Value(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || value < min || value > max)
        {
            throw new UsageException("--" + name + " " + text + ": expected a number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture));
        }

        return value;
    }

    /// <summary>Fails when more positionals were given than the command takes.</summary>
    public void RequireAtMostPositionals(int count)
    {
        if (_positionals.Count > count)
        {
            throw new UsageException("unexpected argument '" + _positionals[count] + "' for '" + _command + "' (see 'concentrator " + _command + " --help')");
        }
    }

    private static OptionSpec? Find(IReadOnlyList<OptionSpec> options, string name)
    {
        for (int i = 0; i < options.Count; i++)
        {
            if (options[i].Name == name)
            {
                return options[i];
            }
        }

        return null;
    }
}
