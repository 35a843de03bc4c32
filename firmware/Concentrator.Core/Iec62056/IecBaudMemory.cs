using System;

namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// Remembers, per meter address, the baud at which the last readout worked, so the next session starts there instead
    /// of failing down the ladder again. After <see cref="ProbeAfterSuccesses"/> good sessions below the meter's
    /// maximum, one session tries a step higher (a probe that was misaligned may have been fixed). Fixed size, no allocation
    /// after construction except one string per new meter address.
    /// </summary>
    public sealed class IecBaudMemory
    {
        public const int ProbeAfterSuccesses = 16;

        private readonly string[] _addresses;
        private readonly int[] _bauds;
        private readonly int[] _successes;
        private int _count;

        public IecBaudMemory(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _addresses = new string[capacity];
            _bauds = new int[capacity];
            _successes = new int[capacity];
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>The baud cap to use for this meter: the one that worked last (stepped up once in a while), or 0 when unknown.</summary>
        public int Recall(string address)
        {
            int i = IndexOf(address);
            if (i < 0)
            {
                return 0;
            }

            if (_successes[i] >= ProbeAfterSuccesses && _bauds[i] < 19200)
            {
                return _bauds[i] * 2;
            }

            return _bauds[i];
        }

        /// <summary>Records the baud of a good session.</summary>
        public void RememberSuccess(string address, int baud)
        {
            int i = IndexOf(address);
            if (i < 0)
            {
                i = Add(address);
            }

            if (_bauds[i] == baud)
            {
                _successes[i]++;
            }
            else
            {
                _bauds[i] = baud;
                _successes[i] = 1;
            }
        }

        /// <summary>Records that a session at <paramref name="baud"/> failed: the next starts a step lower.</summary>
        public void RememberFailure(string address, int baud)
        {
            int i = IndexOf(address);
            if (i < 0)
            {
                i = Add(address);
            }

            int lower = IecBaudRates.StepDown(baud);
            _bauds[i] = lower > 0 ? lower : IecBaudRates.SignOn;
            _successes[i] = 0;
        }

        private int IndexOf(string address)
        {
            string key = address ?? string.Empty;
            for (int i = 0; i < _count; i++)
            {
                if (_addresses[i] == key)
                {
                    return i;
                }
            }

            return -1;
        }

        private int Add(string address)
        {
            int i = _count < _addresses.Length ? _count++ : _addresses.Length - 1; // full: the last slot is reused
            _addresses[i] = address ?? string.Empty;
            _bauds[i] = 0;
            _successes[i] = 0;
            return i;
        }
    }
}
