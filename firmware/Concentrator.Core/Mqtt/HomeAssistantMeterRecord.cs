using Concentrator.Core.Obis;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// What Home Assistant was told about one meter: its sensors (OBIS code, kind, unit) and model, kept compactly so that
    /// the discovery configs can be sent again (after a reconnect, when Home Assistant comes online) without waiting for
    /// the meter's next readings. <see cref="Update"/> runs on every reading set: it compares the set with the record
    /// (no allocation) and takes only what is new — a sensor not announced yet, a changed kind or unit, another
    /// identification. A sensor missing from one set is kept, so a register that fails now and then (or a partial SML
    /// file) does not make the meter's configs go out again and again: the record is the union of what the meter sent.
    /// A sensor is a <see cref="ReadingKind.Number"/> reading that <see cref="HomeAssistantSensorClass.Classify"/> gives a
    /// kind, whose OBIS code occurs once in the set (a repeated code is a log entry: no sensor).
    /// </summary>
    public sealed class HomeAssistantMeterRecord
    {
        // OBIS codes as ObisCode.ToKey keys: 8 bytes an entry, where an ObisCode element is a 96-byte heap object on nanoCLR.
        private long[] _obis = new long[0];
        private byte[] _units = new byte[0]; // per sensor: kind (high nibble) and HomeAssistantSensorClass.UnitCode (low nibble)
        private byte[][] _rawUnits; // made for the first unit written as sent (most meters have none)
        private byte[] _model = new byte[0];

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

        public ObisCode Obis(int index)
        {
            return ObisCode.FromKey(_obis[index]);
        }

        public HomeAssistantSensorKind Kind(int index)
        {
            return (HomeAssistantSensorKind)(_units[index] >> 4);
        }

        /// <summary>unit_of_measurement as Home Assistant spells it, or null (none, or <see cref="RawUnit"/>).</summary>
        public string Unit(int index)
        {
            return HomeAssistantSensorClass.UnitName((byte)(_units[index] & 0x0F));
        }

        /// <summary>The unit as the meter sent it, for a kind without a known unit (written as sent); null otherwise.</summary>
        public byte[] RawUnit(int index)
        {
            return _rawUnits == null ? null : _rawUnits[index];
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

        /// <summary>
        /// True when every sensor of <paramref name="set"/> is held already with the same kind and unit, and the set's
        /// identification (when it has one) is the model held: nothing to announce. Allocates nothing.
        /// </summary>
        public bool Covers(ReadingSet set)
        {
            if (set.IdentificationLength > 0 && !SameBytes(_model, set.Text, set.IdentificationStart, set.IdentificationLength))
            {
                return false;
            }

            for (int i = 0; i < set.Count; i++)
            {
                HomeAssistantSensorKind kind = SensorKind(set, i);
                if (kind == HomeAssistantSensorKind.None)
                {
                    continue;
                }

                int held = IndexOf(set[i].Obis.ToKey());
                if (held < 0 || !SameSensor(held, kind, set, set[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Takes what is new in <paramref name="set"/>: sensors not held yet are added (after those held), a sensor whose
        /// kind or unit changed is replaced, the model is taken when the set has one. A sensor missing from the set stays:
        /// a register that failed this once, or a partial SML file, announces nothing. True when something was taken (the
        /// configs must be announced), false when the record <see cref="Covers"/> the set already (nothing allocated).
        /// </summary>
        public bool Update(ReadingSet set)
        {
            if (set == null)
            {
                throw new System.ArgumentNullException("set");
            }

            if (Covers(set))
            {
                return false;
            }

            int added = 0;
            for (int i = 0; i < set.Count; i++)
            {
                if (SensorKind(set, i) != HomeAssistantSensorKind.None && IndexOf(set[i].Obis.ToKey()) < 0)
                {
                    added++;
                }
            }

            if (Count + added > _obis.Length)
            {
                Grow(Count + added);
            }

            for (int i = 0; i < set.Count; i++)
            {
                HomeAssistantSensorKind kind = SensorKind(set, i);
                if (kind == HomeAssistantSensorKind.None)
                {
                    continue;
                }

                Reading reading = set[i];
                long key = reading.Obis.ToKey();
                int at = IndexOf(key);
                if (at < 0)
                {
                    at = Count++;
                }
                else if (SameSensor(at, kind, set, reading))
                {
                    continue;
                }

                _obis[at] = key;
                string unit = HomeAssistantSensorClass.Unit(kind, set.Text, reading.UnitStart, reading.UnitLength);
                _units[at] = (byte)((int)kind << 4 | HomeAssistantSensorClass.UnitCode(unit));
                byte[] raw = unit == null && kind == HomeAssistantSensorKind.OtherMeasurement
                    ? Copy(set.Text, reading.UnitStart, reading.UnitLength)
                    : null;
                if (raw != null && _rawUnits == null)
                {
                    _rawUnits = new byte[_obis.Length][];
                }

                if (_rawUnits != null)
                {
                    _rawUnits[at] = raw;
                }
            }

            if (set.IdentificationLength > 0)
            {
                _model = Copy(set.Text, set.IdentificationStart, set.IdentificationLength);
            }

            return true;
        }

        private int IndexOf(long key)
        {
            for (int j = 0; j < Count; j++)
            {
                if (_obis[j] == key)
                {
                    return j;
                }
            }

            return -1;
        }

        private bool SameSensor(int held, HomeAssistantSensorKind kind, ReadingSet set, Reading reading)
        {
            if ((HomeAssistantSensorKind)(_units[held] >> 4) != kind)
            {
                return false;
            }

            // Unit returns one of its constants (no allocation): equal strings mean the same unit.
            string unit = HomeAssistantSensorClass.Unit(kind, set.Text, reading.UnitStart, reading.UnitLength);
            if (unit != HomeAssistantSensorClass.UnitName((byte)(_units[held] & 0x0F)))
            {
                return false;
            }

            byte[] raw = _rawUnits == null ? null : _rawUnits[held]; // held for a unit written as sent
            return raw == null || SameBytes(raw, set.Text, reading.UnitStart, reading.UnitLength);
        }

        private void Grow(int capacity)
        {
            long[] obis = new long[capacity];
            byte[] units = new byte[capacity];
            System.Array.Copy(_obis, obis, Count);
            System.Array.Copy(_units, units, Count);
            if (_rawUnits != null)
            {
                byte[][] rawUnits = new byte[capacity][];
                System.Array.Copy(_rawUnits, rawUnits, Count);
                _rawUnits = rawUnits;
            }

            _obis = obis;
            _units = units;
        }

        private static bool SameBytes(byte[] held, byte[] text, int start, int length)
        {
            if (held.Length != length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (held[i] != text[start + i])
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[] Copy(byte[] text, int start, int length)
        {
            byte[] copy = new byte[length];
            System.Array.Copy(text, start, copy, 0, length);
            return copy;
        }
    }
}
