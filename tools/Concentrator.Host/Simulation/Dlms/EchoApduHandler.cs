namespace Concentrator.Host.Simulation.Dlms;

/// <summary>
/// A test handler for the link layers: answers every request with the same bytes, optionally repeated to a given
/// length (to force segmented responses), and counts what it saw. Requests starting with <see cref="SilentMarker"/>
/// get no answer.
/// </summary>
public sealed class EchoApduHandler : IApduHandler
{
    /// <summary>First byte of a request the handler leaves unanswered.</summary>
    public const byte SilentMarker = 0xFF;

    private readonly int _responseLength;

    /// <param name="responseLength">0: echo the request as it came; otherwise repeat its bytes to this length.</param>
    public EchoApduHandler(int responseLength = 0)
    {
        _responseLength = responseLength;
    }

    public int Requests { get; private set; }

    public int Resets { get; private set; }

    public byte[] LastRequest { get; private set; } = System.Array.Empty<byte>();

    public int Handle(byte[] request, int offset, int count, byte[] response, int responseOffset)
    {
        Requests++;
        LastRequest = new byte[count];
        System.Array.Copy(request, offset, LastRequest, 0, count);
        if (count > 0 && request[offset] == SilentMarker)
        {
            return -1;
        }

        int length = _responseLength == 0 ? count : _responseLength;
        for (int i = 0; i < length; i++)
        {
            response[responseOffset + i] = count == 0 ? (byte)i : request[offset + (i % count)];
        }

        return length;
    }

    public void Reset()
    {
        Resets++;
    }
}
