using System;
using Concentrator.Core.Bus;
using Concentrator.Core.Dlms;

namespace Concentrator.Core.Scheduling.Readers
{
    /// <summary>
    /// The transport a DLMS client uses for one meter of an RS485 bus: <see cref="Open"/> is the arbiter's
    /// <see cref="MeterBusArbiter.Begin"/> for <see cref="Member"/> (the meter's framing, stale bytes drained, its HDLC
    /// addresses, SNRM), exchanges and DISC go through the bus's one shared <see cref="Hdlc.HdlcSession"/>. One object per
    /// bus: clients of several meters share it, and the reader sets <see cref="Member"/> before each read. The bus must
    /// be acquired (<see cref="MeterBusArbiter.TryAcquire"/>) around the read and ended with
    /// <see cref="MeterBusArbiter.End"/>; <see cref="DlmsMeterReader"/> does both.
    /// </summary>
    public sealed class BusMemberTransport : IApduTransport
    {
        private readonly MeterBusArbiter _bus;

        public BusMemberTransport(MeterBusArbiter bus)
        {
            if (bus == null)
            {
                throw new ArgumentNullException("bus");
            }

            _bus = bus;
            Member = -1;
        }

        public MeterBusArbiter Bus
        {
            get { return _bus; }
        }

        /// <summary>The meter (index on the arbiter) the next <see cref="Open"/> is for.</summary>
        public int Member { get; set; }

        public string LastError
        {
            get { return _bus.Session.LastError; }
        }

        public long BytesSent
        {
            get { return _bus.Session.BytesSent; }
        }

        public long BytesReceived
        {
            get { return _bus.Session.BytesReceived; }
        }

        public int RoundTrips
        {
            get { return _bus.Session.RoundTrips; }
        }

        public ApduTransportStatus Open()
        {
            if (Member < 0 || Member >= _bus.Count)
            {
                throw new InvalidOperationException("set the bus member before opening");
            }

            return _bus.Begin(Member);
        }

        public ApduTransportStatus Exchange(byte[] request, int offset, int count, byte[] response, out int responseLength)
        {
            return _bus.Session.Exchange(request, offset, count, response, out responseLength);
        }

        public void Close()
        {
            _bus.Session.Close();
        }
    }
}
