using System;
using System.Net;
using System.Net.Sockets;

namespace Concentrator.Host.Tests.TestSupport;

/// <summary>
/// A loopback port that refuses connections: bound (without listening and without address reuse) for as long as this
/// lives, so that no other test's broker or server can take it meanwhile, as it could a port probed and released.
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket;

    public RefusingPort()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
