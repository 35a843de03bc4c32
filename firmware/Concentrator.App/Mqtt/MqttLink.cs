using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using Concentrator.App.Settings;
using Concentrator.Core.Boards;
using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Readings;
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
    /// retained last will <see cref="StatusPayloadFormatter.OfflinePayload"/>. Commands on the command topic go to
    /// <see cref="CommandHandler"/>.
    /// What the board says about itself goes out directly (retained, QoS 1), not through the queue: it is live state, not
    /// history, and 31 meters' discovery configs (≈ 650 bytes each) would fill a 4 MB board's queue file by themselves.
    /// <list type="bullet">
    /// <item>Device information (<see cref="DeviceInfoPayloadFormatter"/>) on every connection, and again when a text
    /// command replaced the configuration.</item>
    /// <item>The status (<see cref="StatusPayloadFormatter"/>: queue, counters, uptime, free heap, default-password flag)
    /// on every connection, every RINT hours of the live configuration and on changes (<see cref="StatusSchedule"/>).</item>
    /// <item>Home Assistant discovery (<see cref="HomeAssistantAnnouncements"/>): a meter's configs when its first readings
    /// arrive (<see cref="ObserveReadings"/>) or its sensors change, and every meter's again after each reconnect and when
    /// Home Assistant publishes <c>online</c> on <c>homeassistant/status</c> (subscribed). They share the replay pacer
    /// with the queue and at most <see cref="MaxDiscoveryUnacknowledged"/> wait for a PUBACK, so a full announcement
    /// neither floods the link nor piles payload copies up in M2Mqtt.</item>
    /// </list>
    /// </summary>
    public sealed class MqttLink
    {
        /// <summary>QoS 1 messages handed to M2Mqtt and not yet acknowledged (M2Mqtt's own queue has no limit).</summary>
        public const int MaxUnacknowledged = 8;

        /// <summary>Discovery configs handed to M2Mqtt and not yet acknowledged.</summary>
        public const int MaxDiscoveryUnacknowledged = 4;

        /// <summary>Software name and version in the device information.</summary>
        public const string Software = "concentrator firmware 0.4.0";

        private readonly ConcentratorSettings _settings;
        private readonly ForwardQueue _queue;
        private readonly QueuedMessage _message;
        private readonly QueuedMessageRenderer _renderer;
        private readonly ReplayPacer _pacer;
        private readonly string _statusTopic;
        private readonly string _commandTopic;
        private readonly string _replyTopic;
        private readonly string _infoTopic;
        private readonly string _homeAssistantStatusTopic;
        private readonly object _lock = new object();

        // Guards the payload writer shared by the readings' size check (ReadingPublisher) and the renders of Pump; taken
        // before _lock, never inside it.
        private readonly object _payloadLock = new object();
        private readonly JsonWriter _payloadWriter;
        private readonly AutoResetEvent _connectionLost = new AutoResetEvent(false);
        private readonly AutoResetEvent _work = new AutoResetEvent(false);
        private readonly ushort[] _messageIds = new ushort[MaxUnacknowledged];
        private readonly uint[] _sequences = new uint[MaxUnacknowledged];
        private readonly ushort[] _discoveryIds = new ushort[MaxDiscoveryUnacknowledged];
        private readonly JsonWriter _liveWriter = new JsonWriter(1024); // status and discovery configs, under _lock
        private readonly StatusReport _status = new StatusReport();
        private readonly StatusSchedule _statusSchedule = new StatusSchedule();
        private readonly ConcentratorStatus _counters = new ConcentratorStatus();
        private readonly object _statusGate = new object();
        private readonly HomeAssistantAnnouncements _discovery;
        private CommandExecutor _configuration;
        private ConcentratorConfiguration _infoConfiguration;
        private IDiagnosticsSource _diagnostics;
        private bool _defaultPassword;
        private int _discoveryUnacknowledged;
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
            _payloadWriter = new JsonWriter(settings.PayloadBytes);
            _renderer = new QueuedMessageRenderer(settings.TopicPrefix, settings.DeviceId, settings.CompactReadings, settings.PayloadBytes, _payloadWriter);
            _pacer = new ReplayPacer(settings.ReplayPerSecond, 5);
            _statusTopic = MqttTopics.Status(settings.TopicPrefix, settings.DeviceId);
            _commandTopic = MqttTopics.Command(settings.TopicPrefix, settings.DeviceId);
            _replyTopic = MqttTopics.CommandReply(settings.TopicPrefix, settings.DeviceId);
            _infoTopic = MqttTopics.DeviceInfo(settings.TopicPrefix, settings.DeviceId);
            _homeAssistantStatusTopic = MqttTopics.HomeAssistantStatus(MqttTopics.HomeAssistantPrefix);
            _discovery = new HomeAssistantAnnouncements(MqttTopics.HomeAssistantPrefix, settings.DeviceId, _statusTopic,
                ConcentratorConfiguration.MaxMeters + 1);
        }

        /// <summary>Set before the first <see cref="Connect"/> to answer text commands on the command topic.</summary>
        public ICommandHandler CommandHandler
        {
            set { _commands = value == null ? null : new CommandTopicBridge(value, 512); }
        }

        /// <summary>True while the command password is the default: reported in every status (without <see cref="Configuration"/>).</summary>
        public bool DefaultPassword
        {
            set { _defaultPassword = value; }
        }

        /// <summary>
        /// The text commands' executor: its <see cref="CommandExecutor.Current"/> configuration gives RINT, the
        /// default-password flag and the device information at each check, so a CNF or NPWD applies without a restart.
        /// </summary>
        public CommandExecutor Configuration
        {
            set { _configuration = value; }
        }

        /// <summary>Counters, uptime and free heap for the status (the same figures INFO and DIAG show).</summary>
        public IDiagnosticsSource Diagnostics
        {
            set { _diagnostics = value; }
        }

        /// <summary>Home Assistant discovery state (configs announced, meters seen).</summary>
        public HomeAssistantAnnouncements Discovery
        {
            get { return _discovery; }
        }

        /// <summary>
        /// Called with every good reading set of a meter (any thread): makes its discovery configs due on its first set and
        /// whenever it sends a sensor not announced yet (or a changed unit); otherwise compares and allocates nothing.
        /// </summary>
        public void ObserveReadings(string meterId, string readingsTopic, ReadingSet readings)
        {
            if (_discovery.Observe(meterId, readingsTopic, readings))
            {
                _work.Set();
            }
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
            return Store(QueuedRecordKind.TopicAndPayload, topic, buffer, length, retain);
        }

        /// <summary>Stores a record that becomes topic and payload when sent (a compact reading set), QoS 1, from any thread.</summary>
        public QueueStatus EnqueueRecord(QueuedRecordKind kind, byte[] body, int length)
        {
            return Store(kind, null, body, length, false);
        }

        private QueueStatus Store(QueuedRecordKind kind, string topic, byte[] buffer, int length, bool retain)
        {
            QueueStatus status;
            try
            {
                lock (_lock)
                {
                    status = kind == QueuedRecordKind.TopicAndPayload
                        ? _queue.Enqueue(topic, buffer, 0, length, 1, retain)
                        : _queue.EnqueueRecord(kind, buffer, 0, length, 1, retain);
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
                    client.Subscribe(new string[] { _commandTopic, _homeAssistantStatusTopic }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce, MqttQoSLevel.AtLeastOnce });
                }
                else
                {
                    client.Subscribe(new string[] { _homeAssistantStatusTopic }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
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
                _discoveryUnacknowledged = 0;
                _queue.Rewind(); // the new session knows nothing of the old one's messages: send them again
                depth = _queue.Count;
            }

            // The broker may have lost the retained configs (restarted without persistence) and Home Assistant's birth
            // message may have come before this subscription: every meter seen is announced again.
            _discovery.RequestAll();
            _work.Set();

            Log.Info("MQTT: connected to " + _settings.MqttHost + ":" + _settings.MqttPort.ToString() + " as " + _settings.DeviceId
                + (_settings.MqttCaFile.Length > 0 ? " (TLS)" : "") + "; " + depth.ToString() + " queued message(s)");
            PublishDeviceInfo();
            lock (_statusGate)
            {
                _statusSchedule.Connected();
            }

            PublishStatusIfDue();
            return true;
        }

        /// <summary>
        /// Hands queued messages to M2Mqtt while the window and the pacer allow (forwarding thread). True when it sent one.
        /// </summary>
        public bool Pump()
        {
            bool sent = PumpDiscovery();
            while (true)
            {
                lock (_payloadLock)
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

                    // The record becomes topic and payload (a compact reading set its JSON); one that cannot is reported
                    // and acknowledged, so it never blocks the queue.
                    if (!_renderer.Render(_message))
                    {
                        Log.Error("queue: " + _renderer.Problem);
                        _queue.Acknowledge(_message.Sequence);
                        continue;
                    }

                    // M2Mqtt keeps the payload array until PUBACK, so it gets its own copy. The id is recorded under the
                    // lock before the PUBACK handler (which needs the lock) can look for it.
                    string topic = _renderer.Topic;
                    byte[] payload = new byte[_renderer.PayloadLength];
                    Array.Copy(_renderer.Payload, 0, payload, 0, payload.Length);
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
        /// The payload-sized JSON writer shared with the renders of queued records; use it only inside
        /// <see cref="PayloadLock"/> (taken before any of this link's other locks).
        /// </summary>
        internal JsonWriter PayloadWriter
        {
            get { return _payloadWriter; }
        }

        internal object PayloadLock
        {
            get { return _payloadLock; }
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

        /// <summary>
        /// Publishes the retained status when <see cref="StatusSchedule"/> says so (on connection, every RINT hours of the
        /// live configuration, on changes), and the device information again when a command replaced the configuration.
        /// Called by the forwarding thread once a minute and after each connection.
        /// </summary>
        public void PublishStatusIfDue()
        {
            ConcentratorConfiguration configuration = _configuration == null ? null : _configuration.Current;
            if (configuration != null && _infoConfiguration != null && configuration != _infoConfiguration && IsConnected)
            {
                PublishDeviceInfo();
            }

            lock (_statusGate)
            {
                // Once a minute only the counters the schedule compares are taken (no heap collection, no Wi-Fi scan);
                // the free heap is measured when the status is actually published.
                IDiagnosticsSource diagnostics = _diagnostics;
                TakeCounters(diagnostics, true);
                _status.DefaultPassword = configuration != null ? configuration.UsesDefaultPassword : _defaultPassword;
                _status.IntervalHours = configuration != null ? configuration.StatusIntervalHours : -1;
                MqttClient client;
                byte[] payload;
                long now = Environment.TickCount64;
                lock (_lock)
                {
                    if (!_connected)
                    {
                        return;
                    }

                    _status.QueueDepth = _queue.Count;
                    _status.QueueDropped = _queue.Dropped;
                    if (!_statusSchedule.IsDue(now, _status.IntervalHours, _status))
                    {
                        return;
                    }
                }

                TakeCounters(diagnostics, false);
                lock (_lock)
                {
                    client = _client;
                    if (!_connected)
                    {
                        return;
                    }

                    _liveWriter.Reset();
                    StatusPayloadFormatter.WriteOnline(_liveWriter, _status);
                    payload = Copy(_liveWriter);
                }

                try
                {
                    client.Publish(_statusTopic, payload, null, null, MqttQoSLevel.AtLeastOnce, true);
                    _statusSchedule.Published(now, _status);
                }
                catch (Exception ex)
                {
                    Log.Warn("MQTT: status not published: " + ex.Message);
                }
            }
        }

        // The runtime's counters into the status (under _statusGate); with countersOnly, without the free heap's collection.
        private void TakeCounters(IDiagnosticsSource diagnostics, bool countersOnly)
        {
            if (diagnostics == null)
            {
                _status.UptimeSeconds = Environment.TickCount64 / 1000;
                return;
            }

            _counters.Clear();
            _counters.MetersOffline = -1; // left out of the status unless the runtime reports it (a false 0 would reassure)
            _counters.CountersOnly = countersOnly;
            diagnostics.FillStatus(_counters);
            if (countersOnly)
            {
                _counters.FreeHeap = _status.FreeHeap; // the last measured figure until the next publication measures again
            }

            _status.TakeCounters(_counters);
        }

        // The device information, from the configuration in force (a writer sized for its inventory, once per connection).
        private void PublishDeviceInfo()
        {
            ConcentratorConfiguration configuration = _configuration == null ? null : _configuration.Current;
            if (configuration == null)
            {
                return;
            }

            JsonWriter writer = new JsonWriter(512 + 160 * configuration.MeterCount);
            BoardProfile board = _settings.Board;
            DeviceInfoPayloadFormatter.Write(writer, configuration, Software, board == null ? _settings.BoardName : board.Name,
                board != null && board.Network == BoardNetwork.Ethernet ? "ethernet" : "wifi",
                configuration.MeterCount == 0 ? _settings.P1MeterId : null, _queue.RingBytes, _queue.MaxRecordBytes);
            if (writer.Overflowed)
            {
                Log.Warn("MQTT: device information needs more than " + writer.Buffer.Length.ToString() + " bytes; not published");
                return;
            }

            MqttClient client;
            lock (_lock)
            {
                client = _client;
                if (!_connected)
                {
                    return;
                }
            }

            try
            {
                client.Publish(_infoTopic, Copy(writer), null, null, MqttQoSLevel.AtLeastOnce, true);
                _infoConfiguration = configuration;
            }
            catch (Exception ex)
            {
                Log.Warn("MQTT: device information not published: " + ex.Message);
            }
        }

        // Due discovery configs to M2Mqtt, retained, while the window and the pacer allow. True when it sent one.
        private bool PumpDiscovery()
        {
            bool sent = false;
            while (true)
            {
                lock (_lock)
                {
                    if (!_connected || _discoveryUnacknowledged >= MaxDiscoveryUnacknowledged || !_discovery.HasPending
                        || !_pacer.TryTake(Environment.TickCount64))
                    {
                        return sent;
                    }

                    string topic;
                    int overflowed = _discovery.Overflowed;
                    bool next = _discovery.TryNext(_liveWriter, out topic);
                    if (_discovery.Overflowed != overflowed)
                    {
                        Log.Warn("MQTT: a discovery config needs more than " + _liveWriter.Buffer.Length.ToString() + " bytes; skipped");
                    }

                    if (!next)
                    {
                        return sent;
                    }

                    try
                    {
                        ushort id = _client.Publish(topic, Copy(_liveWriter), null, null, MqttQoSLevel.AtLeastOnce, true);
                        _discoveryIds[_discoveryUnacknowledged++] = id;
                        sent = true;
                    }
                    catch (Exception ex)
                    {
                        // The reconnect announces every meter again.
                        Log.Warn("MQTT: discovery to " + topic + " failed: " + ex.Message);
                        _connected = false;
                        _connectionLost.Set();
                        return sent;
                    }
                }
            }
        }

        // M2Mqtt keeps the payload array until PUBACK: each message gets its own exact-length copy.
        private static byte[] Copy(JsonWriter writer)
        {
            byte[] payload = new byte[writer.Length];
            Array.Copy(writer.Buffer, 0, payload, 0, payload.Length);
            return payload;
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

                for (int i = 0; i < _discoveryUnacknowledged; i++)
                {
                    if (_discoveryIds[i] == e.MessageId)
                    {
                        failed = !e.IsPublished; // the reconnect announces again
                        _discoveryIds[i] = _discoveryIds[--_discoveryUnacknowledged];
                        break;
                    }
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
            if (sender != _client)
            {
                return;
            }

            if (e.Topic == _homeAssistantStatusTopic)
            {
                if (IsOnline(e.Message))
                {
                    Log.Info("MQTT: Home Assistant is online; announcing " + _discovery.Meters.ToString() + " meter(s) again");
                    _discovery.RequestAll();
                    _work.Set();
                }

                return;
            }

            CommandTopicBridge commands = _commands;
            if (commands == null || e.Topic != _commandTopic)
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

        // Home Assistant's birth payload, exactly "online".
        private static bool IsOnline(byte[] message)
        {
            string online = MqttTopics.Online;
            if (message == null || message.Length != online.Length)
            {
                return false;
            }

            for (int i = 0; i < online.Length; i++)
            {
                if (message[i] != (byte)online[i])
                {
                    return false;
                }
            }

            return true;
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
                _discoveryUnacknowledged = 0;
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
