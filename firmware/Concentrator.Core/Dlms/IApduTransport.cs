namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Carries whole xDLMS APDUs between the client and one meter: HDLC over a serial line or TCP (IEC 62056-46), or
    /// the TCP wrapper (IEC 62056-47). The APDUs are bare: the HDLC transport adds and strips the LLC header
    /// (E6 E6 00 / E6 E7 00) and does the segmentation; the wrapper adds and strips its 8-byte header.
    /// Every call is bounded in time and reports a <see cref="ApduTransportStatus"/> instead of throwing.
    /// </summary>
    public interface IApduTransport
    {
        /// <summary>Opens the link to the meter (HDLC: SNRM/UA and parameter negotiation; wrapper: nothing to do).</summary>
        ApduTransportStatus Open();

        /// <summary>
        /// Sends one complete APDU and receives the complete response APDU into <paramref name="response"/>
        /// (reassembled from its segments), setting <paramref name="responseLength"/>.
        /// </summary>
        ApduTransportStatus Exchange(byte[] request, int offset, int count, byte[] response, out int responseLength);

        /// <summary>Closes the link (HDLC: DISC and its answer). Always safe to call, also on a link never opened.</summary>
        void Close();

        /// <summary>What went wrong in the last call that did not return Ok, naming the check (empty after Ok).</summary>
        string LastError { get; }

        /// <summary>Bytes written to and read from the line since the transport was made (for the per-meter report).</summary>
        long BytesSent { get; }

        long BytesReceived { get; }

        /// <summary>Request/response round trips on the line since the transport was made (each frame sent that expects an answer).</summary>
        int RoundTrips { get; }
    }
}
