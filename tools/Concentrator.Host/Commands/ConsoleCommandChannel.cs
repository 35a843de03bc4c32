using Concentrator.Core.Commands;

namespace Concentrator.Host.Commands;

/// <summary>
/// The console as a text command channel: each input line is one message for the command handler (the same
/// executor the SMS and MQTT channels use); each reply is written as one line. Blank lines and lines starting with
/// '#' are skipped, so a file of commands can be piped in.
/// </summary>
public sealed class ConsoleCommandChannel : ICommandReply
{
    private readonly ICommandHandler _handler;
    private readonly TextWriter _output;
    private string? _lastReply;

    public ConsoleCommandChannel(ICommandHandler handler, TextWriter output)
    {
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _output = output ?? throw new ArgumentNullException(nameof(output));
    }

    /// <summary>Messages answered with one of the error replies.</summary>
    public int Errors { get; private set; }

    public int Messages { get; private set; }

    /// <summary>Runs one message; returns its reply.</summary>
    public string Run(string message)
    {
        _lastReply = null;
        Messages++;
        _handler.Handle(message, this);
        string reply = _lastReply ?? string.Empty;
        if (CommandExecutor.IsError(reply))
        {
            Errors++;
        }

        return reply;
    }

    /// <summary>Runs every line until the end of the input or cancellation.</summary>
    public void RunAll(TextReader input, CancellationToken cancellationToken)
    {
        string? line;
        while (!cancellationToken.IsCancellationRequested && (line = input.ReadLine()) is not null)
        {
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            Run(trimmed);
        }
    }

    public void Send(string text)
    {
        _lastReply = text;
        _output.WriteLine(text);
    }
}
