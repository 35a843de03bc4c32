namespace Concentrator.Core.Commands
{
    /// <summary>
    /// Slows password guessing down and locks it out. The first <see cref="FreeFailures"/> wrong passwords in a row
    /// cost nothing; every further one locks the password for <see cref="FirstLockMilliseconds"/>, doubled per failure,
    /// at most <see cref="MaxLockMilliseconds"/>. While locked, every password, right or wrong, is refused (so a
    /// guesser learns nothing) and the attempt does not lengthen the lock. A right password resets the count.
    /// Time comes from the caller (a monotonic millisecond clock).
    /// </summary>
    public sealed class PasswordGuard
    {
        public const int FreeFailures = 3;

        public const long FirstLockMilliseconds = 30000;

        public const long MaxLockMilliseconds = 3600000;

        private long _lockedUntil;

        /// <summary>Wrong passwords since the last right one.</summary>
        public int Failures { get; private set; }

        /// <summary>Attempts refused because the password was locked.</summary>
        public int RefusedWhileLocked { get; private set; }

        public bool IsLocked(long nowMilliseconds)
        {
            return Failures >= FreeFailures && nowMilliseconds < _lockedUntil;
        }

        /// <summary>Milliseconds until a password is checked again (0 when not locked).</summary>
        public long LockRemaining(long nowMilliseconds)
        {
            return IsLocked(nowMilliseconds) ? _lockedUntil - nowMilliseconds : 0;
        }

        /// <summary>True when <paramref name="given"/> is the password and the password is not locked.</summary>
        public bool Check(string given, string password, long nowMilliseconds)
        {
            if (IsLocked(nowMilliseconds))
            {
                RefusedWhileLocked++;
                return false;
            }

            if (given == password)
            {
                Failures = 0;
                _lockedUntil = 0;
                return true;
            }

            Failures++;
            if (Failures >= FreeFailures)
            {
                long lockFor = FirstLockMilliseconds;
                for (int i = FreeFailures; i < Failures && lockFor < MaxLockMilliseconds; i++)
                {
                    lockFor *= 2;
                }

                _lockedUntil = nowMilliseconds + (lockFor < MaxLockMilliseconds ? lockFor : MaxLockMilliseconds);
            }

            return false;
        }
    }
}
