using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Support;

/// <summary>
/// A loopback TCP listener that a test drives by hand, for server behaviour a real broker will not show:
/// never answering PINGREQ or CONNECT, malformed packets, packets cut into pieces.
/// </summary>
public sealed class FakeMqttServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FakeMqttServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public async Task<FakeMqttServerConnection> AcceptAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using CancellationTokenSource bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(bounded.Token);
            return new FakeMqttServerConnection(client);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"No client connected within {timeout.TotalSeconds} s.");
            throw;
        }
    }

    public void Dispose() => _listener.Stop();
}
