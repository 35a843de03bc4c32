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

namespace System.Net.NetworkInformation
{
    // nanoFramework.System.Net NetworkInformation/NetworkInterfaceType.cs (values kept in sync with the native enum).
    public enum NetworkInterfaceType
    {
        Unknown = 1,
        Ethernet = 6,
        Wireless80211 = 71,
        WirelessAP = 72,
    }

    // nanoFramework.System.Net NetworkInformation/NetworkInterface.cs: the members the firmware uses to set a static
    // IPv4 address or DHCP on an interface (each Enable* persists the interface's configuration on the device).
    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) { }
        public static NetworkInterface[] GetAllNetworkInterfaces() { throw null; }
        public void EnableStaticIPv4(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress) { }
        public void EnableDhcp() { }
        public void EnableStaticIPv4Dns(string[] dnsAddresses) { }
        [Obsolete("This method will be removed in a future version. Using automatic DNS it's part of DHCP configuration and can't be used as an individual operation.")]
        public void EnableAutomaticDns() { }
        public bool IsAutomaticDnsEnabled { get { throw null; } }
        public string IPv4Address { get { throw null; } }
        public string IPv4GatewayAddress { get { throw null; } }
        public string IPv4SubnetMask { get { throw null; } }
        public bool IsDhcpEnabled { get { throw null; } }
        public string[] IPv4DnsAddresses { get { throw null; } }
        public NetworkInterfaceType NetworkInterfaceType { get { throw null; } }
    }
}

namespace nanoFramework.Networking
{
    // nanoFramework.System.Net NetworkHelper/IPConfiguration.cs: a static IPv4 setup for the network helpers.
    public class IPConfiguration
    {
        public IPConfiguration(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress, string[] ipv4DnsAddresses = null) { }
        public string IPAddress { get { throw null; } set { } }
        public string IPSubnetMask { get { throw null; } set { } }
        public string IPGatewayAddress { get { throw null; } set { } }
        public string[] IPDns { get { throw null; } set { } }
    }

    // Ethernet boards: waits for the interface to come up (and optionally for valid date/time).
    public static class NetworkHelper
    {
        public static bool SetupAndConnectNetwork(CancellationToken token = default, bool requiresDateTime = false) { throw null; }
        public static bool SetupAndConnectNetwork(IPConfiguration ipConfiguration, CancellationToken token = default, bool requiresDateTime = false) { throw null; }
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
