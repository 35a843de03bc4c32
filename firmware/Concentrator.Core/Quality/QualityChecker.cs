using System;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Quality
{
    /// <summary>
    /// Flags readings that cannot be right: an energy or volume register lower than the last one read from the same
    /// meter (<see cref="ReadingFlags.CounterWentBackwards"/>), a value outside physical limits
    /// (<see cref="ReadingFlags.OutOfRange"/>: voltage, frequency, power, negative energy), a meter clock too far from the
    /// concentrator's (<see cref="ReadingFlags.ClockSkew"/> on the set), a stale value (<see cref="ReadingFlags.Stale"/>).
    /// Values are kept, only flagged: the receiver decides. Keeps the last value of up to a fixed number of registers per
    /// meter in arrays allocated here; <see cref="Check"/> allocates nothing.
    /// </summary>
    public sealed class QualityChecker
    {
        private const long TicksPerSecond = 10000000L;
        private const long TicksPerMinute = 60 * TicksPerSecond;
        private const long MinimumTimeStepTicks = 2 * TicksPerSecond;

        private readonly QualityLimits _limits;
        private readonly int _registersPerMeter;
        private readonly long[] _keys; // OBIS codes packed A..F into 48 bits: a struct array would cost a boxed object per element on nanoFramework
        private readonly long[] _mantissa;
        private readonly sbyte[] _exponent;
        private readonly int[] _used;
        private readonly long[] _lastMeterTicks;
        private readonly long[] _lastCheckTicks;
        private readonly long _skewTicks;
        private readonly long _staleTicks;

        public QualityChecker(int meters, int registersPerMeter, QualityLimits limits)
        {
            if (meters < 1 || registersPerMeter < 1)
            {
                throw new ArgumentOutOfRangeException("meters", "at least one meter and one register per meter");
            }

            if (limits == null)
            {
                limits = new QualityLimits();
            }

            limits.Validate();
            _limits = limits;
            _registersPerMeter = registersPerMeter;
            _keys = new long[meters * registersPerMeter];
            _mantissa = new long[meters * registersPerMeter];
            _exponent = new sbyte[meters * registersPerMeter];
            _used = new int[meters];
            _lastMeterTicks = new long[meters];
            _lastCheckTicks = new long[meters];
            _skewTicks = limits.MaxClockSkewSeconds * TicksPerSecond;
            _staleTicks = limits.StaleAfterSeconds * TicksPerSecond;
        }

        public int Meters
        {
            get { return _used.Length; }
        }

        public int RegistersPerMeter
        {
            get { return _registersPerMeter; }
        }

        /// <summary>Counter readings not checked for going backwards because the meter's register table was full.</summary>
        public long UntrackedRegisters { get; private set; }

        /// <summary>
        /// Checks the set just read from meter number <paramref name="meter"/> (its index in the inventory) at
        /// <paramref name="concentratorUtc"/>; sets the flags on the readings and the set and returns all flags raised.
        /// </summary>
        public ReadingFlags Check(int meter, ReadingSet set, DateTime concentratorUtc)
        {
            if (meter < 0 || meter >= _used.Length)
            {
                throw new ArgumentOutOfRangeException("meter");
            }

            if (set == null)
            {
                throw new ArgumentNullException("set");
            }

            long now = concentratorUtc.Ticks;
            ReadingFlags setFlags = ReadingFlags.None;
            if (set.HasTime)
            {
                long meterTicks = set.Time.Local.Ticks;
                if (set.Time.HasOffset)
                {
                    meterTicks -= set.Time.UtcOffsetMinutes * TicksPerMinute;
                    long difference = meterTicks - now;
                    if (difference > _skewTicks || -difference > _skewTicks)
                    {
                        setFlags |= ReadingFlags.ClockSkew;
                    }
                }

                // Meter clocks count whole seconds: two sets at least 2 s apart must carry different times (a meter that
                // pushes twice a second may send the same second twice).
                long last = _lastMeterTicks[meter];
                if (last != 0 && (meterTicks < last || (meterTicks == last && now - _lastCheckTicks[meter] >= MinimumTimeStepTicks)))
                {
                    setFlags |= ReadingFlags.Stale;
                }

                _lastMeterTicks[meter] = meterTicks;
                _lastCheckTicks[meter] = now;
            }

            set.Flags |= setFlags;
            ReadingFlags all = setFlags;
            for (int i = 0; i < set.Count; i++)
            {
                Reading reading = set[i];
                CheckReading(meter, set, reading, now);
                all |= reading.Flags;
            }

            return all;
        }

        /// <summary>Forgets a meter's last values and clock (the meter was replaced or its registers were reset on purpose).</summary>
        public void Forget(int meter)
        {
            _used[meter] = 0;
            _lastMeterTicks[meter] = 0;
            _lastCheckTicks[meter] = 0;
        }

        private void CheckReading(int meter, ReadingSet set, Reading reading, long now)
        {
            if (reading.HasTime && reading.Time.HasOffset)
            {
                long captured = reading.Time.Local.Ticks - reading.Time.UtcOffsetMinutes * TicksPerMinute;
                if (now - captured > _staleTicks)
                {
                    reading.Flags |= ReadingFlags.Stale;
                }
            }

            if (reading.Kind != ReadingKind.Number)
            {
                return;
            }

            RegisterQuantity quantity = RegisterQuantities.Of(reading.Obis);
            switch (quantity)
            {
                case RegisterQuantity.Energy:
                case RegisterQuantity.Volume:
                    if (reading.Mantissa < 0)
                    {
                        reading.Flags |= ReadingFlags.OutOfRange;
                    }

                    if (WentBackwards(meter, reading))
                    {
                        reading.Flags |= ReadingFlags.CounterWentBackwards;
                    }

                    break;
                case RegisterQuantity.Voltage:
                    double volts = reading.ToDouble() * UnitScale(set, reading);
                    if (volts < 0 || volts > _limits.MaxVoltage)
                    {
                        reading.Flags |= ReadingFlags.OutOfRange;
                    }

                    break;
                case RegisterQuantity.Frequency:
                    double hertz = reading.ToDouble() * UnitScale(set, reading);
                    if (hertz < _limits.MinFrequency || hertz > _limits.MaxFrequency)
                    {
                        reading.Flags |= ReadingFlags.OutOfRange;
                    }

                    break;
                case RegisterQuantity.Power:
                    double watts = reading.ToDouble() * UnitScale(set, reading);
                    if (watts > _limits.MaxPowerWatts || -watts > _limits.MaxPowerWatts)
                    {
                        reading.Flags |= ReadingFlags.OutOfRange;
                    }

                    break;
            }
        }

        // Compares with the last value of the same register and remembers this one.
        private bool WentBackwards(int meter, Reading reading)
        {
            int first = meter * _registersPerMeter;
            int used = _used[meter];
            long key = reading.Obis.ToKey();
            for (int i = first; i < first + used; i++)
            {
                if (_keys[i] == key)
                {
                    bool backwards = Compare(reading.Mantissa, reading.Exponent, _mantissa[i], _exponent[i]) < 0;
                    _mantissa[i] = reading.Mantissa;
                    _exponent[i] = reading.Exponent;
                    return backwards;
                }
            }

            if (used == _registersPerMeter)
            {
                UntrackedRegisters++;
                return false;
            }

            int slot = first + used;
            _keys[slot] = key;
            _mantissa[slot] = reading.Mantissa;
            _exponent[slot] = reading.Exponent;
            _used[meter] = used + 1;
            return false;
        }

        /// <summary>Exact comparison of m1 × 10^e1 with m2 × 10^e2 ("000687.138" and "687.1380" are equal).</summary>
        public static int Compare(long m1, int e1, long m2, int e2)
        {
            while (e1 > e2 && Scalable(m1))
            {
                m1 *= 10;
                e1--;
            }

            while (e2 > e1 && Scalable(m2))
            {
                m2 *= 10;
                e2--;
            }

            if (e1 != e2)
            {
                // Too large to scale exactly: the magnitudes differ so much that a double decides.
                double a = Scaled(m1, e1);
                double b = Scaled(m2, e2);
                return a < b ? -1 : a > b ? 1 : 0;
            }

            return m1 < m2 ? -1 : m1 > m2 ? 1 : 0;
        }

        private static bool Scalable(long value)
        {
            return value < long.MaxValue / 10 && value > long.MinValue / 10;
        }

        private static double Scaled(long mantissa, int exponent)
        {
            double value = mantissa;
            for (; exponent > 0; exponent--)
            {
                value *= 10;
            }

            for (; exponent < 0; exponent++)
            {
                value /= 10;
            }

            return value;
        }

        // "kW" → 1000, "MW" → 1e6, "mV" → 0.001; the base unit otherwise.
        private static double UnitScale(ReadingSet set, Reading reading)
        {
            if (reading.UnitLength < 2)
            {
                return 1;
            }

            switch (set.Text[reading.UnitStart])
            {
                case (byte)'k':
                    return 1000;
                case (byte)'M':
                    return 1000000;
                case (byte)'m':
                    return 0.001;
                default:
                    return 1;
            }
        }
    }
}
