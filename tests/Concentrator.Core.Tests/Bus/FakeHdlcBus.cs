using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Core.Tests.Bus
{
    /// <summary>
    /// An RS485 bus with meters that answer SNRM and DISC with UA, each by its own address (meters marked silent never
    /// answer). A read with nothing to deliver waits out its timeout on the <see cref="ManualClock"/>.
    /// </summary>
    public sealed class FakeHdlcBus : IByteLink
    {
        private readonly ManualClock _clock;
        private readonly HdlcAddress[] _meters;
        private readonly bool[] _silent;
        private readonly HdlcFrameDecoder _decoder = new HdlcFrameDecoder(256);
        private readonly ByteQueue _pending = new ByteQueue(1024);
        private readonly byte[] _answer = new byte[64];

        public FakeHdlcBus(ManualClock clock, HdlcAddress[] meters, bool[] silent)
        {
            _clock = clock;
            _meters = meters;
            _silent = silent;
        }

        public int FramesWritten;
        public LineSettings LastSettings;
        public int Configurations;

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            bytesRead = 0;
            if (_pending.IsEmpty)
            {
                _clock.Advance(timeoutMilliseconds);
                return LinkStatus.Timeout;
            }

            bytesRead = _pending.Take(buffer, offset, count);
            return LinkStatus.Ok;
        }

        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            int position = offset;
            int end = offset + count;
            while (position < end)
            {
                int consumed;
                HdlcDecodeStatus status = _decoder.Feed(buffer, position, end - position, out consumed);
                position += consumed;
                if (status != HdlcDecodeStatus.FrameReady)
                {
                    continue;
                }

                FramesWritten++;
                HdlcFrame frame = _decoder.Frame;
                for (int i = 0; i < _meters.Length; i++)
                {
                    if (!_meters[i].SameAs(frame.Destination) || _silent[i])
                    {
                        continue;
                    }

                    HdlcFrameType type = frame.Type;
                    if (type == HdlcFrameType.SetNormalResponseMode || type == HdlcFrameType.Disconnect)
                    {
                        int length = HdlcFrameEncoder.Encode(_answer, 0, frame.Source, _meters[i], HdlcControl.Unnumbered(HdlcControl.Ua), false, null, 0, 0);
                        _pending.Add(_answer, 0, length);
                    }
                }
            }

            return LinkStatus.Ok;
        }

        public LinkStatus Configure(LineSettings settings)
        {
            LastSettings = settings;
            Configurations++;
            return LinkStatus.Ok;
        }
    }
}
