using System;
using Concentrator.Core.Commands;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Diagnostics
{
    /// <summary>
    /// Every meter's <see cref="MeterHealth"/>, by id: what the runtime's <see cref="IDiagnosticsSource"/> reads for
    /// <c>MCP DIAG</c>. Sized once; meters are added at start (from one thread), then only looked up.
    /// </summary>
    public sealed class MeterHealthTable
    {
        private readonly MeterHealth[] _meters;
        private readonly IMillisecondClock _clock;
        private int _count;

        public MeterHealthTable(int capacity, IMillisecondClock clock)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _meters = new MeterHealth[capacity];
            _clock = clock;
        }

        public int Count
        {
            get { return _count; }
        }

        public MeterHealth this[int index]
        {
            get { return _meters[index]; }
        }

        /// <summary>The meter's health, added when new.</summary>
        public MeterHealth Add(string meterId)
        {
            MeterHealth existing = Find(meterId);
            if (existing != null)
            {
                return existing;
            }

            if (_count == _meters.Length)
            {
                throw new InvalidOperationException("the health table holds " + _meters.Length.ToString() + " meters");
            }

            MeterHealth health = new MeterHealth(meterId, _clock);
            _meters[_count] = health;
            _count++;
            return health;
        }

        public MeterHealth Find(string meterId)
        {
            int count = _count;
            for (int i = 0; i < count; i++)
            {
                if (_meters[i].MeterId == meterId)
                {
                    return _meters[i];
                }
            }

            return null;
        }

        /// <summary>Meters marked offline now.</summary>
        public int OfflineCount()
        {
            int offline = 0;
            int count = _count;
            for (int i = 0; i < count; i++)
            {
                if (_meters[i].Offline)
                {
                    offline++;
                }
            }

            return offline;
        }

        /// <summary>Readings, failures and meters offline, all meters together, into <paramref name="status"/>.</summary>
        public void FillTotals(ConcentratorStatus status)
        {
            long readings = 0;
            long failures = 0;
            int count = _count;
            for (int i = 0; i < count; i++)
            {
                readings += _meters[i].Readings;
                failures += _meters[i].Failures;
            }

            status.Readings = readings;
            status.Failures = failures;
            status.MetersOffline = OfflineCount();
        }

        /// <summary>For <see cref="IDiagnosticsSource.FillMeter"/>: false when the meter is not in the table.</summary>
        public bool Fill(string meterId, MeterDiagnostics diagnostics)
        {
            MeterHealth health = Find(meterId);
            if (health == null)
            {
                return false;
            }

            health.Fill(diagnostics);
            return true;
        }
    }
}
