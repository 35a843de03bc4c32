namespace Concentrator.Core.Wrapper
{
    /// <summary>How a <see cref="WrapperTransport"/> addresses one meter.</summary>
    public sealed class WrapperTransportOptions
    {
        /// <summary>Our wPort: the client SAP (0x10 public, 0x20 password).</summary>
        public int ClientPort = 0x10;

        /// <summary>The meter's wPort: its logical device (1: the management logical device).</summary>
        public int ServerPort = 1;

        /// <summary>Longest wait for the start of the answer, and for each further piece of it.</summary>
        public int ResponseTimeoutMilliseconds = 5000;
    }
}
