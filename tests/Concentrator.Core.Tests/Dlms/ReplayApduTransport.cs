using Concentrator.Core.Dlms;

namespace Concentrator.Core.Tests.Dlms
{
    /// <summary>
    /// An <see cref="IApduTransport"/> that answers from prepared APDUs: the AARE to an AARQ, an RLRE to an RLRQ, and
    /// to a GET-with-list the prepared response with the same item count (its invoke id set to the request's).
    /// For tests and benchmarks of the client without a meter; allocation-free per exchange.
    /// </summary>
    public sealed class ReplayApduTransport : IApduTransport
    {
        private static readonly byte[] Rlre = { 0x63, 0x03, 0x80, 0x01, 0x00 };
        private readonly byte[] _aare;
        private readonly byte[][] _withList;
        private int _roundTrips;
        private long _sent;
        private long _received;
        private string _lastError = string.Empty;

        public ReplayApduTransport(byte[] aare, byte[][] withListResponses)
        {
            _aare = aare;
            _withList = withListResponses;
        }

        public string LastError
        {
            get { return _lastError; }
        }

        public long BytesSent
        {
            get { return _sent; }
        }

        public long BytesReceived
        {
            get { return _received; }
        }

        public int RoundTrips
        {
            get { return _roundTrips; }
        }

        public ApduTransportStatus Open()
        {
            return ApduTransportStatus.Ok;
        }

        public ApduTransportStatus Exchange(byte[] request, int offset, int count, byte[] response, out int responseLength)
        {
            _roundTrips++;
            _sent += count;
            byte[] answer = null;
            if (request[offset] == (byte)DlmsApduTag.Aarq)
            {
                answer = _aare;
            }
            else if (request[offset] == (byte)DlmsApduTag.Rlrq)
            {
                answer = Rlre;
            }
            else if (request[offset] == (byte)DlmsApduTag.GetRequest && request[offset + 1] == GetApdu.WithList)
            {
                for (int i = 0; i < _withList.Length; i++)
                {
                    if (_withList[i][3] == request[offset + 3])
                    {
                        answer = _withList[i];
                    }
                }
            }

            if (answer == null)
            {
                responseLength = 0;
                _lastError = "no prepared answer";
                return ApduTransportStatus.Timeout;
            }

            System.Array.Copy(answer, 0, response, 0, answer.Length);
            if (answer[0] == (byte)DlmsApduTag.GetResponse)
            {
                response[2] = request[offset + 2];
            }

            responseLength = answer.Length;
            _received += answer.Length;
            return ApduTransportStatus.Ok;
        }

        public void Close()
        {
        }
    }
}
