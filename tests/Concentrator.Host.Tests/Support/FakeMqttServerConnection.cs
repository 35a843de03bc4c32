using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Host.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Support;

/// <summary>The server end of one connection accepted by <see cref="FakeMqttServer"/>.</summary>
public sealed class FakeMqttServerConnection : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly MqttPacketDecoder _decoder = new(64 * 1024);
    private readonly byte[] _buffer = new byte[4096];
    private int _offset;
    private int _count;

    public FakeMqttServerConnection(TcpClient client)
    {
        _client = client;
        _client.NoDelay = true;
        _stream = client.GetStream();
    }

    /// <summary>The next whole packet from the client; fails the test on timeout, malformed bytes or a closed connection.</summary>
    public async Task<ReceivedPacket> ReceivePacketAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using CancellationTokenSource bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (_count > 0)
                {
                    MqttDecodeStatus status = _decoder.Decode(_buffer, _offset, _count, out int consumed);
                    _offset += consumed;
                    _count -= consumed;
                    if (status == MqttDecodeStatus.Ok)
                    {
                        return new ReceivedPacket(_decoder.PacketType, _decoder.Flags, _decoder.Body.AsSpan(0, _decoder.BodyLength).ToArray());
                    }

                    Assert.AreEqual(MqttDecodeStatus.NeedMoreData, status, "The client sent a malformed packet.");
                }

                int received = await _stream.ReadAsync(_buffer, bounded.Token);
                Assert.AreNotEqual(0, received, "The client closed the connection.");
                _offset = 0;
                _count = received;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"No packet from the client within {timeout.TotalSeconds} s.");
            throw;
        }
    }

    /// <summary>Reads the CONNECT and answers CONNACK accepted.</summary>
    public async Task AcceptConnectAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ReceivedPacket connect = await ReceivePacketAsync(timeout, cancellationToken);
        Assert.AreEqual(MqttPacketType.Connect, connect.Type);
        await SendAsync(new byte[] { 0x20, 0x02, 0x00, 0x00 }, cancellationToken);
    }

    public async Task SendAsync(byte[] bytes, CancellationToken cancellationToken) =>
        await _stream.WriteAsync(bytes, cancellationToken);

    /// <summary>Sends <paramref name="bytes"/> in pieces of <paramref name="pieceSize"/> with a pause between them, so they arrive as separate TCP segments.</summary>
    public async Task SendInPiecesAsync(byte[] bytes, int pieceSize, TimeSpan pause, CancellationToken cancellationToken)
    {
        for (int offset = 0; offset < bytes.Length; offset += pieceSize)
        {
            await _stream.WriteAsync(bytes.AsMemory(offset, Math.Min(pieceSize, bytes.Length - offset)), cancellationToken);
            await Task.Delay(pause, cancellationToken);
        }
    }

    /// <summary>True when the client closes the connection within <paramref name="timeout"/> (bytes it still sends are skipped).</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using CancellationTokenSource bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            while (await _stream.ReadAsync(_buffer, bounded.Token) > 0)
            {
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (System.IO.IOException)
        {
            return true; // reset by the client
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
