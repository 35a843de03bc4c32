using System;

namespace Concentrator.Core.Timing
{
    /// <summary>
    /// Delays between retries of a connection: the first delay, then doubled after every failure up to a ceiling;
    /// <see cref="Reset"/> after a success. Keeps a device from hammering a broker or access point that is down.
    /// </summary>
    public sealed class RetryBackoff
    {
        private readonly int _firstMilliseconds;
        private readonly int _maximumMilliseconds;
        private int _next;

        public RetryBackoff(int firstMilliseconds, int maximumMilliseconds)
        {
            if (firstMilliseconds <= 0 || maximumMilliseconds < firstMilliseconds)
            {
                throw new ArgumentOutOfRangeException("maximumMilliseconds");
            }

            _firstMilliseconds = firstMilliseconds;
            _maximumMilliseconds = maximumMilliseconds;
            _next = firstMilliseconds;
        }

        /// <summary>Failures since the last <see cref="Reset"/>.</summary>
        public int Failures { get; private set; }

        /// <summary>Counts a failure and returns how long to wait before the next attempt.</summary>
        public int NextDelay()
        {
            int delay = _next;
            Failures++;
            _next = delay > _maximumMilliseconds / 2 ? _maximumMilliseconds : delay * 2;
            return delay;
        }

        public void Reset()
        {
            _next = _firstMilliseconds;
            Failures = 0;
        }
    }
}
