namespace Concentrator.Core.Dlms
{
    /// <summary>Outcome of an <see cref="IApduTransport"/> call.</summary>
    public enum ApduTransportStatus : byte
    {
        Ok = 0,
        /// <summary>The meter did not answer within the time allowed (after the transport's own retries).</summary>
        Timeout = 1,
        /// <summary>The meter refused the connection or dropped it (HDLC DM, FRMR, a closed socket).</summary>
        Disconnected = 2,
        /// <summary>What came back was not a valid answer (bad FCS/HCS, wrong address, sequence error) after retries.</summary>
        Corrupt = 3,
        /// <summary>The response APDU does not fit the buffer given.</summary>
        BufferTooSmall = 4,
        /// <summary>The line itself failed (port gone, driver fault).</summary>
        LinkFault = 5,
        /// <summary>Exchange was called before a successful Open.</summary>
        NotOpen = 6,
    }
}
