using Concentrator.Core.Readings;

namespace Concentrator.Core.Sml
{
    /// <summary>Where an <see cref="SmlPushReader"/> delivers what it read.</summary>
    public interface ISmlFileSink
    {
        /// <summary>
        /// Readings arrived: a whole good file, or (when <paramref name="partial"/>) the messages of a failed file that
        /// passed their own CRC, after <see cref="OnFailure"/> has reported the failure. The set is reused: copy what
        /// must outlive the call.
        /// </summary>
        void OnFile(ReadingSet readings, bool partial);

        /// <summary>A file (or the bytes before one) failed a check; the error says which.</summary>
        void OnFailure(SmlError error);

        /// <summary>No byte has arrived for this long (reported once per silence, when it passes the configured limit).</summary>
        void OnSilence(int silentMilliseconds);
    }
}
