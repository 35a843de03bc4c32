using System;
using Concentrator.Core.Commands;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Diagnostics
{
    /// <summary>
    /// One meter's state for <c>MCP DIAG ID=…</c>, written by the meter's port thread after each read, telegram or
    /// failure and read by the command thread (<see cref="Fill"/>); a lock keeps the longs and the texts consistent.
    /// The error is kept short (<see cref="MaxErrorLength"/>, GSM-safe characters) so the reply fits one SMS; it is
    /// rebuilt only when the reader's text changes. Recording a good read allocates nothing.
    /// </summary>
    public sealed class MeterHealth
    {
        /// <summary>Longest error text kept (DIAG's reply is one 160-character SMS).</summary>
        public const int MaxErrorLength = 48;

        /// <summary>Longest link text shown (cut when DIAG asks, not when a read stores it).</summary>
        public const int MaxLinkLength = 48;

        private readonly object _gate = new object();
        private readonly IMillisecondClock _clock;
        private long _readings;
        private long _failures;
        private int _consecutive;
        private bool _offline;
        private long _lastReadingAt = -1;
        private string _rawError;
        private string _lastError = string.Empty;
        private string _workingLink = string.Empty;

        public MeterHealth(string meterId, IMillisecondClock clock)
        {
            if (meterId == null)
            {
                throw new ArgumentNullException("meterId");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            MeterId = meterId;
            _clock = clock;
        }

        public string MeterId { get; private set; }

        public bool Offline
        {
            get { return _offline; }
        }

        public int ConsecutiveFailures
        {
            get { return _consecutive; }
        }

        /// <summary>Good reads, telegrams or files.</summary>
        public long Readings
        {
            get
            {
                lock (_gate)
                {
                    return _readings;
                }
            }
        }

        public long Failures
        {
            get
            {
                lock (_gate)
                {
                    return _failures;
                }
            }
        }

        /// <summary>The last error, shortened ("" when none yet).</summary>
        public string LastError
        {
            get { return _lastError; }
        }

        public string WorkingLink
        {
            get { return _workingLink; }
        }

        /// <summary>A good read, telegram or file; <paramref name="workingLink"/> (kept by reference) is how the link was set.</summary>
        public void Reading(string workingLink)
        {
            long now = _clock.NowMilliseconds;
            lock (_gate)
            {
                _readings++;
                _consecutive = 0;
                _offline = false;
                _lastReadingAt = now;
                if (workingLink != null && workingLink.Length > 0)
                {
                    _workingLink = workingLink;
                }
            }
        }

        /// <summary>A failed read (or a bad telegram or file); <paramref name="error"/> says what went wrong.</summary>
        public void Failure(string error)
        {
            lock (_gate)
            {
                _failures++;
                _consecutive++;
                KeepError(error);
            }
        }

        /// <summary>The meter is offline (the scheduler's verdict, or a push meter silent past its alarm) or answering again.</summary>
        public void SetOffline(bool offline, string reason)
        {
            lock (_gate)
            {
                _offline = offline;
                if (offline && reason != null)
                {
                    KeepError(reason);
                }
            }
        }

        /// <summary>Copies the state into <paramref name="diagnostics"/> (seconds since the last reading on the monotonic clock).</summary>
        public void Fill(MeterDiagnostics diagnostics)
        {
            long now = _clock.NowMilliseconds;
            lock (_gate)
            {
                diagnostics.Readings = _readings;
                diagnostics.Failures = _failures;
                diagnostics.ConsecutiveFailures = _consecutive;
                diagnostics.Offline = _offline;
                diagnostics.LastError = _lastError;
                diagnostics.SecondsSinceReading = _lastReadingAt < 0 ? -1 : (now - _lastReadingAt) / 1000;
                diagnostics.WorkingLink = _workingLink;
            }

            // Cut (if ever) here, at the edge, not on every read.
            diagnostics.WorkingLink = Shorten(diagnostics.WorkingLink, MaxLinkLength);
        }

        private void KeepError(string error)
        {
            if (error == null || (object)error == (object)_rawError)
            {
                return;
            }

            _rawError = error;
            _lastError = Shorten(error, MaxErrorLength);
        }

        /// <summary>
        /// <paramref name="text"/> cut to <paramref name="max"/> characters (at a word end where one is near, marked "..")
        /// with every character outside printable ASCII or special in a command reply (brackets, GSM extension
        /// characters) replaced by '?'. Returns the text itself when nothing changes.
        /// </summary>
        public static string Shorten(string text, int max)
        {
            if (text == null)
            {
                return string.Empty;
            }

            bool clean = text.Length <= max;
            for (int i = 0; clean && i < text.Length; i++)
            {
                clean = IsPlain(text[i]);
            }

            if (clean)
            {
                return text;
            }

            int length = text.Length;
            if (length > max)
            {
                length = max - 2;
                int space = text.LastIndexOf(' ', length);
                if (space > max / 2)
                {
                    length = space;
                }
            }

            char[] chars = new char[length + (length < text.Length ? 2 : 0)];
            for (int i = 0; i < length; i++)
            {
                chars[i] = IsPlain(text[i]) ? text[i] : '?';
            }

            if (length < text.Length)
            {
                chars[length] = '.';
                chars[length + 1] = '.';
            }

            return new string(chars);
        }

        private static bool IsPlain(char c)
        {
            return c >= ' ' && c <= '~' && c != '[' && c != ']' && c != '{' && c != '}' && c != '\\' && c != '^' && c != '~' && c != '|' && c != '`';
        }
    }
}
