namespace Concentrator.Core.Diagnostics
{
    /// <summary>Where a finished <see cref="FrameCapture"/> goes: the MQTT queue and the log on the board, the publisher on the desktop.</summary>
    public interface ICaptureOutput
    {
        /// <summary>
        /// The hex dump of a finished capture, <c>dump[0..length)</c> as ASCII text (lines ending in LF). The buffer is
        /// the caller's: copy what must outlive the call. Called on the thread that finished the capture.
        /// </summary>
        void Publish(string meterId, byte[] dump, int length);
    }
}
