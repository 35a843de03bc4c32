using Concentrator.Core.Io;

namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// What an <see cref="IecSession"/> hands to the HDLC/DLMS client after a mode E handshake (IEC 62056-21 Annex E):
    /// the link, already switched to the negotiated baud with 8N1 framing, and the facts the client needs. The echo
    /// flag tells the HDLC transport to drop its own frames coming back from the optical head.
    /// </summary>
    public sealed class IecModeEHandover
    {
        public IByteLink Link;

        /// <summary>The link's framing now (negotiated baud, 8N1).</summary>
        public LineSettings Line;

        public int BaudRate;

        /// <summary>True when the head echoes what it sends.</summary>
        public bool Echo;

        /// <summary>The meter's identification line (e.g. "LGZ5\2ZMD3104407.B32").</summary>
        public string Identification;
    }
}
