namespace Concentrator.Host.Simulation.Dlms;

/// <summary>
/// The application part of a simulated DLMS meter: answers one bare xDLMS APDU (no LLC header, no wrapper header)
/// with one bare response APDU. The simulator's link layers (HDLC over a serial-over-TCP bus, the TCP wrapper)
/// strip and add their own framing, reassemble segmented requests before calling <see cref="Handle"/> and segment
/// long responses after it, so a handler only ever sees whole APDUs.
/// One handler instance serves one meter (one HDLC server address / one wrapper port); the link layer calls it from
/// one thread at a time per meter.
/// </summary>
public interface IApduHandler
{
    /// <summary>
    /// Answers the request APDU <paramref name="request"/>[<paramref name="offset"/>..+<paramref name="count"/>] by
    /// writing the response APDU into <paramref name="response"/> from <paramref name="responseOffset"/>.
    /// Returns the response length, or -1 for "no answer" (the meter stays silent, as a real one does with a request
    /// it cannot parse). The response buffer has room for at least <see cref="MaxResponseLength"/> bytes after
    /// <paramref name="responseOffset"/>.
    /// </summary>
    int Handle(byte[] request, int offset, int count, byte[] response, int responseOffset);

    /// <summary>
    /// Called when the link to this meter is opened (HDLC SNRM/UA) or closed (DISC, DM, the socket closing), so the
    /// handler can drop its association state (an xDLMS association lives no longer than its link).
    /// </summary>
    void Reset();
}

/// <summary>Sizes shared by the simulator's link layers and the handlers.</summary>
public static class ApduHandlerLimits
{
    /// <summary>Room a handler may use in the response buffer (a server's max PDU size, 0xFFFF at most).</summary>
    public const int MaxResponseLength = 65535;
}
