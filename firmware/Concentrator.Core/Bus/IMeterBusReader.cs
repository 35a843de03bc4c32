using Concentrator.Core.Dlms;

namespace Concentrator.Core.Bus
{
    /// <summary>
    /// Reads one meter over an open transport for a <see cref="MeterBusArbiter"/> cycle (the DLMS client's job).
    /// It must finish with a bounded number of exchanges; each exchange is bounded by the transport.
    /// </summary>
    public interface IMeterBusReader
    {
        /// <summary>Reads meter <paramref name="member"/>; true when the reading succeeded.</summary>
        bool Read(int member, IApduTransport transport);
    }
}
