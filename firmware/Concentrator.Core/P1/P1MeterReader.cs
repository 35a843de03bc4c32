using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;

namespace Concentrator.Core.P1
{
    /// <summary>
    /// A P1 port read on a schedule (<see cref="IMeterReader"/>): drops what the port has buffered since the last read
    /// (old telegrams), then decodes the next whole telegram that passes its checks, within the budget. For a P1 port
    /// read continuously (every telegram published) use <see cref="P1PortReader"/> instead. Allocation-free except for
    /// the error text of a failed telegram.
    /// </summary>
    public sealed class P1MeterReader : IMeterReader
    {
        /// <summary>At most this many bytes are dropped before a read (a port that never stops cannot hold a read forever).</summary>
        public const int MaxDrainBytes = 65536;

        private readonly IByteLink _link;
        private readonly DsmrTelegramDecoder _decoder;
        private readonly IScheduleClock _clock;
        private readonly int _readTimeout;
        private readonly byte[] _buffer;

        public P1MeterReader(IByteLink link, DsmrTelegramDecoder decoder, IScheduleClock clock, int readTimeoutMilliseconds, int bufferSize)
        {
            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            if (decoder == null)
            {
                throw new ArgumentNullException("decoder");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (readTimeoutMilliseconds < 1 || bufferSize < 1)
            {
                throw new ArgumentOutOfRangeException("readTimeoutMilliseconds", "read timeout and buffer size must be positive");
            }

            _link = link;
            _decoder = decoder;
            _clock = clock;
            _readTimeout = readTimeoutMilliseconds;
            _buffer = new byte[bufferSize];
        }

        public ReadingSet Readings
        {
            get { return _decoder.Readings; }
        }

        public string LastError { get; private set; }

        /// <summary>Bytes dropped before reads (telegrams that arrived between two reads).</summary>
        public long BytesDropped { get; private set; }

        public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
        {
            long start = _clock.UtcMilliseconds;
            LastError = null;
            int dropped = 0;
            while (dropped < MaxDrainBytes)
            {
                int count;
                LinkStatus drain = _link.Read(_buffer, 0, _buffer.Length, 0, out count);
                if (drain == LinkStatus.Closed || drain == LinkStatus.Fault)
                {
                    return LinkFailed(drain);
                }

                if (drain != LinkStatus.Ok || count == 0)
                {
                    break;
                }

                dropped += count;
            }

            BytesDropped += dropped;
            _decoder.Reset();
            bool sawBytes = false;
            bool sawFailure = false;
            while (true)
            {
                long left = budgetMilliseconds - (_clock.UtcMilliseconds - start);
                if (left <= 0)
                {
                    if (sawFailure)
                    {
                        LastError = _decoder.LastError.ToString();
                        return MeterReadStatus.BadAnswer;
                    }

                    LastError = sawBytes ? "no complete telegram within the read budget" : "no byte within the read budget (silent meter)";
                    return MeterReadStatus.NoAnswer;
                }

                int read;
                LinkStatus status = _link.Read(_buffer, 0, _buffer.Length, left < _readTimeout ? (int)left : _readTimeout, out read);
                if (status == LinkStatus.Closed || status == LinkStatus.Fault)
                {
                    return LinkFailed(status);
                }

                if (status != LinkStatus.Ok || read == 0)
                {
                    continue;
                }

                sawBytes = true;
                int offset = 0;
                while (offset < read)
                {
                    int consumed;
                    DsmrStatus result = _decoder.Feed(_buffer, offset, read - offset, out consumed);
                    offset += consumed;
                    if (result == DsmrStatus.TelegramReady)
                    {
                        return MeterReadStatus.Ok; // the rest is dropped before the next read
                    }

                    if (result != DsmrStatus.NeedMoreData && result != DsmrStatus.GarbageSkipped)
                    {
                        sawFailure = true;
                    }
                }
            }
        }

        private MeterReadStatus LinkFailed(LinkStatus status)
        {
            LastError = status == LinkStatus.Closed ? "link closed" : "link fault";
            return MeterReadStatus.LinkFailure;
        }
    }
}
