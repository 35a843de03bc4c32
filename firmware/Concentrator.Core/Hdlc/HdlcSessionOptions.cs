using Concentrator.Core.Io;

namespace Concentrator.Core.Hdlc
{
    /// <summary>How an <see cref="HdlcSession"/> talks to one meter. Validated once when the session is made.</summary>
    public sealed class HdlcSessionOptions
    {
        /// <summary>Our address: <see cref="HdlcAddress.PublicClient"/> (0x10) or <see cref="HdlcAddress.PasswordClient"/> (0x20).</summary>
        public HdlcAddress Client = HdlcAddress.Client(HdlcAddress.PublicClient);

        /// <summary>The meter: logical device (1) and physical address (ZMD405: serial's last 4 digits + 1000).</summary>
        public HdlcAddress Server = HdlcAddress.Server(HdlcAddress.ManagementLogicalDevice, 0);

        /// <summary>
        /// What SNRM proposes: longest information field we send and accept, and window sizes. The receive length also
        /// sizes the frame buffers (at most 2030 bytes). The meter's UA may lower them.
        /// </summary>
        public int MaxInformationTransmit = HdlcLinkParameters.DefaultMaxInformationLength;

        public int MaxInformationReceive = HdlcLinkParameters.DefaultMaxInformationLength;

        public int WindowReceive = 1;

        /// <summary>Send the parameter block with SNRM (some old meters want a bare SNRM: set false).</summary>
        public bool ProposeParameters = true;

        /// <summary>Longest wait for the first answer to a frame, after the frame has left the UART.</summary>
        public int ResponseTimeoutMilliseconds = 1500;

        /// <summary>Repetitions of a frame that got no answer (or a corrupt one) before giving up.</summary>
        public int MaxRetries = 3;

        /// <summary>The line, to add the frame's own wire time to the wait (BaudRate 0: TCP, nothing to add).</summary>
        public LineSettings Line;

        /// <summary>Bytes asked of the link per read.</summary>
        public int ReadChunkSize = 256;
    }
}
