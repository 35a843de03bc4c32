namespace Concentrator.Cli.Decoding;

/// <summary>
/// One protocol's decoder over one input, for <c>decode</c>: it is fed the input (in one or more pieces) and writes
/// one JSON result per frame or failure to the <see cref="DecodeOutput"/>. A protocol is added to the command by
/// registering a factory for it in <see cref="DecoderRegistry"/>.
/// </summary>
public interface IFrameDecoder
{
    /// <summary>Decodes what it can of the bytes; a frame cut at the end of the piece waits for the next one.</summary>
    void Feed(byte[] data, int offset, int count, DecodeOutput output);

    /// <summary>The input has ended: reports what is still open (a frame without its end) as a failure.</summary>
    void Finish(DecodeOutput output);
}
