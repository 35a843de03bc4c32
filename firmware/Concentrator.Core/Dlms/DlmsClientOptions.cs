namespace Concentrator.Core.Dlms
{
    /// <summary>How a <see cref="DlmsClient"/> associates and how large its buffers are (set once, from configuration).</summary>
    public sealed class DlmsClientOptions
    {
        public DlmsAuthentication Authentication = DlmsAuthentication.None;

        /// <summary>Low level security password (e.g. "00000000" on the ZMD405, "HELLO" on the MeterCom module).</summary>
        public string Password = string.Empty;

        /// <summary>client-max-receive-pdu-size proposed in the AARQ; also the largest APDU the client accepts.</summary>
        public int MaxReceivePduSize = 1024;

        /// <summary>Largest request APDU built (with-list requests are chunked to fit this and the meter's limit).</summary>
        public int RequestBufferSize = 512;

        /// <summary>Room for the data of one GET or GET-with-list call, block transfers reassembled (a day of 15-minute profile ≈ 5 KB).</summary>
        public int DataBufferSize = 8192;

        /// <summary>Most attributes one <see cref="DlmsClient.GetList"/> call takes.</summary>
        public int MaxAttributesPerCall = 64;

        /// <summary>Most attributes per GET-with-list request (the meter's PDU size may lower it).</summary>
        public int MaxAttributesPerRequest = 32;

        /// <summary>Most blocks accepted for one response (a meter that never sets last-block costs this many round trips, no more).</summary>
        public int MaxBlocks = 256;

        public uint ProposedConformance = Conformance.ClientProposal;

        /// <summary>Use GET-with-list when the meter grants multiple-references (false: one GET per attribute).</summary>
        public bool UseWithList = true;
    }
}
