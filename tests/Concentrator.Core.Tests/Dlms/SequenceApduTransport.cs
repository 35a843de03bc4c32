using Concentrator.Core.Dlms;

namespace Concentrator.Core.Tests.Dlms
{
    /// <summary>Answers each exchange with the next prepared APDU, whatever was asked (for misbehaving-meter tests).</summary>
    public sealed class SequenceApduTransport : IApduTransport
    {
        private readonly byte[][] _answers;
        private readonly ApduTransportStatus[] _failures;
        private int _next;
        private int _nextFailure;
        private int _roundTrips;

        public SequenceApduTransport(byte[][] answers)
            : this(answers, new ApduTransportStatus[0])
        {
        }

        /// <summary>After the answers, each exchange fails with the next of <paramref name="failures"/>, then with Timeout.</summary>
        public SequenceApduTransport(byte[][] answers, ApduTransportStatus[] failures)
        {
            _answers = answers;
            _failures = failures;
        }

        public string LastError
        {
            get { return _next >= _answers.Length ? "no more answers" : string.Empty; }
        }

        public long BytesSent
        {
            get { return 0; }
        }

        public long BytesReceived
        {
            get { return 0; }
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
            responseLength = 0;
            if (_next >= _answers.Length)
            {
                return _nextFailure < _failures.Length ? _failures[_nextFailure++] : ApduTransportStatus.Timeout;
            }

            byte[] answer = _answers[_next++];
            System.Array.Copy(answer, 0, response, 0, answer.Length);
            responseLength = answer.Length;
            return ApduTransportStatus.Ok;
        }

        public void Close()
        {
        }
    }
}
