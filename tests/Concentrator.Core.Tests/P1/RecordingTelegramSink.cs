using Concentrator.Core.Dsmr;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Tests.P1
{
    /// <summary>Remembers what a P1 reader delivered.</summary>
    public sealed class RecordingTelegramSink : IP1TelegramSink
    {
        public int Telegrams;
        public int Failures;
        public int Silences;
        public int LastReadingCount;
        public string LastFailure;
        public DsmrStatus LastFailureKind;
        public int LastSilence;

        public void OnTelegram(ReadingSet readings)
        {
            Telegrams++;
            LastReadingCount = readings.Count;
        }

        public void OnFailure(DsmrError error)
        {
            Failures++;
            LastFailure = error.ToString();
            LastFailureKind = error.Kind;
        }

        public void OnSilence(int silentMilliseconds)
        {
            Silences++;
            LastSilence = silentMilliseconds;
        }
    }
}
