using Concentrator.Core.Io;

namespace Concentrator.Core.Sml
{
    /// <summary>Line settings of an SML push port.</summary>
    public static class SmlLineSettings
    {
        /// <summary>The eHZ optical port (FNN Lastenheft eHZ; plain unmodulated IR): 9600 baud 8N1, not inverted.</summary>
        public static LineSettings Optical
        {
            get { return new LineSettings(9600, 8, LineParity.None, 1, false); }
        }
    }
}
