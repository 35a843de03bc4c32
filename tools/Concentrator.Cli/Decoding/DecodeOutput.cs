using System;
using System.IO;
using System.Text;
using Concentrator.Core.Json;

namespace Concentrator.Cli.Decoding;

/// <summary>
/// Where decoders put their results: one JSON object per line, written with Core's <see cref="JsonWriter"/> into a
/// reused buffer, and a count of good and failed results for the exit code.
/// </summary>
public sealed class DecodeOutput
{
    private readonly TextWriter _writer;
    private readonly JsonWriter _json;
    private char[] _chars;

    public DecodeOutput(TextWriter writer, int capacity = 65536)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _json = new JsonWriter(capacity);
        _chars = new char[capacity];
    }

    /// <summary>Frames decoded.</summary>
    public int Good { get; private set; }

    /// <summary>Failures reported.</summary>
    public int Failed { get; private set; }

    /// <summary>Starts a result: write one JSON object into the returned writer, then call <see cref="EndResult"/>.</summary>
    public JsonWriter BeginResult()
    {
        _json.Reset();
        return _json;
    }

    /// <summary>Prints the result as a line and counts it.</summary>
    public void EndResult(bool ok, string protocol)
    {
        if (_json.Overflowed)
        {
            // A result too large for the line buffer is itself reported, as a failure with a clear message.
            _json.Reset();
            new ReadingJsonFormatter().WriteFailure(_json, protocol, "result too large for the " + _chars.Length + "-byte output buffer");
            ok = false;
        }

        int needed = Encoding.UTF8.GetMaxCharCount(_json.Length);
        if (_chars.Length < needed)
        {
            _chars = new char[needed];
        }

        int count = Encoding.UTF8.GetChars(_json.Buffer, 0, _json.Length, _chars, 0);
        _writer.Write(_chars, 0, count);
        _writer.Write('\n');
        if (ok)
        {
            Good++;
        }
        else
        {
            Failed++;
        }
    }
}
