using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Bus
{
    /// <summary>One meter on an RS485 bus: its HDLC addresses, its framing, and how its last sessions went.</summary>
    public sealed class MeterBusMember
    {
        internal MeterBusMember(HdlcAddress server, HdlcAddress client, LineSettings line, RetryBackoff backoff)
        {
            Server = server;
            Client = client;
            Line = line;
            Backoff = backoff;
        }

        public HdlcAddress Server { get; private set; }

        public HdlcAddress Client { get; private set; }

        public LineSettings Line { get; private set; }

        internal RetryBackoff Backoff { get; private set; }

        /// <summary>Sessions that failed in a row (0 after a success).</summary>
        public int ConsecutiveFailures { get; internal set; }

        /// <summary>Sessions run, and of those succeeded, since start.</summary>
        public int Sessions { get; internal set; }

        public int Successes { get; internal set; }

        /// <summary>Cycles in which the meter was left out because it was still backing off after failures.</summary>
        public int Skipped { get; internal set; }

        /// <summary>Clock time before which the meter is not tried again (after failures).</summary>
        public long NotBefore { get; internal set; }

        /// <summary>How long the last session held the bus, in milliseconds.</summary>
        public long LastSessionMilliseconds { get; internal set; }

        /// <summary>Why the last session failed ("" after a success).</summary>
        public string LastError { get; internal set; }
    }
}
