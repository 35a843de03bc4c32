using System;
using System.Text;
using System.Threading;
using Concentrator.App.Settings;
using Concentrator.Core.Io;
using Concentrator.Core.Mqtt;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace Concentrator.App.Mqtt
{
    /// <summary>
    /// The connection to the MQTT broker (M2Mqtt): connects with a retained last will (<c>…/status</c> =
    /// <see cref="MqttTopics.Offline"/>), announces <see cref="MqttTopics.Online"/>, notices when the connection
    /// closes, and publishes at QoS 1 from any thread. A dropped connection is replaced by a new client on the next
    /// <see cref="Connect"/>; the caller paces attempts with a backoff.
    /// </summary>
    public sealed class MqttLink
    {
        /// <summary>
        /// QoS 1 messages handed to the client but not yet acknowledged. Beyond this the broker is not keeping up
        /// and new messages are refused rather than queued without bound (M2Mqtt's own queue has no limit).
        /// </summary>
        public const int MaxUnacknowledged = 8;

        private readonly ConcentratorSettings _settings;
        private readonly string _statusTopic;
        private readonly object _lock = new object();
        private readonly AutoResetEvent _connectionLost = new AutoResetEvent(false);
        private MqttClient _client;
        private bool _connected;
        private int _unacknowledged;

        public MqttLink(ConcentratorSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            _settings = settings;
            _statusTopic = MqttTopics.Status(settings.TopicPrefix, settings.DeviceId);
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
                client = new MqttClient(_settings.MqttHost, _settings.MqttPort, false, null, null, MqttSslProtocols.None);
                client.ConnectionClosed += OnConnectionClosed;
                client.MqttMsgPublished += OnPublished;

                // Will: retained "offline" at QoS 1, published by the broker when the keep alive runs out.
                MqttReasonCode code = client.Connect(
                    _settings.DeviceId,
                    _settings.MqttUser.Length == 0 ? null : _settings.MqttUser,
                    _settings.MqttUser.Length == 0 ? null : _settings.MqttPassword,
                    true,
                    MqttQoSLevel.AtLeastOnce,
                    true,
                    _statusTopic,
                    MqttTopics.Offline,
                    true,
                    (ushort)_settings.MqttKeepAliveSeconds);
                if (code != MqttReasonCode.Success)
                {
                    Log.Warn("MQTT: " + _settings.MqttHost + " refused the connection, reason code " + ((int)code).ToString());
                    CloseQuietly(client);
                    return false;
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

            lock (_lock)
            {
                _client = client;
                _connected = true;
                _unacknowledged = 0;
            }

            Log.Info("MQTT: connected to " + _settings.MqttHost + ":" + _settings.MqttPort.ToString() + " as " + _settings.DeviceId);
            byte[] online = Encoding.UTF8.GetBytes(MqttTopics.Online);
            Publish(_statusTopic, online, true);
            return true;
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
        /// Publishes <paramref name="length"/> bytes of <paramref name="buffer"/> at QoS 1. The bytes are copied: M2Mqtt
        /// takes a whole array and keeps it until the broker acknowledges, so a reused buffer cannot be handed over.
        /// Closed when not connected, Timeout when too many messages await acknowledgement, Fault when the client refused.
        /// </summary>
        public LinkStatus Publish(string topic, byte[] buffer, int length)
        {
            MqttClient client;
            LinkStatus status = Reserve(out client);
            if (status != LinkStatus.Ok)
            {
                return status;
            }

            byte[] payload = new byte[length];
            Array.Copy(buffer, 0, payload, 0, length);
            return Send(client, topic, payload, false);
        }

        /// <summary>Publishes an array the caller hands over (it must not change it afterwards).</summary>
        public LinkStatus Publish(string topic, byte[] payload, bool retain)
        {
            MqttClient client;
            LinkStatus status = Reserve(out client);
            return status == LinkStatus.Ok ? Send(client, topic, payload, retain) : status;
        }

        // Takes a place among the unacknowledged messages. It is counted before publishing because the
        // acknowledgement may arrive before Publish returns.
        private LinkStatus Reserve(out MqttClient client)
        {
            lock (_lock)
            {
                client = _client;
                if (!_connected)
                {
                    return LinkStatus.Closed;
                }

                if (_unacknowledged >= MaxUnacknowledged)
                {
                    return LinkStatus.Timeout;
                }

                _unacknowledged++;
                return LinkStatus.Ok;
            }
        }

        private LinkStatus Send(MqttClient client, string topic, byte[] payload, bool retain)
        {
            try
            {
                client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, retain);
                return LinkStatus.Ok;
            }
            catch (Exception ex)
            {
                lock (_lock)
                {
                    if (_client == client && _unacknowledged > 0)
                    {
                        _unacknowledged--;
                    }
                }

                Log.Warn("MQTT: publish to " + topic + " failed: " + ex.Message);
                return LinkStatus.Fault;
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            lock (_lock)
            {
                // Delivered, or given up after M2Mqtt's retries: either way no longer waiting.
                if (sender == _client && _unacknowledged > 0)
                {
                    _unacknowledged--;
                }
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
