namespace Concentrator.Core.Hdlc
{
    /// <summary>
    /// One decoded HDLC frame: a view into its decoder's buffer, valid until the decoder is fed again. Reused by the
    /// decoder for every frame (no allocation per frame).
    /// </summary>
    public sealed class HdlcFrame
    {
        /// <summary>The buffer holding the frame (the decoder's), starting after the opening flag.</summary>
        public byte[] Buffer;

        /// <summary>The frame length field: bytes from the format field to the FCS, flags excluded.</summary>
        public int Length;

        /// <summary>The segmentation bit of the format field: more segments of this information follow.</summary>
        public bool Segmented;

        public HdlcAddress Destination;

        public HdlcAddress Source;

        public byte Control;

        /// <summary>Where the information field starts in <see cref="Buffer"/>.</summary>
        public int InformationOffset;

        /// <summary>Bytes of information (0: no information field, and no HCS).</summary>
        public int InformationLength;

        public HdlcFrameType Type
        {
            get { return HdlcControl.TypeOf(Control); }
        }

        /// <summary>N(S) (I frames).</summary>
        public int SendSequence
        {
            get { return HdlcControl.SendSequence(Control); }
        }

        /// <summary>N(R) (I, RR, RNR frames).</summary>
        public int ReceiveSequence
        {
            get { return HdlcControl.ReceiveSequence(Control); }
        }

        public bool PollFinal
        {
            get { return HdlcControl.IsPollFinal(Control); }
        }

        /// <summary>Bytes on the wire including both flags.</summary>
        public int WireLength
        {
            get { return Length + 2; }
        }
    }
}
