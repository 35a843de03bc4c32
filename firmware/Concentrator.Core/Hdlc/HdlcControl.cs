namespace Concentrator.Core.Hdlc
{
    /// <summary>
    /// The HDLC control field (IEC 62056-46 6.4.3): building and reading it. Values below are without the poll/final
    /// bit (0x10); I frames carry N(S) in bits 1-3 and N(R) in bits 5-7, RR/RNR carry N(R) in bits 5-7.
    /// </summary>
    public static class HdlcControl
    {
        /// <summary>The poll (command) / final (response) bit.</summary>
        public const byte PollFinal = 0x10;

        public const byte Snrm = 0x83;
        public const byte Disc = 0x43;
        public const byte Ua = 0x63;
        public const byte Dm = 0x0F;
        public const byte Frmr = 0x87;
        public const byte Ui = 0x03;

        /// <summary>RR with N(R) = 0 (OR in N(R) &lt;&lt; 5).</summary>
        public const byte Rr = 0x01;

        /// <summary>RNR with N(R) = 0.</summary>
        public const byte Rnr = 0x05;

        /// <summary>An I frame's control field.</summary>
        public static byte Information(int sendSequence, int receiveSequence, bool pollFinal)
        {
            return (byte)(((receiveSequence & 7) << 5) | (pollFinal ? PollFinal : 0) | ((sendSequence & 7) << 1));
        }

        /// <summary>An RR frame's control field.</summary>
        public static byte ReceiveReady(int receiveSequence, bool pollFinal)
        {
            return (byte)(((receiveSequence & 7) << 5) | (pollFinal ? PollFinal : 0) | Rr);
        }

        /// <summary>An RNR frame's control field.</summary>
        public static byte ReceiveNotReady(int receiveSequence, bool pollFinal)
        {
            return (byte)(((receiveSequence & 7) << 5) | (pollFinal ? PollFinal : 0) | Rnr);
        }

        /// <summary>An unnumbered frame's control field (SNRM, DISC, UA, DM, FRMR, UI) with the poll/final bit set.</summary>
        public static byte Unnumbered(byte command)
        {
            return (byte)(command | PollFinal);
        }

        public static HdlcFrameType TypeOf(byte control)
        {
            if ((control & 0x01) == 0)
            {
                return HdlcFrameType.Information;
            }

            if ((control & 0x03) == 0x01)
            {
                int supervisory = control & 0x0F;
                if (supervisory == Rr)
                {
                    return HdlcFrameType.ReceiveReady;
                }

                return supervisory == Rnr ? HdlcFrameType.ReceiveNotReady : HdlcFrameType.Unknown;
            }

            switch (control & 0xEF)
            {
                case Snrm:
                    return HdlcFrameType.SetNormalResponseMode;
                case Disc:
                    return HdlcFrameType.Disconnect;
                case Ua:
                    return HdlcFrameType.UnnumberedAcknowledge;
                case Dm:
                    return HdlcFrameType.DisconnectedMode;
                case Frmr:
                    return HdlcFrameType.FrameReject;
                case Ui:
                    return HdlcFrameType.UnnumberedInformation;
                default:
                    return HdlcFrameType.Unknown;
            }
        }

        /// <summary>N(S) of an I frame.</summary>
        public static int SendSequence(byte control)
        {
            return (control >> 1) & 7;
        }

        /// <summary>N(R) of an I, RR or RNR frame.</summary>
        public static int ReceiveSequence(byte control)
        {
            return (control >> 5) & 7;
        }

        public static bool IsPollFinal(byte control)
        {
            return (control & PollFinal) != 0;
        }

        /// <summary>"I", "RR", "SNRM" … for diagnostics.</summary>
        public static string Name(HdlcFrameType type)
        {
            switch (type)
            {
                case HdlcFrameType.Information:
                    return "I";
                case HdlcFrameType.ReceiveReady:
                    return "RR";
                case HdlcFrameType.ReceiveNotReady:
                    return "RNR";
                case HdlcFrameType.SetNormalResponseMode:
                    return "SNRM";
                case HdlcFrameType.Disconnect:
                    return "DISC";
                case HdlcFrameType.UnnumberedAcknowledge:
                    return "UA";
                case HdlcFrameType.DisconnectedMode:
                    return "DM";
                case HdlcFrameType.FrameReject:
                    return "FRMR";
                case HdlcFrameType.UnnumberedInformation:
                    return "UI";
                default:
                    return "unknown";
            }
        }
    }
}
