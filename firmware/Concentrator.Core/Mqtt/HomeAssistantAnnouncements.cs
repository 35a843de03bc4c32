using System;
using Concentrator.Core.Json;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// Decides which Home Assistant discovery configs are due and formats them, for the board and the desktop alike.
    /// <list type="bullet">
    /// <item><see cref="Observe"/> runs on every reading set of a meter (any thread). The set of OBIS codes is only
    /// known once a meter has answered, so a meter is announced when its first reading set arrives; afterwards the set
    /// is only compared with the meter's <see cref="HomeAssistantMeterRecord"/> (nothing allocated) and the meter is
    /// announced again only when the set brings something new (a register added, a unit changed, another meter on the
    /// same id); a register missing from a set changes nothing.</item>
    /// <item><see cref="RequestAll"/> announces every known meter again from its record, without waiting for readings:
    /// after a reconnect to the broker, and when Home Assistant says <c>online</c> on <c>homeassistant/status</c>.</item>
    /// <item><see cref="TryNext"/> formats the next due config and its topic (the publishing side sends it retained,
    /// QoS 1, at its own pace).</item>
    /// </list>
    /// One record per meter, at most <c>maxMeters</c>; a meter beyond that is counted in <see cref="Refused"/>.
    /// </summary>
    public sealed class HomeAssistantAnnouncements
    {
        private readonly string _discoveryPrefix;
        private readonly string _deviceId;
        private readonly string _statusTopic;
        private readonly HomeAssistantMeterRecord[] _records;
        private readonly bool[] _pending;
        private readonly int[] _next;
        private readonly HomeAssistantDiscoveryFormatter _formatter = new HomeAssistantDiscoveryFormatter();
        private readonly object _lock = new object();
        private int _count;
        private int _pendingMeters;

        public HomeAssistantAnnouncements(string discoveryPrefix, string deviceId, string statusTopic, int maxMeters)
        {
            if (discoveryPrefix == null || deviceId == null || statusTopic == null)
            {
                throw new ArgumentNullException(discoveryPrefix == null ? "discoveryPrefix" : deviceId == null ? "deviceId" : "statusTopic");
            }

            if (maxMeters < 1)
            {
                throw new ArgumentOutOfRangeException("maxMeters");
            }

            _discoveryPrefix = discoveryPrefix;
            _deviceId = deviceId;
            _statusTopic = statusTopic;
            _records = new HomeAssistantMeterRecord[maxMeters];
            _pending = new bool[maxMeters];
            _next = new int[maxMeters];
        }

        /// <summary>Configs handed out by <see cref="TryNext"/>.</summary>
        public int Announced { get; private set; }

        /// <summary>Configs skipped because they did not fit the writer.</summary>
        public int Overflowed { get; private set; }

        /// <summary>Meters not recorded because <c>maxMeters</c> were recorded already.</summary>
        public int Refused { get; private set; }

        /// <summary>Meters seen.</summary>
        public int Meters
        {
            get
            {
                lock (_lock)
                {
                    return _count;
                }
            }
        }

        /// <summary>True while a config is due.</summary>
        public bool HasPending
        {
            get
            {
                lock (_lock)
                {
                    return _pendingMeters > 0;
                }
            }
        }

        /// <summary>The record of a meter, or null.</summary>
        public HomeAssistantMeterRecord Find(string meterId)
        {
            lock (_lock)
            {
                int index = IndexOf(meterId);
                return index < 0 ? null : _records[index];
            }
        }

        /// <summary>
        /// Records the sensors of one reading set of <paramref name="meterId"/>; true when its configs became due (first
        /// set with sensors, or something new in it). Steady state: compares the set with the record, allocates nothing.
        /// </summary>
        public bool Observe(string meterId, string stateTopic, ReadingSet set)
        {
            if (meterId == null || stateTopic == null || set == null)
            {
                throw new ArgumentNullException(meterId == null ? "meterId" : stateTopic == null ? "stateTopic" : "set");
            }

            lock (_lock)
            {
                int index = IndexOf(meterId);
                if (index < 0)
                {
                    if (_count == _records.Length)
                    {
                        Refused++;
                        return false;
                    }

                    index = _count;
                    _records[index] = new HomeAssistantMeterRecord(meterId, stateTopic);
                    _count++;
                }

                if (!_records[index].Update(set))
                {
                    return false;
                }

                MarkPending(index);
                return true;
            }
        }

        /// <summary>Every meter seen is announced again, from its record (reconnect; Home Assistant came online).</summary>
        public void RequestAll()
        {
            lock (_lock)
            {
                for (int i = 0; i < _count; i++)
                {
                    MarkPending(i);
                }
            }
        }

        /// <summary>
        /// Formats the next due config into <paramref name="writer"/> (reset first) and gives its topic; false when none is
        /// due. A config that overflows the writer is skipped and counted in <see cref="Overflowed"/>.
        /// </summary>
        public bool TryNext(JsonWriter writer, out string topic)
        {
            if (writer == null)
            {
                throw new ArgumentNullException("writer");
            }

            lock (_lock)
            {
                for (int i = 0; i < _count; i++)
                {
                    if (!_pending[i])
                    {
                        continue;
                    }

                    HomeAssistantMeterRecord record = _records[i];
                    while (_next[i] < record.Count)
                    {
                        int sensor = _next[i]++;
                        writer.Reset();
                        _formatter.Write(writer, _deviceId, _statusTopic, record, sensor);
                        if (_next[i] == record.Count)
                        {
                            Done(i);
                        }

                        if (writer.Overflowed)
                        {
                            Overflowed++;
                            continue;
                        }

                        Announced++;
                        topic = MqttTopics.DiscoveryConfig(_discoveryPrefix, _deviceId, record.MeterId, record.Obis(sensor));
                        return true;
                    }

                    Done(i); // a meter without sensors
                }

                topic = null;
                return false;
            }
        }

        private void MarkPending(int index)
        {
            if (!_pending[index])
            {
                _pending[index] = true;
                _pendingMeters++;
            }

            _next[index] = 0;
        }

        private void Done(int index)
        {
            if (_pending[index])
            {
                _pending[index] = false;
                _pendingMeters--;
            }
        }

        private int IndexOf(string meterId)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_records[i].MeterId == meterId)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
