using Concentrator.Core.Dsmr;
using Concentrator.Core.Readings;

namespace Concentrator.Core.P1
{
    /// <summary>Where a <see cref="P1PortReader"/> delivers what it read.</summary>
    public interface IP1TelegramSink
    {
        /// <summary>A telegram passed every check. The set is reused: copy what must outlive the call.</summary>
        void OnTelegram(ReadingSet readings);

        /// <summary>A telegram (or the bytes before one) failed a check; the error says which.</summary>
        void OnFailure(DsmrError error);

        /// <summary>No byte has arrived for this long (reported once per silence, when it passes the configured limit).</summary>
        void OnSilence(int silentMilliseconds);
    }
}
