using System;

namespace Concentrator.Core.Timing
{
    /// <summary>
    /// Lets one report through per interval and counts the ones held back, so a meter that fails every second
    /// does not flood the broker. Time comes from the caller in milliseconds; a clock that jumps backwards
    /// (a first SNTP sync) lets the next report through rather than holding reports back for the size of the jump.
    /// </summary>
    public sealed class ReportThrottle
    {
        private readonly long _intervalMilliseconds;
        private long _lastPassed;
        private bool _hasPassed;

        public ReportThrottle(long intervalMilliseconds)
        {
            if (intervalMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException("intervalMilliseconds");
            }

            _intervalMilliseconds = intervalMilliseconds;
        }

        /// <summary>Reports held back since the last one that passed.</summary>
        public int Suppressed { get; private set; }

        /// <summary>
        /// True when a report may go out now; the caller then reads <see cref="Suppressed"/> (to mention it) before
        /// calling <see cref="Passed"/>.
        /// </summary>
        public bool IsOpen(long nowMilliseconds)
        {
            if (!_hasPassed || nowMilliseconds < _lastPassed || nowMilliseconds - _lastPassed >= _intervalMilliseconds)
            {
                return true;
            }

            Suppressed++;
            return false;
        }

        /// <summary>Records that a report went out now.</summary>
        public void Passed(long nowMilliseconds)
        {
            _lastPassed = nowMilliseconds;
            _hasPassed = true;
            Suppressed = 0;
        }
    }
}
