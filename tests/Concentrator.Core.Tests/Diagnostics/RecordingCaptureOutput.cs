using Concentrator.Core.Diagnostics;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Core.Tests.Diagnostics
{
    /// <summary>Keeps the last capture dump handed over, as text.</summary>
    public sealed class RecordingCaptureOutput : ICaptureOutput
    {
        public string MeterId;
        public string Dump;
        public int Count;

        public void Publish(string meterId, byte[] dump, int length)
        {
            MeterId = meterId;
            Dump = Ascii.Text(dump, 0, length);
            Count++;
        }
    }
}
