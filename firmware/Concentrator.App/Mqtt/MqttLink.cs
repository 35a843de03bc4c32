using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using Concentrator.App.Settings;
using Concentrator.Core.Commands;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace Concentrator.App.Mqtt
{
    /// <summary>
    /// The connection to the MQTT broker (M2Mqtt) and the store-and-forward queue behind it. Readings are
    /// <see cref="Enqueue"/>d into Core's persistent <see cref="ForwardQueue"/> (a file on the internal flash) from any
    /// thread; <see cref="Pump"/>, on the forwarding thread, publishes them in order at QoS 1 with at most
    /// <see cref="MaxUnacknowledged"/> awaiting a PUBACK, paced by a <see cref="ReplayPacer"/>. A message leaves the queue
    /// only when M2Mqtt reports it published (<c>MqttMsgPublished</c> with its message id and <c>IsPublished</c>); when
    /// M2Mqtt gives up on one, the connection is dropped and everything unacknowledged is sent again on the next
    /// <see cref="Connect"/>. Connects with TLS when a CA file is configured, with user name and password when set, and a
    /// retained last will <see cref="StatusPayloadFormatter.OfflinePayload"/>; announces the status (queue depth, drops)
    /// retained on each connection. Commands on the command topic go to <see cref="CommandHandler"/>.
    /// </summary>
    public sealed class MqttLink
    {
        /// <summary>QoS 1 messages handed to M2Mqtt and not yet acknowledged (M2Mqtt's own queue has no limit).</summary>
        public const int MaxUnacknowledged = 8;

        private readonly ConcentratorSettings _settings;
        private readonly ForwardQueue _queue;
        private readonly QueuedMessage _message;
        private readonly ReplayPacer _pacer;
        private readonly string _statusTopic;
        private readonly string _commandTopic;
        private readonly string _replyTopic;
        private readonly object _lock = new object();
        private readonly AutoResetEvent _connectionLost = new AutoResetEvent(false);
        private readonly AutoResetEvent _work = new AutoResetEvent(false);
        private readonly ushort[] _messageIds = new ushort[MaxUnacknowledged];
        private readonly uint[] _sequences = new uint[MaxUnacknowledged];
        private readonly JsonWriter _statusWriter = new JsonWriter(256);
        private readonly StatusReport _status = new StatusReport();
        private CommandTopicBridge _commands;
        private MqttClient _client;
        private bool _connected;
        private int _unacknowledged;

        public MqttLink(ConcentratorSettings settings, ForwardQueue queue)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (queue == null)
            {
                throw new ArgumentNullException("queue");
            }

            _settings = settings;
            _queue = queue;
            _message = new QueuedMessage(queue.MaxRecordBytes);
            _pacer = new ReplayPacer(settings.ReplayPerSecond, 5);
            _statusTopic = MqttTopics.Status(settings.TopicPrefix, settings.DeviceId);
            _commandTopic = MqttTopics.Command(settings.TopicPrefix, settings.DeviceId);
            _replyTopic = MqttTopics.CommandReply(settings.TopicPrefix, settings.DeviceId);
        }

        /// <summary>Set before the first <see cref="Connect"/> to answer text commands on the command topic.</summary>
        public ICommandHandler CommandHandler
        {
            set { _commands = value == null ? null : new CommandTopicBridge(value, 512); }
        }

        /// <summary>True while the command password is the default: reported in every status.</summary>
        public bool DefaultPassword
        {
            set { _status.DefaultPassword = value; }
        }

        public bool IsConnected
        {
            get
            {
                lock (_lock)
                {
                    return _connected;
                }
            }
        }

        /// <summary>Messages waiting for a PUBACK.</summary>
        public int QueueDepth
        {
            get
            {
                lock (_lock)
                {
                    return _queue.Count;
                }
            }
        }

        public uint Dropped
        {
            get
            {
                lock (_lock)
                {
                    return _queue.Dropped;
                }
            }
        }

        /// <summary>
        /// Stores a message (QoS 1) durably in the queue, from any thread; the bytes are copied. A full queue drops its
        /// oldest messages (<see cref="QueueStatus.OkDroppedOldest"/>).
        /// </summary>
        public QueueStatus Enqueue(string topic, byte[] buffer, int length, bool retain)
        {
            QueueStatus status;
            try
            {
                lock (_lock)
                {
                    status = _queue.Enqueue(topic, buffer, 0, length, 1, retain);
                }
            }
            catch (IOException ex)
            {
                Log.Error("queue: writing the flash failed: " + ex.Message);
                return QueueStatus.BadMessage;
            }

            _work.Set();
            return status;
        }

        /// <summary>
        /// One connection attempt. Bounded by the TCP connect and M2Mqtt's wait for CONNACK
        /// (MqttSettings.TimeoutOnReceiving, 30 s).
        /// </summary>
        public bool Connect()
        {
            DropClient();
            MqttClient client = null;
            try
            {
                bool secure = _settings.MqttCaFile.Length > 0;
                X509Certificate ca = secure ? new X509Certificate(File.ReadAllBytes(_settings.MqttCaFile)) : null;
                client = new MqttClient(_settings.MqttHost, _settings.MqttPort, secure, ca, null, secure ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                client.ConnectionClosed += OnConnectionClosed;
                client.MqttMsgPublished += OnPublished;
                client.MqttMsgPublishReceived += OnMessageReceived;

                // Will: retained {"state":"offline"} at QoS 1, published by the broker when the keep alive runs out.
                MqttReasonCode code = client.Connect(
                    _settings.DeviceId,
                    _settings.MqttUser.Length == 0 ? null : _settings.MqttUser,
                    _settings.MqttUser.Length == 0 ? null : _settings.MqttPassword,
                    true,
                    MqttQoSLevel.AtLeastOnce,
                    true,
                    _statusTopic,
                    StatusPayloadFormatter.OfflinePayload,
                    true,
                    (ushort)_settings.MqttKeepAliveSeconds);
                if (code != MqttReasonCode.Success)
                {
                    Log.Warn("MQTT: " + _settings.MqttHost + " refused the connection, reason code " + ((int)code).ToString());
                    CloseQuietly(client);
                    return false;
                }

                if (_commands != null)
                {
                    client.Subscribe(new string[] { _commandTopic }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
                }
            }
            catch (Exception ex)
            {
                Log.Warn("MQTT: connecting to " + _settings.MqttHost + ":" + _settings.MqttPort.ToString() + " failed: " + ex.Message);
                if (client != null)
                {
                    CloseQuietly(client);
                }

                return false;
            }

            int depth;
            lock (_lock)
            {
                _client = client;
                _connected = true;
                _unacknowledged = 0;
                _queue.Rewind(); // the new session knows nothing of the old one's messages: send them again
                depth = _queue.Count;
            }

            Log.Info("MQTT: connected to " + _settings.MqttHost + ":" + _settings.MqttPort.ToString() + " as " + _settings.DeviceId
                + (_settings.MqttCaFile.Length > 0 ? " (TLS)" : "") + "; " + depth.ToString() + " queued message(s)");
            PublishStatus();
            return true;
        }

        /// <summary>
        /// Hands queued messages to M2Mqtt while the window and the pacer allow (forwarding thread). True when it sent one.
        /// </summary>
        public bool Pump()
        {
            bool sent = false;
            while (true)
            {
                lock (_lock)
                {
                    if (!_connected || _unacknowledged >= MaxUnacknowledged || _queue.Unsent == 0 || !_pacer.TryTake(Environment.TickCount64))
                    {
                        return sent;
                    }

                    QueueStatus status = _queue.TryReadNext(_message);
                    if (status == QueueStatus.Corrupt)
                    {
                        Log.Error("queue: a stored record failed its CRC; the queue was cut there (" + _queue.Dropped.ToString() + " dropped)");
                        continue;
                    }

                    if (status != QueueStatus.Ok)
                    {
                        return sent;
                    }

                    // M2Mqtt keeps the payload array until PUBACK, so it gets its own copy. The id is recorded under the
                    // lock before the PUBACK handler (which needs the lock) can look for it.
                    string topic = Encoding.UTF8.GetString(_message.Topic, 0, _message.TopicLength);
                    byte[] payload = new byte[_message.PayloadLength];
                    Array.Copy(_message.Payload, 0, payload, 0, payload.Length);
                    try
                    {
                        ushort id = _client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, _message.Retain);
                        _messageIds[_unacknowledged] = id;
                        _sequences[_unacknowledged] = _message.Sequence;
                        _unacknowledged++;
                        sent = true;
                    }
                    catch (Exception ex)
                    {
                        Log.Warn("MQTT: publish to " + topic + " failed: " + ex.Message);
                        _connected = false;
                        _connectionLost.Set();
                        return sent;
                    }
                }
            }
        }

        /// <summary>
        /// Ends the session so that the main loop connects again with the settings as they are now (a text command changed
        /// the broker). Unacknowledged messages stay queued and go to the new session.
        /// </summary>
        public void Reconnect(string reason)
        {
            Log.Info("MQTT: reconnecting: " + reason);
            DropClient();
            _connectionLost.Set();
        }

        /// <summary>Persists the queue's acknowledgements (before a planned restart): nothing delivered is sent twice.</summary>
        public void CheckpointQueue()
        {
            lock (_lock)
            {
                _queue.Checkpoint();
            }
        }

        /// <summary>Waits until something is queued or acknowledged, or the time passes.</summary>
        public void WaitForWork(int timeoutMilliseconds)
        {
            _work.WaitOne(timeoutMilliseconds, false);
        }

        /// <summary>Waits (at most the given time) for the connection to close. True when it closed.</summary>
        public bool WaitForConnectionLost(int timeoutMilliseconds)
        {
            if (!IsConnected)
            {
                return true;
            }

            _connectionLost.WaitOne(timeoutMilliseconds, false);
            return !IsConnected;
        }

        /// <summary>Publishes the retained status (queue depth and drops) outside the queue: a stale status is worth nothing.</summary>
        public void PublishStatus()
        {
            MqttClient client;
            byte[] payload;
            lock (_lock)
            {
                client = _client;
                if (!_connected)
                {
                    return;
                }

                _status.QueueDepth = _queue.Count;
                _status.QueueDropped = _queue.Dropped;
                _status.UptimeSeconds = Environment.TickCount64 / 1000;
                _statusWriter.Reset();
                StatusPayloadFormatter.WriteOnline(_statusWriter, _status);
                payload = new byte[_statusWriter.Length];
                Array.Copy(_statusWriter.Buffer, 0, payload, 0, payload.Length);
            }

            try
            {
                client.Publish(_statusTopic, payload, null, null, MqttQoSLevel.AtLeastOnce, true);
            }
            catch (Exception ex)
            {
                Log.Warn("MQTT: status not published: " + ex.Message);
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            bool failed = false;
            lock (_lock)
            {
                if (sender != _client)
                {
                    return;
                }

                for (int i = 0; i < _unacknowledged; i++)
                {
                    if (_messageIds[i] != e.MessageId)
                    {
                        continue;
                    }

                    if (e.IsPublished)
                    {
                        _queue.Acknowledge(_sequences[i]);
                    }
                    else
                    {
                        failed = true; // M2Mqtt gave up after its retries: it stays queued
                    }

                    _unacknowledged--;
                    _messageIds[i] = _messageIds[_unacknowledged];
                    _sequences[i] = _sequences[_unacknowledged];
                    break;
                }
            }

            _work.Set();
            if (failed)
            {
                // Not closed here, on M2Mqtt's own thread: the main loop's next Connect replaces the client.
                Log.Warn("MQTT: message " + e.MessageId.ToString() + " not acknowledged; reconnecting to send it again");
                lock (_lock)
                {
                    _connected = false;
                }

                _connectionLost.Set();
            }
        }

        private void OnMessageReceived(object sender, MqttMsgPublishEventArgs e)
        {
            CommandTopicBridge commands = _commands;
            if (commands == null || e.Topic != _commandTopic || sender != _client)
            {
                return;
            }

            int length = commands.Process(e.Message, 0, e.Message.Length);
            byte[] reply = new byte[length];
            Array.Copy(commands.Reply, 0, reply, 0, length);
            try
            {
                ((MqttClient)sender).Publish(_replyTopic, reply, null, null, MqttQoSLevel.AtLeastOnce, false);
            }
            catch (Exception ex)
            {
                Log.Warn("MQTT: command reply not published: " + ex.Message);
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            bool wasCurrent;
            lock (_lock)
            {
                wasCurrent = sender == _client && _connected;
                if (wasCurrent)
                {
                    _connected = false;
                }
            }

            if (wasCurrent)
            {
                Log.Warn("MQTT: connection to " + _settings.MqttHost + " closed");
                _connectionLost.Set();
            }
        }

        private void DropClient()
        {
            MqttClient old;
            lock (_lock)
            {
                old = _client;
                _client = null;
                _connected = false;
                _unacknowledged = 0;
            }

            if (old != null)
            {
                CloseQuietly(old);
            }
        }

        private void CloseQuietly(MqttClient client)
        {
            client.ConnectionClosed -= OnConnectionClosed;
            client.MqttMsgPublished -= OnPublished;
            client.MqttMsgPublishReceived -= OnMessageReceived;
            try
            {
                client.Close();
            }
            catch (Exception)
            {
                // The connection is being discarded; nothing is left to report it to.
            }
        }
    }
}
