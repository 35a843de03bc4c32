using System;

namespace Concentrator.Core.Quality
{
    /// <summary>The limits a <see cref="QualityChecker"/> flags against. <see cref="Validate"/> checks them once.</summary>
    public sealed class QualityLimits
    {
        /// <summary>Highest plausible phase voltage (V); below 0 is always out of range.</summary>
        public double MaxVoltage = 500;

        /// <summary>Plausible mains frequency (Hz).</summary>
        public double MinFrequency = 45;
        public double MaxFrequency = 65;

        /// <summary>Highest plausible power, active, reactive or apparent, either direction (W, var, VA): the connection's size.</summary>
        public double MaxPowerWatts = 250000;

        /// <summary>A meter clock further than this from the concentrator's (in either direction) flags the set <c>ClockSkew</c>.</summary>
        public int MaxClockSkewSeconds = 120;

        /// <summary>A value whose own capture time (a gas reading's hour stamp) is older than this is flagged <c>Stale</c>.</summary>
        public int StaleAfterSeconds = 7200;

        public void Validate()
        {
            if (!(MaxVoltage > 0) || !(MaxFrequency > MinFrequency) || !(MinFrequency >= 0) || !(MaxPowerWatts > 0))
            {
                throw new ArgumentOutOfRangeException("MaxVoltage", "voltage and power limits must be positive and the frequency range not empty");
            }

            if (MaxClockSkewSeconds < 1 || StaleAfterSeconds < 1)
            {
                throw new ArgumentOutOfRangeException("MaxClockSkewSeconds", "the clock skew and stale limits must be at least 1 s");
            }
        }
    }
}
