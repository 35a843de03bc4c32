using Concentrator.Core.Obis;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Scaler and unit of a meter's registers, read once and kept (they are configuration, not measurement). One
    /// cache per meter; fixed capacity, the oldest entry makes room when full. Allocation-free after construction.
    /// </summary>
    public sealed class ScalerUnitCache
    {
        private readonly long[] _keys; // ObisCode.ToKey(): an ObisCode[] costs a heap object per entry on nanoFramework
        private readonly ushort[] _classes;
        private readonly sbyte[] _scalers;
        private readonly byte[] _units;
        private int _count;
        private int _next;

        public ScalerUnitCache(int capacity)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentOutOfRangeException("capacity");
            }

            _keys = new long[capacity];
            _classes = new ushort[capacity];
            _scalers = new sbyte[capacity];
            _units = new byte[capacity];
        }

        /// <summary>Entries the cache holds at most.</summary>
        public int Capacity
        {
            get { return _keys.Length; }
        }

        public int Count
        {
            get { return _count; }
        }

        public bool TryGet(ushort classId, ObisCode logicalName, out sbyte scaler, out byte unit)
        {
            long key = logicalName.ToKey();
            for (int i = 0; i < _count; i++)
            {
                if (_classes[i] == classId && _keys[i] == key)
                {
                    scaler = _scalers[i];
                    unit = _units[i];
                    return true;
                }
            }

            scaler = 0;
            unit = 0;
            return false;
        }

        public void Set(ushort classId, ObisCode logicalName, sbyte scaler, byte unit)
        {
            long key = logicalName.ToKey();
            for (int i = 0; i < _count; i++)
            {
                if (_classes[i] == classId && _keys[i] == key)
                {
                    _scalers[i] = scaler;
                    _units[i] = unit;
                    return;
                }
            }

            int slot;
            if (_count < _keys.Length)
            {
                slot = _count++;
            }
            else
            {
                slot = _next;
                _next = (_next + 1) % _keys.Length;
            }

            _keys[slot] = key;
            _classes[slot] = classId;
            _scalers[slot] = scaler;
            _units[slot] = unit;
        }

        /// <summary>Forgets everything (another meter, or the meter was reconfigured).</summary>
        public void Clear()
        {
            _count = 0;
            _next = 0;
        }
    }
}
