using System;
using System.Threading;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Bus
{
    /// <summary>
    /// Shares one RS485 line among up to 31 meters (the RS485 unit-load limit of 32 nodes, the concentrator being one):
    /// one HDLC session at a time, each meter with its own address and framing, one <see cref="HdlcSession"/> (and its
    /// buffers) reused for all of them. A meter that does not answer costs at most its session's bounded retries, and
    /// after failing it is left out of the following cycles for a growing back-off (up to
    /// <see cref="MaxBackoffMilliseconds"/>), so a dead meter never holds up the live ones. Exclusive use is taken with
    /// <see cref="TryAcquire"/> (never blocks), so a second thread (an on-demand read) is refused rather than
    /// interleaving its frames with a running session.
    /// </summary>
    public sealed class MeterBusArbiter
    {
        public const int MaxMeters = 31;

        /// <summary>First back-off after a failure.</summary>
        public const int FirstBackoffMilliseconds = 60000;

        /// <summary>Longest back-off: a dead meter is still tried at least this often.</summary>
        public const int MaxBackoffMilliseconds = 3600000;

        private const int DrainLimit = 4096;

        private readonly IByteLink _line;
        private readonly IMillisecondClock _clock;
        private readonly HdlcSession _session;
        private readonly MeterBusMember[] _members = new MeterBusMember[MaxMeters];
        private readonly byte[] _drain = new byte[64];
        private readonly RetryBackoff _backoff = new RetryBackoff(FirstBackoffMilliseconds, MaxBackoffMilliseconds); // each member keeps its next pause
        private int _count;
        private int _busy;
        private int _current = -1;

        public MeterBusArbiter(IByteLink line, IMillisecondClock clock, HdlcSessionOptions sessionOptions)
        {
            if (line == null)
            {
                throw new ArgumentNullException("line");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _line = line;
            _clock = clock;
            _session = new HdlcSession(line, clock, sessionOptions);
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>The clock the bus's sessions are timed with (the readers bound each whole read with it too).</summary>
        public IMillisecondClock Clock
        {
            get { return _clock; }
        }

        public MeterBusMember this[int member]
        {
            get
            {
                if (member < 0 || member >= _count)
                {
                    throw new ArgumentOutOfRangeException("member");
                }

                return _members[member];
            }
        }

        /// <summary>The shared session (its counters cover the whole bus).</summary>
        public HdlcSession Session
        {
            get { return _session; }
        }

        /// <summary>Adds a meter; returns its index. Refuses a 32nd meter and a server address already on the bus.</summary>
        public int Add(HdlcAddress server, HdlcAddress client, LineSettings line)
        {
            if (_count == MaxMeters)
            {
                throw new InvalidOperationException("an RS485 bus carries at most 31 meters");
            }

            if (server.IsEmpty || client.Size != 1 || line.BaudRate <= 0)
            {
                throw new ArgumentException("meter needs a server address, a 1-byte client address and a baud rate");
            }

            for (int i = 0; i < _count; i++)
            {
                if (_members[i].Server.SameAs(server))
                {
                    throw new ArgumentException("HDLC address " + server.ToString() + " is already on the bus");
                }
            }

            _members[_count] = new MeterBusMember(server, client, line, FirstBackoffMilliseconds);
            _members[_count].LastError = string.Empty;
            return _count++;
        }

        /// <summary>Takes the bus for one session; false at once when another session holds it.</summary>
        public bool TryAcquire()
        {
            return Interlocked.CompareExchange(ref _busy, 1, 0) == 0;
        }

        /// <summary>True when the meter is not backing off after failures.</summary>
        public bool IsDue(int member)
        {
            return _clock.NowMilliseconds >= this[member].NotBefore;
        }

        /// <summary>
        /// Opens the session to one meter on an acquired bus: its framing, stale bytes drained, its addresses, SNRM.
        /// The transport to read with is <see cref="Session"/>; finish with <see cref="End"/> whatever happened.
        /// </summary>
        public ApduTransportStatus Begin(int member)
        {
            MeterBusMember meter = this[member];
            if (_busy == 0)
            {
                throw new InvalidOperationException("acquire the bus before beginning a session");
            }

            if (_current >= 0)
            {
                throw new InvalidOperationException("a session to meter " + _members[_current].Server.ToString() + " is still running");
            }

            _current = member;
            meter.Sessions++;
            meter.LastSessionMilliseconds = _clock.NowMilliseconds;
            LinkStatus configured = _line.Configure(meter.Line);
            if (configured != LinkStatus.Ok)
            {
                meter.LastError = "line cannot be set to " + meter.Line.ToString();
                return configured == LinkStatus.Closed ? ApduTransportStatus.Disconnected : ApduTransportStatus.LinkFault;
            }

            // A late answer of the previous meter is no business of this one.
            int drained = 0;
            int read;
            while (drained < DrainLimit && _line.Read(_drain, 0, _drain.Length, 0, out read) == LinkStatus.Ok && read > 0)
            {
                drained += read;
            }

            _session.Retarget(meter.Server, meter.Client, meter.Line);
            ApduTransportStatus status = _session.Open();
            if (status != ApduTransportStatus.Ok)
            {
                meter.LastError = _session.LastError;
            }

            return status;
        }

        /// <summary>Closes the session (DISC), records how it went, and releases the bus.</summary>
        public void End(bool succeeded)
        {
            if (_current < 0)
            {
                Interlocked.Exchange(ref _busy, 0);
                return;
            }

            MeterBusMember meter = _members[_current];
            if (!succeeded && meter.LastError.Length == 0)
            {
                meter.LastError = _session.LastError.Length > 0 ? _session.LastError : "reading failed";
            }

            _session.Close();
            long now = _clock.NowMilliseconds;
            meter.LastSessionMilliseconds = now - meter.LastSessionMilliseconds;
            if (succeeded)
            {
                meter.Successes++;
                meter.ConsecutiveFailures = 0;
                meter.NotBefore = 0;
                meter.LastError = string.Empty;
                meter.NextBackoffMilliseconds = FirstBackoffMilliseconds;
            }
            else
            {
                meter.ConsecutiveFailures++;
                meter.NotBefore = now + _backoff.NextDelay(ref meter.NextBackoffMilliseconds);
            }

            _current = -1;
            Interlocked.Exchange(ref _busy, 0);
        }

        /// <summary>
        /// Reads every due meter once, in order: acquire, <see cref="Begin"/>, the reader, <see cref="End"/>. Meters still
        /// backing off are skipped (and counted). Returns how many were read successfully, or -1 when the bus was busy.
        /// </summary>
        public int RunCycle(IMeterBusReader reader)
        {
            if (reader == null)
            {
                throw new ArgumentNullException("reader");
            }

            int succeeded = 0;
            for (int i = 0; i < _count; i++)
            {
                if (!IsDue(i))
                {
                    _members[i].Skipped++;
                    continue;
                }

                if (!TryAcquire())
                {
                    return -1;
                }

                bool ok = false;
                try
                {
                    _members[i].LastError = string.Empty;
                    if (Begin(i) == ApduTransportStatus.Ok)
                    {
                        ok = reader.Read(i, _session);
                    }
                }
                finally
                {
                    End(ok);
                }

                if (ok)
                {
                    succeeded++;
                }
            }

            return succeeded;
        }
    }
}
