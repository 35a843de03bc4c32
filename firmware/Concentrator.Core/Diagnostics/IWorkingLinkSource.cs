namespace Concentrator.Core.Diagnostics
{
    /// <summary>
    /// A meter reader that knows the link settings its last good session used (IEC 62056-21: mode, negotiated baud,
    /// framing and fallback). The text is built once per change and reused, so asking after every read allocates nothing.
    /// </summary>
    public interface IWorkingLinkSource
    {
        /// <summary>The settings of the last good session ("IEC C 9600 7E1"), "" before the first one.</summary>
        string WorkingLink { get; }
    }
}
