using Concentrator.Host.Timing;
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Concentrator.Cli.CommandLine;
using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Host.Commands;
using Concentrator.Host.Configuration;

namespace Concentrator.Cli.Commands;

/// <summary>
/// <c>command --config FILE [MESSAGE]</c>: runs SMS-style text commands (<c>MCP INFO PWD=…</c>) against a
/// configuration file with the firmware's own command executor and configuration store; without MESSAGE, one
/// command per line from standard input.
/// </summary>
public sealed class TextCommandCliCommand : ICliCommand
{
    public string Name => "command";

    public string Summary => "run SMS-style text commands (MCP INFO/CNF/...) against a configuration file";

    public IReadOnlyList<OptionSpec> Options { get; } = new OptionSpec[] { new("config", true) };

    public string Help =>
        "usage: concentrator command --config FILE [MESSAGE]\n" +
        "\n" +
        "Runs text commands exactly as the concentrator does for an SMS, an MQTT command or its console, and prints\n" +
        "each reply on a line of its own. With MESSAGE (quote it), runs that one; without, reads one command per line\n" +
        "from standard input (blank lines and lines starting with '#' are skipped). Changes are saved to FILE the way\n" +
        "the board saves them: FILE.new written with a checksum, the old FILE kept as FILE.prev. A missing FILE starts\n" +
        "from the defaults (password HELLO).\n" +
        "\n" +
        "examples:\n" +
        "  concentrator command --config gw.conf \"MCP INFO PWD=HELLO\"\n" +
        "  concentrator command --config gw.conf \"MCP CNF PWD=HELLO IP=10.0.25.30 PORT=1883 NPWD=n3w-pass\"\n" +
        "  concentrator command --config gw.conf < commands.txt\n" +
        "\n" +
        "Commands: INFO, CNF, RESET (the 2N MeterCom set) and NET, MQTT, MADD, MDEL, MLIST, POLL, DIAG, CAPT;\n" +
        "reference: firmware/Concentrator.Core/Commands/README.md.\n" +
        "\n" +
        "exit code: 0 every reply was not an error; 1 some reply was an error; 2 usage error.\n";

    public int Run(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        arguments.RequireAtMostPositionals(1);
        string? path = arguments.Value("config");
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("missing --config FILE (the configuration file to read and change)");
        }

        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        var store = new ConfigurationStore(new FileConfigurationStorage(directory), Path.GetFileName(full));
        ConfigurationLoad load = store.Load();
        for (int i = 0; i < load.ProblemCount; i++)
        {
            console.Error.WriteLine("configuration: " + load.Problem(i));
        }

        var executor = new CommandExecutor(store, load.Configuration, new StopwatchClock(), null, null, null);
        var channel = new ConsoleCommandChannel(executor, console.Out);
        if (arguments.Positionals.Count == 1)
        {
            channel.Run(arguments.Positionals[0]);
        }
        else
        {
            using var reader = new StreamReader(console.OpenInput());
            channel.RunAll(reader, cancellationToken);
        }

        if (executor.RestartPending)
        {
            console.Error.WriteLine("RESET accepted: a concentrator would restart now");
        }

        return channel.Errors == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
