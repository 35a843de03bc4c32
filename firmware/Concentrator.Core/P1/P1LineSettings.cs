using Concentrator.Core.Io;

namespace Concentrator.Core.P1
{
    /// <summary>Line settings of the DSMR P1 port (DSMR 5.0.2 §5.3; DSMR 2.2/3.0 §4.3). The signal is inverted in every version.</summary>
    public static class P1LineSettings
    {
        /// <summary>DSMR 4.x and 5: 115200 baud 8N1.</summary>
        public static LineSettings Dsmr4
        {
            get { return new LineSettings(115200, 8, LineParity.None, 1, true); }
        }

        /// <summary>DSMR 2.2 and 3.0: 9600 baud 7E1.</summary>
        public static LineSettings Dsmr2
        {
            get { return new LineSettings(9600, 7, LineParity.Even, 1, true); }
        }
    }
}
