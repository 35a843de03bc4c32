using System;
using System.Collections.Generic;
using System.Threading;
using Concentrator.Cli.CommandLine;
using Concentrator.Cli.Decoding;

namespace Concentrator.Cli.Commands;

/// <summary>Finds the command, parses its arguments, runs it and turns usage errors into exit code 2.</summary>
public static class CliApplication
{
    public static int Run(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ICliCommand[] commands = { new DecodeCommand(DecoderRegistry.CreateDefault()), new SimulateCommand(), new DemoCommand(), new RunCommand(), new TextCommandCliCommand() };
        if (args.Length == 0)
        {
            console.Error.Write(Overview(commands));
            return ExitCodes.Usage;
        }

        string name = args[0];
        if (name == "--help" || name == "-h" || name == "help")
        {
            if (args.Length > 1 && Find(commands, args[1]) is { } topic)
            {
                console.Out.Write(topic.Help);
                return ExitCodes.Ok;
            }

            console.Out.Write(Overview(commands));
            return ExitCodes.Ok;
        }

        ICliCommand? command = Find(commands, name);
        if (command is null)
        {
            console.Error.WriteLine("concentrator: unknown command '" + name + "': expected " + Names(commands) + " (see 'concentrator --help')");
            return ExitCodes.Usage;
        }

        try
        {
            ParsedArguments arguments = ParsedArguments.Parse(command.Name, args, 1, command.Options);
            if (arguments.Help)
            {
                console.Out.Write(command.Help);
                return ExitCodes.Ok;
            }

            return command.Run(arguments, console, cancellationToken);
        }
        catch (UsageException exception)
        {
            console.Error.WriteLine("concentrator " + command.Name + ": " + exception.Message);
            return ExitCodes.Usage;
        }
    }

    private static string Overview(IReadOnlyList<ICliCommand> commands)
    {
        var text = new System.Text.StringBuilder();
        text.Append("usage: concentrator COMMAND [options]\n\ncommands:\n");
        foreach (ICliCommand command in commands)
        {
            text.Append("  ").Append(command.Name.PadRight(10)).Append(command.Summary).Append('\n');
        }

        text.Append("\n'concentrator COMMAND --help' describes a command.\n");
        return text.ToString();
    }

    private static ICliCommand? Find(IReadOnlyList<ICliCommand> commands, string name)
    {
        foreach (ICliCommand command in commands)
        {
            if (command.Name == name)
            {
                return command;
            }
        }

        return null;
    }

    private static string Names(IReadOnlyList<ICliCommand> commands)
    {
        var names = new string[commands.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = commands[i].Name;
        }

        return string.Join(", ", names);
    }
}
