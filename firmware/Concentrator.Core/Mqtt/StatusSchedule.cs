namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// When the retained status is published (MeterCom RINT semantics, 2N manual 4.2: "1-24 interval in hours, 0
    /// disabled"): once on every connection; then every <c>intervalHours</c> (read from the live configuration at each
    /// check, so a new RINT applies at once, measured from the last publication); and when something an engineer must
    /// learn without waiting for the interval changes — a meter went offline or came back, the full queue dropped
    /// messages, the command password became (or stopped being) the default — at most once per
    /// <see cref="ChangeGapMilliseconds"/>. With RINT 0 only the connection and the changes publish.
    /// Between reports nothing else is sent: the broker's last will (after 1.5 × the keep alive) says when the device is
    /// gone, and the readings themselves show that meters are read; an every-minute heartbeat would cost a metered
    /// cellular link about 300 KB a day to say what the will already says.
    /// Times are those of an <see cref="Timing.IMillisecondClock"/>.
    /// </summary>
    public sealed class StatusSchedule
    {
        /// <summary>Shortest time between two status messages caused by changes.</summary>
        public const long ChangeGapMilliseconds = 60000;

        public const long MillisecondsPerHour = 3600000;

        private bool _published;
        private long _last;
        private int _lastOffline;
        private uint _lastDropped;
        private bool _lastDefaultPassword;

        /// <summary>A new connection: the next check is due.</summary>
        public void Connected()
        {
            _published = false;
        }

        /// <summary>True when <paramref name="current"/> should be published now (see the class summary).</summary>
        public bool IsDue(long now, int intervalHours, StatusReport current)
        {
            if (!_published)
            {
                return true;
            }

            long since = now - _last;
            if (intervalHours > 0 && since >= intervalHours * MillisecondsPerHour)
            {
                return true;
            }

            bool changed = current.MetersOffline != _lastOffline || current.QueueDropped != _lastDropped
                || current.DefaultPassword != _lastDefaultPassword;
            return changed && since >= ChangeGapMilliseconds;
        }

        /// <summary>Milliseconds until the interval makes the next status due (changes may come earlier); -1 with RINT 0.</summary>
        public long MillisecondsUntilInterval(long now, int intervalHours)
        {
            if (!_published)
            {
                return 0;
            }

            if (intervalHours <= 0)
            {
                return -1;
            }

            long left = _last + intervalHours * MillisecondsPerHour - now;
            return left < 0 ? 0 : left;
        }

        /// <summary>Records that <paramref name="published"/> went out at <paramref name="now"/>.</summary>
        public void Published(long now, StatusReport published)
        {
            _published = true;
            _last = now;
            _lastOffline = published.MetersOffline;
            _lastDropped = published.QueueDropped;
            _lastDefaultPassword = published.DefaultPassword;
        }
    }
}
