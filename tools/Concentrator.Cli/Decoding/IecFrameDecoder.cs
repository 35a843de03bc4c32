using Concentrator.Core.Iec62056;
using Concentrator.Core.Json;

namespace Concentrator.Cli.Decoding;

/// <summary>
/// IEC 62056-21 readouts ("/ident CR LF" then STX data ETX BCC) through Core's <see cref="IecMessageDecoder"/>; results
/// via <see cref="ReadingJsonFormatter"/>, the same JSON shape as DSMR. The reader's own messages and the meter's
/// handshake answers in a captured session (request, ACK, P0 …) are passed over; every failure is reported.
/// </summary>
public sealed class IecFrameDecoder : IFrameDecoder
{
    public const string ProtocolName = IecMessageDecoder.ProtocolName;

    private readonly IecMessageDecoder _decoder = new(new IecDecoderOptions());
    private readonly ReadingJsonFormatter _formatter = new();

    public void Feed(byte[] data, int offset, int count, DecodeOutput output)
    {
        int end = offset + count;
        while (offset < end)
        {
            IecStatus status = _decoder.Feed(data, offset, end - offset, out int consumed);
            offset += consumed;
            Report(status, output);
        }
    }

    public void Finish(DecodeOutput output)
    {
        for (int i = 0; i < 2; i++)
        {
            IecStatus status = _decoder.Finish(true);
            if (status == IecStatus.NeedMoreData)
            {
                return;
            }

            Report(status, output);
        }
    }

    private void Report(IecStatus status, DecodeOutput output)
    {
        if (status != IecStatus.ReadoutReady && status < IecStatus.GarbageSkipped)
        {
            return; // waiting, an identification (kept for its readout), or a handshake message
        }

        JsonWriter json = output.BeginResult();
        if (status == IecStatus.ReadoutReady)
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
