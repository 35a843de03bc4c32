using System;

namespace Concentrator.Core.Forwarding
{
    /// <summary>
    /// Paces what leaves the queue: a token bucket of <c>burst</c> messages refilled at <c>messagesPerSecond</c>. After
    /// a long outage the backlog drains at this rate instead of all at once, so the link, the broker and the board's
    /// CPU (which keeps polling meters meanwhile) are never flooded; with 31 meters every 15 minutes (0.03 messages/s)
    /// the default 20/s drains a day's backlog in under three minutes. Order is kept: new readings queue behind the backlog.
    /// </summary>
    public sealed class ReplayPacer
    {
        private readonly int _perSecond;
        private readonly int _burst;
        private long _tokensMilli; // tokens × 1000
        private long _lastMilliseconds;
        private bool _started;

        public ReplayPacer(int messagesPerSecond, int burst)
        {
            if (messagesPerSecond < 1 || messagesPerSecond > 100000)
            {
                throw new ArgumentOutOfRangeException("messagesPerSecond");
            }

            if (burst < 1)
            {
                throw new ArgumentOutOfRangeException("burst");
            }

            _perSecond = messagesPerSecond;
            _burst = burst;
        }

        /// <summary>Takes one message's token if there is one at <paramref name="nowMilliseconds"/> (a monotonic clock).</summary>
        public bool TryTake(long nowMilliseconds)
        {
            Refill(nowMilliseconds);
            if (_tokensMilli < 1000)
            {
                return false;
            }

            _tokensMilli -= 1000;
            return true;
        }

        /// <summary>Milliseconds until a token is there (0 when one is).</summary>
        public int MillisecondsUntilNext(long nowMilliseconds)
        {
            Refill(nowMilliseconds);
            if (_tokensMilli >= 1000)
            {
                return 0;
            }

            long missing = 1000 - _tokensMilli;
            return (int)((missing + _perSecond - 1) / _perSecond);
        }

        private void Refill(long now)
        {
            if (!_started)
            {
                _started = true;
                _lastMilliseconds = now;
                _tokensMilli = _burst * 1000L;
                return;
            }

            long elapsed = now - _lastMilliseconds;
            if (elapsed <= 0)
            {
                return;
            }

            _lastMilliseconds = now;
            _tokensMilli += elapsed * _perSecond;
            if (_tokensMilli > _burst * 1000L)
            {
                _tokensMilli = _burst * 1000L;
            }
        }
    }
}
