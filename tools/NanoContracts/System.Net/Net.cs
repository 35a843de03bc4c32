using System.Threading;

namespace System.Net
{
    public abstract class EndPoint
    {
        protected EndPoint() { }
    }

    public class IPAddress
    {
        public static readonly IPAddress Any;
        public static readonly IPAddress Loopback;
        public IPAddress(long newAddress) { }
        public IPAddress(byte[] address) { }
        public static IPAddress Parse(string ipString) { throw null; }
        public byte[] GetAddressBytes() { throw null; }
        public override bool Equals(object obj) { throw null; }
        public override int GetHashCode() { throw null; }
        public override string ToString() { throw null; }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(long address, int port) { }
        public IPEndPoint(IPAddress address, int port) { }
        public IPAddress Address { get { throw null; } }
        public int Port { get { throw null; } }
        public override string ToString() { throw null; }
    }

    public class IPHostEntry
    {
        public string HostName { get { throw null; } }
        public IPAddress[] AddressList { get { throw null; } }
    }

    public static class Dns
    {
        public static IPHostEntry GetHostEntry(string hostNameOrAddress) { throw null; }
    }
}

namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        Unknown = -1,
        Unspecified = 0,
        InterNetwork = 2,
        InterNetworkV6 = 23,
    }

    public enum SocketType
    {
        Unknown = -1,
        Stream = 1,
        Dgram = 2,
        Raw = 3,
    }

    public enum ProtocolType
    {
        IP = 0,
        Tcp = 6,
        Udp = 17,
        Unknown = -1,
    }

    [Flags]
    public enum SocketFlags
    {
        None = 0x0000,
        OutOfBand = 0x0001,
        Peek = 0x0002,
        DontRoute = 0x0004,
    }

    public enum SelectMode
    {
        SelectRead = 0,
        SelectWrite = 1,
        SelectError = 2,
    }

    public class SocketException : Exception
    {
        internal SocketException() { }
        public int ErrorCode { get { throw null; } }
    }

    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { }
        public int Available { get { throw null; } }
        public EndPoint LocalEndPoint { get { throw null; } }
        public EndPoint RemoteEndPoint { get { throw null; } }
        public int ReceiveTimeout { get { throw null; } set { } }
        public int SendTimeout { get { throw null; } set { } }
        public void Bind(EndPoint localEP) { }
        public void Connect(EndPoint remoteEP) { }
        public void Listen(int backlog) { }
        public Socket Accept() { throw null; }
        public int Send(byte[] buffer) { throw null; }
        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw null; }
        public int Receive(byte[] buffer) { throw null; }
        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw null; }
        public bool Poll(int microSeconds, SelectMode mode) { throw null; }
        public void Close() { }
        // Dispose is an explicit interface implementation in nanoFramework (use Close or a using block).
        void IDisposable.Dispose() { }
        protected virtual void Dispose(bool disposing) { }
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate(byte[] certificate) { }
    }
}

namespace nanoFramework.Networking
{
    // Ethernet boards: waits for the interface to come up (and optionally for valid date/time).
    public static class NetworkHelper
    {
        public static bool SetupAndConnectNetwork(CancellationToken token = default, bool requiresDateTime = false) { throw null; }
        public static NetworkHelperStatus Status { get { throw null; } }
        public static System.Exception HelperException { get { throw null; } }
    }

    // Error conditions of the network helpers. Only the members checked against the source are declared
    // (the real enum has more after TokenExpiredWaitingDateTime).
    public enum NetworkHelperStatus
    {
        None = 0,
        Started = 1,
        NetworkIsReady = 2,
        FailedNoNetworkInterface = 3,
        TokenExpiredWaitingIPAddress = 4,
        TokenExpiredWaitingDateTime = 5,
    }
}

namespace System.Net.NetworkInformation
{
    // Only the members the firmware uses (verified in nanoframework/System.Net,
    // nanoFramework.System.Net/NetworkInformation/NetworkInterface.cs).
    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) { }
        public static NetworkInterface[] GetAllNetworkInterfaces() { throw null; }
        public string IPv4Address { get { throw null; } }
    }
}
