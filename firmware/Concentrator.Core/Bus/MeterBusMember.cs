using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Bus
{
    /// <summary>One meter on an RS485 bus: its HDLC addresses, its framing, and how its last sessions went.</summary>
    public sealed class MeterBusMember
    {
        internal MeterBusMember(HdlcAddress server, HdlcAddress client, LineSettings line, int firstBackoffMilliseconds)
        {
            _server = Pack(server);
            _client = Pack(client);
            _line = ((long)line.BaudRate << 32) | ((long)line.DataBits << 24) | ((long)line.Parity << 16) | ((long)line.StopBits << 8) | (line.InvertedLevels ? 1L : 0L);
            NextBackoffMilliseconds = firstBackoffMilliseconds;
        }

        // The addresses and the line are kept packed into longs: on nanoCLR a struct in a field is a heap object of its
        // own (an HdlcAddress 48 bytes, a LineSettings 72), a long lives in the field's slot. A bus of 31 meters keeps
        // 5 KB less this way; the properties make the structs again when a session starts.
        private readonly long _server;
        private readonly long _client;
        private readonly long _line;

        public HdlcAddress Server
        {
            get { return Unpack(_server); }
        }

        public HdlcAddress Client
        {
            get { return Unpack(_client); }
        }

        public LineSettings Line
        {
            get { return new LineSettings((int)(_line >> 32), (byte)(_line >> 24), (LineParity)(byte)(_line >> 16), (byte)(_line >> 8), (_line & 1) != 0); }
        }

        /// <summary>The pause after the next failure (the arbiter's shared <see cref="RetryBackoff"/> advances it).</summary>
        internal int NextBackoffMilliseconds;

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
    
        private static long Pack(HdlcAddress address)
        {
            return ((long)address.Upper << 24) | ((long)address.Lower << 8) | address.Size;
        }

        private static HdlcAddress Unpack(long packed)
        {
            HdlcAddress address = new HdlcAddress();
            address.Upper = (ushort)(packed >> 24);
            address.Lower = (ushort)(packed >> 8);
            address.Size = (byte)packed;
            return address;
        }
    }
}
