using Concentrator.Core.Dlms;

namespace Concentrator.Core.Tests.Dlms
{
    /// <summary>Answers each exchange with the next prepared APDU, whatever was asked (for misbehaving-meter tests).</summary>
    public sealed class SequenceApduTransport : IApduTransport
    {
        private readonly byte[][] _answers;
        private int _next;
        private int _roundTrips;

        public SequenceApduTransport(byte[][] answers)
        {
            _answers = answers;
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
                return ApduTransportStatus.Timeout;
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
