using Concentrator.Core.Dsmr;
using Concentrator.Core.Json;

namespace Concentrator.Cli.Decoding;

/// <summary>DSMR P1 telegrams through Core's <see cref="DsmrTelegramDecoder"/>; results via <see cref="ReadingJsonFormatter"/>.</summary>
public sealed class DsmrFrameDecoder : IFrameDecoder
{
    public const string ProtocolName = "dsmr";

    private readonly DsmrTelegramDecoder _decoder = new(new DsmrDecoderOptions());
    private readonly ReadingJsonFormatter _formatter = new();

    public void Feed(byte[] data, int offset, int count, DecodeOutput output)
    {
        int end = offset + count;
        while (offset < end)
        {
            DsmrStatus status = _decoder.Feed(data, offset, end - offset, out int consumed);
            offset += consumed;
            Report(status, output);
        }
    }

    public void Finish(DecodeOutput output)
    {
        // A pending telegram and pending garbage cannot both be open, but a second call costs nothing.
        for (int i = 0; i < 2; i++)
        {
            DsmrStatus status = _decoder.Finish(true);
            if (status == DsmrStatus.NeedMoreData)
            {
                return;
            }

            Report(status, output);
        }
    }

    private void Report(DsmrStatus status, DecodeOutput output)
    {
        if (status == DsmrStatus.NeedMoreData)
        {
            return;
        }

        JsonWriter json = output.BeginResult();
        if (status == DsmrStatus.TelegramReady)
        {
            _formatter.WriteDecodeResult(json, _decoder.Readings);
            output.EndResult(true, ProtocolName);
        }
        else
        {
            _formatter.WriteFailure(json, ProtocolName, _decoder.LastError.ToString());
            output.EndResult(false, ProtocolName);
        }
    }
}
