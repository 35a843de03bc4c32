using Concentrator.Core.Dlms;

namespace Concentrator.Host.Simulation.Dlms;

/// <summary>
/// An <see cref="IApduTransport"/> that hands each request straight to an <see cref="IApduHandler"/> in the same
/// process (no HDLC, no wire): the DLMS client against the simulated meter's application layer. Counts round trips
/// and APDU bytes as a line transport would (without link-layer overhead).
/// </summary>
public sealed class LoopbackApduTransport : IApduTransport
{
    private readonly IApduHandler _handler;
    private readonly byte[] _scratch = new byte[70000];
    private bool _open;

    public LoopbackApduTransport(IApduHandler handler)
    {
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
    }

    public string LastError { get; private set; } = string.Empty;

    public long BytesSent { get; private set; }

    public long BytesReceived { get; private set; }

    public int RoundTrips { get; private set; }

    /// <summary>Fault: the meter never answers (every exchange times out).</summary>
    public bool Silent { get; set; }

    public ApduTransportStatus Open()
    {
        _open = true;
        LastError = string.Empty;
        return ApduTransportStatus.Ok;
    }

    public ApduTransportStatus Exchange(byte[] request, int offset, int count, byte[] response, out int responseLength)
    {
        responseLength = 0;
        if (!_open)
        {
            LastError = "exchange before open";
            return ApduTransportStatus.NotOpen;
        }

        RoundTrips++;
        BytesSent += count;
        int length = Silent ? -1 : _handler.Handle(request, offset, count, _scratch, 0);
        if (length < 0)
        {
            LastError = "no answer from the meter";
            return ApduTransportStatus.Timeout;
        }

        if (length > response.Length)
        {
            LastError = "response APDU of " + length + " bytes does not fit the " + response.Length + "-byte buffer";
            return ApduTransportStatus.BufferTooSmall;
        }

        Array.Copy(_scratch, response, length);
        BytesReceived += length;
        responseLength = length;
        LastError = string.Empty;
        return ApduTransportStatus.Ok;
    }

    public void Close()
    {
        _open = false;
    }
}
