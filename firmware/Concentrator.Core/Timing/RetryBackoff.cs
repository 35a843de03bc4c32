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
            Failures++;
            return NextDelay(ref _next);
        }

        /// <summary>The first delay, where a sequence starts and <see cref="Reset"/> returns to.</summary>
        public int FirstMilliseconds
        {
            get { return _firstMilliseconds; }
        }

        /// <summary>
        /// For many members sharing this policy, each keeping only its own next delay (an int instead of a backoff object:
        /// on nanoCLR an object costs a header and a 12-byte slot per field): returns the delay to wait now, given the
        /// member's <paramref name="next"/> delay (start it at <see cref="FirstMilliseconds"/>), and advances it.
        /// </summary>
        public int NextDelay(ref int next)
        {
            int delay = next;
            next = delay > _maximumMilliseconds / 2 ? _maximumMilliseconds : delay * 2;
            return delay;
        }

        public void Reset()
        {
            _next = _firstMilliseconds;
            Failures = 0;
        }
    }
}
