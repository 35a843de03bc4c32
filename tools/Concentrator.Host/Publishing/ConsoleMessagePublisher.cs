using System;
using System.IO;
using System.Text;

namespace Concentrator.Host.Publishing;

/// <summary>
/// Prints each message as one line, <c>topic payload</c> (the form of <c>mosquitto_sub -v</c>), to a text writer.
/// Safe to share between runners: lines never interleave.
/// </summary>
public sealed class ConsoleMessagePublisher : IMessagePublisher
{
    private readonly TextWriter _output;
    private readonly object _lock = new();
    private char[] _chars = new char[8192];

    public ConsoleMessagePublisher(TextWriter output)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
    }

    public void Publish(string topic, byte[] payload, int length, bool retain)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(payload);
        lock (_lock)
        {
            int needed = Encoding.UTF8.GetMaxCharCount(length);
            if (_chars.Length < needed)
            {
                _chars = new char[needed];
            }

            int count = Encoding.UTF8.GetChars(payload, 0, length, _chars, 0);
            _output.Write(topic);
            _output.Write(' ');
            _output.Write(_chars, 0, count);
            _output.Write('\n');
            _output.Flush();
        }
    }
}
