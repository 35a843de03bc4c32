using Concentrator.Core.Json;
using Concentrator.Core.Sml;

namespace Concentrator.Cli.Decoding;

/// <summary>
/// SML files (transport v1, binary) through Core's <see cref="SmlFileDecoder"/>; results via
/// <see cref="ReadingJsonFormatter"/>, the same shape as DSMR. A file that failed a check but has messages that passed
/// their own CRC gives two lines: the failure, then the readings of those messages.
/// </summary>
public sealed class SmlFrameDecoder : IFrameDecoder
{
    public const string ProtocolName = "sml";

    private readonly SmlFileDecoder _decoder = new(new SmlDecoderOptions());
    private readonly ReadingJsonFormatter _formatter = new();

    public void Feed(byte[] data, int offset, int count, DecodeOutput output)
    {
        int end = offset + count;
        while (offset < end)
        {
            SmlStatus status = _decoder.Feed(data, offset, end - offset, out int consumed);
            offset += consumed;
            Report(status, output);
        }
    }

    public void Finish(DecodeOutput output)
    {
        Report(_decoder.Finish(true), output);
    }

    private void Report(SmlStatus status, DecodeOutput output)
    {
        if (status == SmlStatus.NeedMoreData)
        {
            return;
        }

        if (status != SmlStatus.FileReady)
        {
            JsonWriter failure = output.BeginResult();
            _formatter.WriteFailure(failure, ProtocolName, _decoder.LastError.ToString());
            output.EndResult(false, ProtocolName);
            if (status != SmlStatus.PartialFile)
            {
                return;
            }
        }

        JsonWriter json = output.BeginResult();
        _formatter.WriteDecodeResult(json, _decoder.Readings);
        output.EndResult(true, ProtocolName);
    }
}
