using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Readings;
using Concentrator.Host.Links;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Publishing;

namespace Concentrator.Host.Forwarding;

/// <summary>
/// Store-and-forward to an MQTT broker for the host runner: <see cref="Publish"/> puts each message into Core's
/// persistent <see cref="ForwardQueue"/> (a <see cref="FileBlockStore"/>) and returns once it is on disk; a thread of
/// its own keeps the broker connected (reconnect with doubling backoff), sends the queue in order at QoS 1 paced by a
/// <see cref="ReplayPacer"/>, and removes each message only when its PUBACK arrives. After a reconnect, or a restart of
/// the process, everything unacknowledged is sent again (at-least-once). On each connection it publishes the retained
/// status (queue depth, drops) with a retained offline last will, and the retained device information; it refreshes the
/// status every <see cref="MqttForwarderOptions.StatusInterval"/>, and answers commands on the command topic when a
/// handler is set.
/// </summary>
public sealed class MqttForwarder : IMessagePublisher, IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly MqttForwarderOptions _options;
    private readonly ForwardQueue _queue;
    private readonly object _queueLock = new();
    private readonly QueuedMessage _message;
    private readonly QueuedMessageRenderer _renderer;
    private readonly ReadingRecordCodec _codec = new();
    private readonly byte[] _record;
    private readonly System.Collections.Generic.Dictionary<string, string> _readingsTopics = new(StringComparer.Ordinal);
    private readonly MqttClient _client;
    private readonly ReconnectBackoff _backoff;
    private readonly ReplayPacer _pacer;
    private readonly AutoResetEvent _wake = new(false);
    private readonly CancellationTokenSource _stop = new();
    private readonly JsonWriter _statusWriter = new(1024);
    private readonly StatusReport _status = new();
    private readonly CommandTopicBridge? _commands;
    private readonly long _started = Stopwatch.GetTimestamp();
    private Thread? _thread;
    private long _delivered;
    private long _compactRecords;
    private long _connects;
    private bool _disposed;

    /// <summary>Opens (or creates) the queue in <paramref name="store"/>; <see cref="Start"/> begins sending.</summary>
    public MqttForwarder(MqttForwarderOptions options, IBlockStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        options.Validate();
        _options = options;
        StatusTopic = MqttTopics.Status(options.TopicPrefix, options.DeviceId);
        InfoTopic = MqttTopics.DeviceInfo(options.TopicPrefix, options.DeviceId);
        CommandTopic = MqttTopics.Command(options.TopicPrefix, options.DeviceId);
        ReplyTopic = MqttTopics.CommandReply(options.TopicPrefix, options.DeviceId);

        _queue = new ForwardQueue(store, options.MaxRecordBytes);
        OpenResult = _queue.Open();
        OpenProblem = _queue.OpenProblem;
        _message = new QueuedMessage(options.MaxRecordBytes);
        _record = new byte[options.MaxRecordBytes - ForwardQueue.RecordOverhead - 1];
        _renderer = new QueuedMessageRenderer(options.TopicPrefix, options.DeviceId, CompactReadings, options.MaxRecordBytes, options.MaxRecordBytes);
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay);
        _pacer = new ReplayPacer(options.ReplayPerSecond, options.ReplayBurst);
        if (options.CommandHandler is not null)
        {
            _commands = new CommandTopicBridge(options.CommandHandler, 2048);
        }

        MqttClientOptions client = options.Client with
        {
            ClientIdentifier = options.Client.ClientIdentifier.Length > 0 ? options.Client.ClientIdentifier : "concentrator-" + options.DeviceId,
            LastWill = new MqttLastWill(StatusTopic, Encoding.UTF8.GetBytes(StatusPayloadFormatter.OfflinePayload), MqttQualityOfService.AtLeastOnce, retain: true),
        };
        _client = new MqttClient(client);
        _client.MessageReceived += OnMessageReceived;
        _client.Disconnected += (_, e) => Report("mqtt: connection lost: " + e.Reason + " " + e.Detail);
    }

    /// <summary>Connection changes, drops, send failures: one line each.</summary>
    public event Action<string>? Diagnostic;

    /// <summary>
    /// Home Assistant published <c>online</c> on <c>homeassistant/status</c> (its birth message: it may have lost the
    /// discovery configs). Subscribed on each connection when a handler is attached before <see cref="Start"/>; raised on
    /// the client's receive thread (publish into the queue from it, never wait for the broker).
    /// </summary>
    public event Action? HomeAssistantOnline;

    public QueueOpenResult OpenResult { get; }

    public string? OpenProblem { get; }

    public string StatusTopic { get; }

    public string InfoTopic { get; }

    public string CommandTopic { get; }

    public string ReplyTopic { get; }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Messages waiting for a PUBACK (persisted).</summary>
    public int QueueDepth
    {
        get
        {
            lock (_queueLock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Messages the full queue dropped, oldest first (persisted across restarts).</summary>
    public uint Dropped
    {
        get
        {
            lock (_queueLock)
            {
                return _queue.Dropped;
            }
        }
    }

    /// <summary>Messages the broker acknowledged since this forwarder started.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Connections accepted by the broker and set up (status and information published, commands subscribed).</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Most readings a set may hold to be queued in compact form (larger sets are queued as JSON).</summary>
    public const int CompactReadings = 1024;

    /// <summary>Readings queued as compact records (<see cref="ReadingRecordCodec"/>) since this forwarder started.</summary>
    public long CompactRecords => Interlocked.Read(ref _compactRecords);

    /// <summary>Queues a message (QoS 1) and returns once it is durable; throws when it cannot be queued at all (too large, bad topic).</summary>
    public void Publish(string topic, byte[] payload, int length, bool retain)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(payload);
        QueueStatus status;
        uint dropped;
        lock (_queueLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            status = _queue.Enqueue(topic, payload, 0, length, 1, retain);
            dropped = _queue.Dropped;
        }

        AfterEnqueue(status, dropped, topic, length);
    }

    /// <summary>
    /// Queues one meter's readings as a compact record (about a sixth of their JSON), from which the same JSON is made
    /// when it is sent; as JSON when the set cannot be (its topic is not this forwarder's readings topic of the meter,
    /// the meter id is not printable ASCII, the set is larger than <see cref="CompactReadings"/>).
    /// </summary>
    public void PublishReadings(string topic, string meterId, ReadingSet readings, DateTime receivedUtc, byte[] payload, int length)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(meterId);
        ArgumentNullException.ThrowIfNull(readings);
        QueueStatus status;
        uint dropped;
        lock (_queueLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_readingsTopics.TryGetValue(meterId, out string? expected))
            {
                expected = MqttTopics.Readings(_options.TopicPrefix, _options.DeviceId, meterId);
                _readingsTopics[meterId] = expected;
            }

            if (topic != expected || readings.Count > CompactReadings || length > _options.MaxRecordBytes
                || _codec.Encode(meterId, readings, receivedUtc, _record, 0, _record.Length, out int recordLength) != ReadingRecordStatus.Ok)
            {
                status = _queue.Enqueue(topic, payload, 0, length, 1, false);
            }
            else
            {
                status = _queue.EnqueueRecord(QueuedRecordKind.ReadingSet, _record, 0, recordLength, 1, false);
                if (status == QueueStatus.Ok || status == QueueStatus.OkDroppedOldest)
                {
                    Interlocked.Increment(ref _compactRecords);
                }
            }

            dropped = _queue.Dropped;
        }

        AfterEnqueue(status, dropped, topic, length);
    }

    private void AfterEnqueue(QueueStatus status, uint dropped, string topic, int length)
    {
        if (status == QueueStatus.OkDroppedOldest)
        {
            Report("queue full: dropped the oldest message(s); " + dropped + " dropped so far");
        }
        else if (status != QueueStatus.Ok)
        {
            throw new InvalidOperationException("not queued (" + status + "): " + topic + ", " + length + " bytes; the largest record is " + _options.MaxRecordBytes + " bytes");
        }

        _wake.Set();
    }

    /// <summary>Starts the sending thread.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("already started");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "mqtt-forwarder" };
        _thread.Start();
    }

    /// <summary>Waits until every queued message is acknowledged; false when <paramref name="timeout"/> passed first.</summary>
    public bool WaitUntilDelivered(TimeSpan timeout)
    {
        long start = Stopwatch.GetTimestamp();
        while (QueueDepth > 0)
        {
            if (Stopwatch.GetElapsedTime(start) >= timeout)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    /// <summary>Stops sending, persists the acknowledgements, publishes the offline status and disconnects.</summary>
    public void Dispose()
    {
        lock (_queueLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _stop.Cancel();
        _wake.Set();
        _thread?.Join(StopTimeout);
        lock (_queueLock)
        {
            _queue.Checkpoint();
        }

        if (_client.IsConnected)
        {
            try
            {
                _client.PublishAsync(StatusTopic, Encoding.UTF8.GetBytes(StatusPayloadFormatter.OfflinePayload), MqttQualityOfService.AtLeastOnce, true).Wait(StopTimeout);
                _client.DisconnectAsync().Wait(StopTimeout);
            }
            catch (AggregateException exception)
            {
                Report("mqtt: disconnecting failed: " + exception.InnerException?.Message);
            }
        }

        _client.Dispose();
    }

    private void Run()
    {
        CancellationToken stop = _stop.Token;
        long lastStatus = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    if (!Connect(stop))
                    {
                        continue;
                    }

                    lastStatus = Stopwatch.GetTimestamp();
                }

                if (Stopwatch.GetElapsedTime(lastStatus) >= _options.StatusInterval)
                {
                    PublishStatus();
                    lastStatus = Stopwatch.GetTimestamp();
                }

                if (!SendNext(stop))
                {
                    _wake.WaitOne(TimeSpan.FromMilliseconds(500));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The queue file or the connection failed in a way not reported as a status: say so, drop the connection,
                // and start again after a backoff; nothing leaves the queue without a PUBACK.
                Report("forwarder: " + exception.GetType().Name + ": " + exception.Message);
                _client.Abort();
                stop.WaitHandle.WaitOne(_backoff.Next());
            }
        }
    }

    private bool Connect(CancellationToken stop)
    {
        MqttConnectResult result = _client.ConnectAsync(stop).GetAwaiter().GetResult();
        if (!result.IsAccepted)
        {
            TimeSpan delay = _backoff.Next();
            Report("mqtt: " + _options.Client.Host + ":" + _options.Client.Port + " " + result.Status + ": " + result.Detail + "; retrying in " + delay.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s");
            stop.WaitHandle.WaitOne(delay);
            return false;
        }

        _backoff.Reset();
        int depth;
        lock (_queueLock)
        {
            _queue.Rewind();
            depth = _queue.Count;
        }

        Report("mqtt: connected to " + _options.Client.Host + ":" + _options.Client.Port + (_options.Client.UseTls ? " (TLS)" : "") + "; " + depth + " queued message(s) to send");
        PublishDeviceInfo();
        PublishStatus();
        if (_commands is not null)
        {
            _client.SubscribeAsync(CommandTopic, MqttQualityOfService.AtLeastOnce, stop).GetAwaiter().GetResult();
        }

        if (HomeAssistantOnline is not null)
        {
            _client.SubscribeAsync(MqttTopics.HomeAssistantStatus(MqttTopics.HomeAssistantPrefix), MqttQualityOfService.AtLeastOnce, stop).GetAwaiter().GetResult();
        }

        Interlocked.Increment(ref _connects); // counted once the connection is fully set up (status, info, subscription)
        return true;
    }

    // One message from the queue to the broker; false when there was nothing to send.
    private bool SendNext(CancellationToken stop)
    {
        long now = Environment.TickCount64;
        int wait = _pacer.MillisecondsUntilNext(now);
        if (wait > 0)
        {
            stop.WaitHandle.WaitOne(wait);
            return true;
        }

        string topic;
        byte[] payload;
        uint sequence;
        bool retain;
        lock (_queueLock)
        {
            QueueStatus status = _queue.TryReadNext(_message);
            if (status == QueueStatus.Corrupt)
            {
                Report("queue: a stored record failed its CRC; the queue was cut there (" + _queue.Dropped + " dropped so far)");
                return true;
            }

            if (status != QueueStatus.Ok)
            {
                return false;
            }

            // The record becomes topic and payload (a compact reading set its JSON); one that cannot is reported and
            // acknowledged, so it never blocks the queue.
            if (!_renderer.Render(_message))
            {
                Report("queue: " + _renderer.Problem);
                _queue.Acknowledge(_message.Sequence);
                return true;
            }

            topic = _renderer.Topic;
            payload = _renderer.Payload.AsSpan(0, _renderer.PayloadLength).ToArray(); // the client keeps it until PUBACK
            sequence = _message.Sequence;
            retain = _message.Retain;
        }

        _pacer.TryTake(now);
        MqttPublishResult result = _client.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce, retain, stop).GetAwaiter().GetResult();
        if (result.Status == MqttRequestStatus.Acknowledged)
        {
            lock (_queueLock)
            {
                _queue.Acknowledge(sequence);
            }

            Interlocked.Increment(ref _delivered);
            return true;
        }

        // No PUBACK: start a new connection; the message (and any after it) goes again from the queue.
        Report("mqtt: message " + sequence + " to " + topic + " not acknowledged (" + result.Status + "); reconnecting");
        _client.Abort();
        return true;
    }

    private void PublishStatus()
    {
        lock (_queueLock)
        {
            _status.QueueDepth = _queue.Count;
            _status.QueueDropped = _queue.Dropped;
        }

        _status.UptimeSeconds = (long)Stopwatch.GetElapsedTime(_started).TotalSeconds;
        _statusWriter.Reset();
        StatusPayloadFormatter.WriteOnline(_statusWriter, _status);
        PublishDirect(StatusTopic, _statusWriter);
    }

    private void PublishDeviceInfo()
    {
        _statusWriter.Reset();
        DeviceInfoPayloadFormatter.Write(_statusWriter, _options.DeviceId, "concentrator host " + typeof(MqttForwarder).Assembly.GetName().Version,
            _options.MeterIds, _queue.RingBytes, _queue.MaxRecordBytes);
        PublishDirect(InfoTopic, _statusWriter);
    }

    // Status and device information are live: retained at QoS 1 outside the queue (a stale one is worth nothing later).
    private void PublishDirect(string topic, JsonWriter writer)
    {
        byte[] payload = writer.Buffer.AsSpan(0, writer.Length).ToArray();
        MqttPublishResult result = _client.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce, true, _stop.Token).GetAwaiter().GetResult();
        if (result.Status != MqttRequestStatus.Acknowledged)
        {
            Report("mqtt: " + topic + " not acknowledged (" + result.Status + ")");
        }
    }

    private void OnMessageReceived(object? sender, MqttMessageReceivedEventArgs e)
    {
        if (e.Message.Topic == MqttTopics.HomeAssistantStatus(MqttTopics.HomeAssistantPrefix))
        {
            if (Encoding.UTF8.GetString(e.Message.Payload) == MqttTopics.Online)
            {
                Report("mqtt: Home Assistant is online; announcing the discovery configs again");
                HomeAssistantOnline?.Invoke();
            }

            return;
        }

        if (_commands is null || e.Message.Topic != CommandTopic)
        {
            return;
        }

        int length = _commands.Process(e.Message.Payload, 0, e.Message.Payload.Length);
        byte[] reply = _commands.Reply.AsSpan(0, length).ToArray();

        // Not awaited: this handler runs on the receive loop, which must stay free to read the PUBACK.
        _ = _client.PublishAsync(ReplyTopic, reply, MqttQualityOfService.AtLeastOnce, false);
    }

    private void Report(string message)
    {
        Diagnostic?.Invoke(message);
    }
}
