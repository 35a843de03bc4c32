namespace Concentrator.Core.Sml
{
    /// <summary>What an <see cref="SmlClientSession"/> sends and how long it waits.</summary>
    public sealed class SmlClientOptions
    {
        /// <summary>The client id sent in every request (any octets; communication modules log it).</summary>
        public byte[] ClientId = new byte[] { 0x43, 0x4F, 0x4E, 0x43, 0x45, 0x4E }; // "CONCEN"

        /// <summary>The server id (meter) to address, or null for whatever meter answers.</summary>
        public byte[] ServerId;

        /// <summary>User name and password for the open request, or null for none.</summary>
        public byte[] User;
        public byte[] Password;

        /// <summary>The list to read (e.g. OBIS 01 00 62 0A FF FF), or null for the meter's default list.</summary>
        public byte[] ListName;

        /// <summary>CRC variant of the requests (a meter that speaks KERMIT may want it back).</summary>
        public SmlCrcVariant RequestCrc = SmlCrcVariant.X25;

        /// <summary>Longest single wait for bytes.</summary>
        public int ReadTimeoutMilliseconds = 250;

        /// <summary>No byte for this long after the request (or within the response) ends the attempt as a timeout.</summary>
        public int SilenceTimeoutMilliseconds = 5000;

        /// <summary>Most response bytes read for one request (bounds a meter that never stops talking).</summary>
        public int MaxResponseBytes = 16384;

        /// <summary>Size of the request payload buffer.</summary>
        public int MaxRequestPayload = 256;
    }
}
