using Concentrator.Core.Obis;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// What Home Assistant was told about one meter: its sensors (OBIS code, kind, unit) and model, kept compactly so that
    /// the discovery configs can be sent again (after a reconnect, when Home Assistant comes online) without waiting for
    /// the meter's next readings, and a 32-bit FNV-1a hash of them. <see cref="Update"/> runs on every reading set: it
    /// only hashes (no allocation) and copies the sensors only when the hash differs from the one announced, which is
    /// when the set of OBIS codes, a kind, a unit or the meter's identification changed.
    /// A sensor is a <see cref="ReadingKind.Number"/> reading that <see cref="HomeAssistantSensorClass.Classify"/> gives a
    /// kind, whose OBIS code occurs once in the set (a repeated code is a log entry: no sensor).
    /// </summary>
    public sealed class HomeAssistantMeterRecord
    {
        private const uint FnvOffset = 2166136261;
        private const uint FnvPrime = 16777619;

        private ObisCode[] _obis = new ObisCode[0];
        private HomeAssistantSensorKind[] _kinds = new HomeAssistantSensorKind[0];
        private string[] _units = new string[0];
        private byte[][] _rawUnits = new byte[0][];
        private byte[] _model = new byte[0];
        private bool _hasHash;

        public HomeAssistantMeterRecord(string meterId, string stateTopic)
        {
            if (meterId == null || stateTopic == null)
            {
                throw new System.ArgumentNullException(meterId == null ? "meterId" : "stateTopic");
            }

            MeterId = meterId;
            StateTopic = stateTopic;
        }

        public string MeterId { get; private set; }

        /// <summary>The meter's readings topic, which every sensor reads its value from.</summary>
        public string StateTopic { get; private set; }

        /// <summary>Sensors announced for this meter.</summary>
        public int Count { get; private set; }

        /// <summary>Hash of the sensors and model last copied by <see cref="Update"/>.</summary>
        public uint Hash { get; private set; }

        public ObisCode Obis(int index)
        {
            return _obis[index];
        }

        public HomeAssistantSensorKind Kind(int index)
        {
            return _kinds[index];
        }

        /// <summary>unit_of_measurement as Home Assistant spells it, or null (none, or <see cref="RawUnit"/>).</summary>
        public string Unit(int index)
        {
            return _units[index];
        }

        /// <summary>The unit as the meter sent it, for a kind without a known unit (written as sent); null otherwise.</summary>
        public byte[] RawUnit(int index)
        {
            return _rawUnits[index];
        }

        /// <summary>The meter's identification (model), possibly empty.</summary>
        public byte[] Model
        {
            get { return _model; }
        }

        /// <summary>The kind of the reading at <paramref name="index"/> of <paramref name="set"/>, or None when it is no sensor (see the class summary).</summary>
        public static HomeAssistantSensorKind SensorKind(ReadingSet set, int index)
        {
            Reading reading = set[index];
            if (reading.Kind != ReadingKind.Number)
            {
                return HomeAssistantSensorKind.None;
            }

            for (int j = 0; j < set.Count; j++)
            {
                if (j != index && set[j].Obis == reading.Obis)
                {
                    return HomeAssistantSensorKind.None;
                }
            }

            return HomeAssistantSensorClass.Classify(reading.Obis, set.Text, reading.UnitStart, reading.UnitLength);
        }

        /// <summary>The hash of the sensors of <paramref name="set"/> and its identification; allocates nothing.</summary>
        public static uint HashOf(ReadingSet set)
        {
            uint hash = FnvOffset;
            for (int i = 0; i < set.Count; i++)
            {
                HomeAssistantSensorKind kind = SensorKind(set, i);
                if (kind == HomeAssistantSensorKind.None)
                {
                    continue;
                }

                Reading reading = set[i];
                ObisCode obis = reading.Obis;
                hash = Mix(hash, obis.A);
                hash = Mix(hash, obis.B);
                hash = Mix(hash, obis.C);
                hash = Mix(hash, obis.D);
                hash = Mix(hash, obis.E);
                hash = Mix(hash, obis.F);
                hash = Mix(hash, (byte)kind);
                hash = Mix(hash, (byte)reading.UnitLength);
                hash = Mix(hash, set.Text, reading.UnitStart, reading.UnitLength);
            }

            hash = Mix(hash, 0xFF); // separates the sensors from the model
            return Mix(hash, set.Text, set.IdentificationStart, set.IdentificationLength);
        }

        /// <summary>
        /// Takes the sensors of <paramref name="set"/> when they differ from those held (or none are held yet): true when
        /// they were copied (the configs must be announced), false when nothing changed (nothing allocated).
        /// </summary>
        public bool Update(ReadingSet set)
        {
            if (set == null)
            {
                throw new System.ArgumentNullException("set");
            }

            uint hash = HashOf(set);
            if (_hasHash && hash == Hash)
            {
                return false;
            }

            int count = 0;
            for (int i = 0; i < set.Count; i++)
            {
                if (SensorKind(set, i) != HomeAssistantSensorKind.None)
                {
                    count++;
                }
            }

            if (_obis.Length < count)
            {
                _obis = new ObisCode[count];
                _kinds = new HomeAssistantSensorKind[count];
                _units = new string[count];
                _rawUnits = new byte[count][];
            }

            int at = 0;
            for (int i = 0; i < set.Count; i++)
            {
                HomeAssistantSensorKind kind = SensorKind(set, i);
                if (kind == HomeAssistantSensorKind.None)
                {
                    continue;
                }

                Reading reading = set[i];
                _obis[at] = reading.Obis;
                _kinds[at] = kind;
                _units[at] = HomeAssistantSensorClass.Unit(kind, set.Text, reading.UnitStart, reading.UnitLength);
                _rawUnits[at] = _units[at] == null && kind == HomeAssistantSensorKind.OtherMeasurement
                    ? Copy(set.Text, reading.UnitStart, reading.UnitLength)
                    : null;
                at++;
            }

            _model = Copy(set.Text, set.IdentificationStart, set.IdentificationLength);
            Count = count;
            Hash = hash;
            _hasHash = true;
            return true;
        }

        private static byte[] Copy(byte[] text, int start, int length)
        {
            byte[] copy = new byte[length];
            System.Array.Copy(text, start, copy, 0, length);
            return copy;
        }

        private static uint Mix(uint hash, byte value)
        {
            return (hash ^ value) * FnvPrime;
        }

        private static uint Mix(uint hash, byte[] bytes, int start, int length)
        {
            for (int i = 0; i < length; i++)
            {
                hash = (hash ^ bytes[start + i]) * FnvPrime;
            }

            return hash;
        }
    }
}
