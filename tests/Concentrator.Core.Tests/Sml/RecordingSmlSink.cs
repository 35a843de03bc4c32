using Concentrator.Core.Readings;
using Concentrator.Core.Sml;

namespace Concentrator.Core.Tests.Sml
{
    /// <summary>Counts what an <see cref="SmlPushReader"/> delivers (static-free: one instance per test).</summary>
    public sealed class RecordingSmlSink : ISmlFileSink
    {
        public int Files;
        public int PartialFiles;
        public int LastCount;
        public int Failures;
        public SmlStatus LastFailure;
        public int Silences;

        public void OnFile(ReadingSet readings, bool partial)
        {
            Files++;
            if (partial)
            {
                PartialFiles++;
            }

            LastCount = readings.Count;
        }

        public void OnFailure(SmlError error)
        {
            Failures++;
            LastFailure = error.Kind;
        }

        public void OnSilence(int silentMilliseconds)
        {
            Silences++;
        }
    }
}
