namespace Concentrator.Core.Hdlc
{
    /// <summary>What an HDLC control field says a frame is (IEC 62056-46 6.4.3, ISO/IEC 13239 normal response mode).</summary>
    public enum HdlcFrameType : byte
    {
        /// <summary>A control value that is none of the frames below.</summary>
        Unknown = 0,

        /// <summary>I: information, with N(S) and N(R).</summary>
        Information = 1,

        /// <summary>RR: receive ready, acknowledges up to N(R) and asks for the next segment.</summary>
        ReceiveReady = 2,

        /// <summary>RNR: receive not ready.</summary>
        ReceiveNotReady = 3,

        /// <summary>SNRM: set normal response mode (opens the link).</summary>
        SetNormalResponseMode = 4,

        /// <summary>DISC: disconnect.</summary>
        Disconnect = 5,

        /// <summary>UA: unnumbered acknowledge (answer to SNRM and DISC).</summary>
        UnnumberedAcknowledge = 6,

        /// <summary>DM: disconnected mode (the server is not connected, or refuses).</summary>
        DisconnectedMode = 7,

        /// <summary>FRMR: frame reject (the server could not accept a frame).</summary>
        FrameReject = 8,

        /// <summary>UI: unnumbered information (no sequence numbers; event notifications).</summary>
        UnnumberedInformation = 9,
    }
}
