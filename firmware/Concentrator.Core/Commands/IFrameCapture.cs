namespace Concentrator.Core.Commands
{
    /// <summary>
    /// Raw frame capture for one meter (the CAPT command): the runtime records the bytes of the meter's next
    /// <c>sessions</c> sessions, both directions with timestamps, and publishes them as a hex dump (MQTT topic
    /// <c>…/meters/&lt;id&gt;/capture</c> or the log). Implemented by the runtime that owns the ports.
    /// </summary>
    public interface IFrameCapture
    {
        /// <summary>Arms the capture; false when a capture is already running (one at a time, buffers are small).</summary>
        bool Arm(string meterId, int sessions);
    }
}
