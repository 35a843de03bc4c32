namespace Concentrator.Drivers.Net
{
    /// <summary>Where a <see cref="SocketByteLink"/> connects and how long each step may take.</summary>
    public sealed class SocketByteLinkOptions
    {
        /// <summary>Host name or IPv4 address of the meter, wrapper gateway or serial-to-TCP converter.</summary>
        public string Host = string.Empty;

        /// <summary>TCP port, 1 to 65535 (4059 for the DLMS wrapper; ser2net and Moxa ports are the installer's choice).</summary>
        public int Port;

        /// <summary>How long the TCP handshake may take before the attempt counts as no answer (name resolution comes before it).</summary>
        public int ConnectTimeoutMilliseconds = 5000;

        /// <summary>A send that cannot hand its bytes to the network stack for this long fails (the peer stopped reading).</summary>
        public int SendTimeoutMilliseconds = 5000;

        /// <summary>The pause before reconnecting after a failed connect, doubled per failure up to the maximum.</summary>
        public int ReconnectFirstMilliseconds = 1000;

        public int ReconnectMaximumMilliseconds = 60000;
    }
}
