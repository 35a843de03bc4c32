using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Concentrator.Cli.CommandLine;
using Concentrator.Cli.Decoding;

namespace Concentrator.Cli.Commands;

/// <summary><c>decode --protocol dsmr [--hex] FILE|-</c>: decodes a capture and prints one JSON line per frame and per failure.</summary>
public sealed class DecodeCommand : ICliCommand
{
    /// <summary>Largest input read (a day of DSMR 5 telegrams is about 70 MB; captures are far smaller).</summary>
    public const int MaxInputBytes = 256 * 1024 * 1024;

    private readonly DecoderRegistry _registry;

    public DecodeCommand(DecoderRegistry registry)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
    }

    public string Name => "decode";

    public string Summary => "decode a capture (file or standard input) and print one JSON line per telegram or failure";

    public IReadOnlyList<OptionSpec> Options { get; } = new OptionSpec[] { new("protocol", true), new("hex", false) };

    public string Help =>
        "usage: concentrator decode --protocol PROTOCOL [--hex] FILE|-\n" +
        "\n" +
        "Reads the whole input (FILE, or standard input for -), decodes it with the firmware's own decoder\n" +
        "and prints one JSON object per line for each frame and each failure:\n" +
        "  {\"protocol\":\"dsmr\",\"ok\":true,\"meter\":\"…\",\"identification\":\"…\",\"time\":\"…\",\n" +
        "   \"readings\":[{\"obis\":\"1-0:1.8.1*255\",\"value\":687.138,\"unit\":\"kWh\"},…]}\n" +
        "  {\"protocol\":\"dsmr\",\"ok\":false,\"error\":\"CRC mismatch: telegram says 0C97, computed 3030\"}\n" +
        "\n" +
        "options:\n" +
        "  --protocol PROTOCOL  the protocol of the capture; one of:\n" +
        string.Join("\n", _registry.Describe()) + "\n" +
        "  --hex                the input is a hex dump (pairs of hex digits; whitespace anywhere is ignored)\n" +
        "\n" +
        "exit code: 0 every frame decoded; 1 a frame failed, or the input held none; 2 usage error\n" +
        "(unknown protocol or option, missing file, bad hex).\n";

    public int Run(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        arguments.RequireAtMostPositionals(1);
        string? protocol = arguments.Value("protocol");
        if (protocol is null)
        {
            throw new UsageException("missing --protocol (known: " + _registry.NameList() + ")");
        }

        if (!_registry.TryCreate(protocol, out IFrameDecoder? decoder))
        {
            throw new UsageException("unknown protocol '" + protocol + "' (known: " + _registry.NameList() + ")");
        }

        if (arguments.Positionals.Count == 0)
        {
            throw new UsageException("missing input: give a file, or - for standard input");
        }

        string path = arguments.Positionals[0];
        byte[] input = ReadAll(path, console, out int length);
        byte[] data = input;
        if (arguments.Flag("hex"))
        {
            if (!HexText.TryParse(input, length, out data, out string? error))
            {
                throw new UsageException(error + " in " + (path == "-" ? "standard input" : path));
            }

            length = data.Length;
        }

        var output = new DecodeOutput(console.Out);
        decoder!.Feed(data, 0, length, output);
        decoder.Finish(output);
        console.Out.Flush();

        if (output.Good == 0)
        {
            console.Error.WriteLine(output.Failed == 0
                ? "decode: no " + protocol + " telegram in the input (" + length + " bytes)"
                : "decode: no " + protocol + " telegram decoded; " + output.Failed + " failure(s)");
            return ExitCodes.Failed;
        }

        if (output.Failed > 0)
        {
            console.Error.WriteLine("decode: " + output.Good + " decoded, " + output.Failed + " failure(s)");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    private static byte[] ReadAll(string path, CliConsole console, out int length)
    {
        Stream stream;
        if (path == "-")
        {
            stream = console.OpenInput();
        }
        else
        {
            if (Directory.Exists(path))
            {
                throw new UsageException("'" + path + "' is a directory, not a file");
            }

            if (!File.Exists(path))
            {
                throw new UsageException("file not found: " + path);
            }

            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                throw new UsageException("cannot read " + path + ": " + exception.Message);
            }
        }

        using (stream)
        {
            byte[] buffer = new byte[64 * 1024];
            length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= MaxInputBytes)
                    {
                        throw new UsageException("input too large: more than " + MaxInputBytes / (1024 * 1024) + " MiB");
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxInputBytes));
                }

                int read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    return buffer;
                }

                length += read;
            }
        }
    }
}
