using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// One network connection to a server: TCP, optionally TLS, a packet writer serialised by a lock, and a
/// receive buffer feeding a <see cref="MqttPacketDecoder"/>. It knows nothing of MQTT sessions; the client
/// decides what the packets mean and when the connection is over.
/// </summary>
internal sealed class MqttClientConnection : IDisposable
{
    private const int ReceiveBufferSize = 8192;

    private readonly TcpClient _tcpClient;
    private readonly Stream _stream;
    private readonly MqttPacketWriter _writer = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly MqttPacketDecoder _decoder;
    private readonly byte[] _receiveBuffer = new byte[ReceiveBufferSize];
    private int _receiveOffset;
    private int _receiveCount;
    private long _lastSentTicks;
    private long _lastReceivedTicks;
    private long _pingSentTicks;
    private int _closed;
    private int _disconnectRequested;

    private MqttClientConnection(TcpClient tcpClient, Stream stream, int maximumPacketSize)
    {
        _tcpClient = tcpClient;
        _stream = stream;
        _decoder = new MqttPacketDecoder(maximumPacketSize);
        _lastSentTicks = Environment.TickCount64;
        _lastReceivedTicks = _lastSentTicks;
    }

    /// <summary>Packets of the last successful <see cref="ReceivePacketAsync"/>.</summary>
    public MqttPacketDecoder Decoder => _decoder;

    /// <summary><see cref="Environment.TickCount64"/> of the last completed write.</summary>
    public long LastSentTicks => Interlocked.Read(ref _lastSentTicks);

    /// <summary><see cref="Environment.TickCount64"/> of the last bytes received.</summary>
    public long LastReceivedTicks => Interlocked.Read(ref _lastReceivedTicks);

    /// <summary>When the outstanding PINGREQ was sent, or 0 when none is outstanding.</summary>
    public long PingSentTicks
    {
        get => Interlocked.Read(ref _pingSentTicks);
        set => Interlocked.Exchange(ref _pingSentTicks, value);
    }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>True once the client is about to send DISCONNECT: the server closing the connection after it is expected (3.14.4).</summary>
    public bool DisconnectRequested => Volatile.Read(ref _disconnectRequested) != 0;

    public void MarkDisconnectRequested() => Volatile.Write(ref _disconnectRequested, 1);

    /// <summary>Opens TCP and, when configured, TLS. Throws SocketException, IOException, AuthenticationException or OperationCanceledException.</summary>
    public static async Task<MqttClientConnection> OpenAsync(MqttClientOptions options, X509Certificate2? caCertificate, CancellationToken cancellationToken)
    {
        TcpClient tcpClient = new() { NoDelay = true };
        Stream? stream = null;
        try
        {
            await tcpClient.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
            stream = tcpClient.GetStream();
            if (options.UseTls)
            {
                SslStream sslStream = new(stream, leaveInnerStreamOpen: false);
                stream = sslStream;
                SslClientAuthenticationOptions authentication = new()
                {
                    TargetHost = options.TlsServerName ?? options.Host,
                };
                if (caCertificate is not null)
                {
                    // Trust exactly this CA for the server's chain; the host name is still checked.
                    X509ChainPolicy chainPolicy = new()
                    {
                        TrustMode = X509ChainTrustMode.CustomRootTrust,
                        RevocationMode = X509RevocationMode.NoCheck,
                    };
                    chainPolicy.CustomTrustStore.Add(caCertificate);
                    authentication.CertificateChainPolicy = chainPolicy;
                }

                await sslStream.AuthenticateAsClientAsync(authentication, cancellationToken).ConfigureAwait(false);
            }

            return new MqttClientConnection(tcpClient, stream, options.MaximumPacketSize);
        }
        catch
        {
            stream?.Dispose();
            tcpClient.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Encodes <paramref name="packet"/> and writes it, both under the write lock. The whole send is bounded
    /// by <paramref name="timeout"/> (TimeoutException). Once bytes are being written the caller's token is no
    /// longer observed, because a packet cut in half would corrupt the stream.
    /// </summary>
    public async Task SendAsync<TPacket>(TPacket packet, Action<TPacket, MqttPacketWriter> encode, TimeSpan timeout, CancellationToken cancellationToken)
    {
        long started = Environment.TickCount64;
        if (!await _writeLock.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException("Timed out waiting for the connection's write lock.");
        }

        try
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            _writer.Reset();
            encode(packet, _writer);
            TimeSpan left = timeout - TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
            using CancellationTokenSource writeTimeout = new(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            try
            {
                await _stream.WriteAsync(_writer.Buffer.AsMemory(0, _writer.Length), writeTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (writeTimeout.IsCancellationRequested)
            {
                throw new TimeoutException("Timed out writing a packet to the connection.");
            }

            Interlocked.Exchange(ref _lastSentTicks, Environment.TickCount64);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Returns <see cref="MqttDecodeStatus.Ok"/> when <see cref="Decoder"/> holds the next packet, or the
    /// reason the server's bytes are malformed. Throws EndOfStreamException when the server closed the connection.
    /// </summary>
    public async Task<MqttDecodeStatus> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_receiveCount > 0)
            {
                MqttDecodeStatus status = _decoder.Decode(_receiveBuffer, _receiveOffset, _receiveCount, out int consumed);
                _receiveOffset += consumed;
                _receiveCount -= consumed;
                if (status != MqttDecodeStatus.NeedMoreData)
                {
                    return status;
                }
            }

            int received = await _stream.ReadAsync(_receiveBuffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                throw new EndOfStreamException("The server closed the connection.");
            }

            _receiveOffset = 0;
            _receiveCount = received;
            Interlocked.Exchange(ref _lastReceivedTicks, Environment.TickCount64);
        }
    }

    /// <summary>Marks the connection closed; true only for the first caller, who then owns reporting it.</summary>
    public bool TryMarkClosed() => Interlocked.Exchange(ref _closed, 1) == 0;

    /// <summary>Closes the socket at once; pending reads and writes fail.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _closed, 1);
        _stream.Dispose();
        _tcpClient.Dispose();
    }
}
