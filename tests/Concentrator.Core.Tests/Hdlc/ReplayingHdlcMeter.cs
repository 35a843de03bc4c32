using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Tests.Io;

namespace Concentrator.Core.Tests.Hdlc
{
    /// <summary>
    /// An allocation-free stand-in for a meter, for allocation tests and benchmarks of <see cref="HdlcSession"/>: it
    /// answers SNRM with a UA and the n-th request I frame with a prepared I frame carrying N(S)=n, N(R)=n+1 (mod 8) and
    /// <see cref="ResponseApdu"/>, so any number of exchanges in a row follow the sequence numbers. Answers are made
    /// once, up front.
    /// </summary>
    public sealed class ReplayingHdlcMeter : IByteLink
    {
        public static readonly HdlcAddress Meter = HdlcAddress.Server(1, 17);
        public static readonly HdlcAddress Client = HdlcAddress.Client(HdlcAddress.PublicClient);

        /// <summary>A GET-Response-Normal with a double-long-unsigned 42, as an energy register answers.</summary>
        public static readonly byte[] ResponseApdu = new byte[] { 0xC4, 0x01, 0xC1, 0x00, 0x06, 0x00, 0x00, 0x00, 0x2A };

        private readonly byte[] _ua = new byte[64];
        private readonly byte[][] _answers = new byte[8][];
        private readonly int[] _answerLengths = new int[8];
        private int _uaLength;
        private readonly ByteQueue _pending = new ByteQueue(256);
        private int _next;

        public ReplayingHdlcMeter()
        {
            _uaLength = HdlcFrameEncoder.Encode(_ua, 0, Client, Meter, HdlcControl.Unnumbered(HdlcControl.Ua), false, null, 0, 0);
            byte[] information = new byte[3 + ResponseApdu.Length];
            information[0] = 0xE6;
            information[1] = 0xE7;
            information[2] = 0x00;
            System.Array.Copy(ResponseApdu, 0, information, 3, ResponseApdu.Length);
            for (int n = 0; n < 8; n++)
            {
                _answers[n] = new byte[64];
                _answerLengths[n] = HdlcFrameEncoder.Encode(_answers[n], 0, Client, Meter, HdlcControl.Information(n, n + 1, true), false, information, 0, information.Length);
            }
        }

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            bytesRead = _pending.Take(buffer, offset, count);
            return bytesRead > 0 ? LinkStatus.Ok : LinkStatus.Timeout;
        }

        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            // The control field of a frame to a 2-byte server address from a 1-byte client: flag, format (2), 3 address bytes.
            byte control = buffer[offset + 6];
            if (HdlcControl.TypeOf(control) == HdlcFrameType.SetNormalResponseMode)
            {
                _next = 0;
                _pending.Add(_ua, 0, _uaLength);
            }
            else
            {
                _pending.Add(_answers[_next], 0, _answerLengths[_next]);
                _next = (_next + 1) & 7;
            }

            return LinkStatus.Ok;
        }

        public LinkStatus Configure(LineSettings settings)
        {
            return LinkStatus.Ok;
        }
    }
}
